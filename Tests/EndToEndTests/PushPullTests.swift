import Foundation
import Testing
import _TestSupport

/// `sluice push`, `fetch` and `pull` through a directory remote: what one machine
/// ran, another restores instead of running.
@Suite struct PushPullTests {
    @Test func anotherCloneRestoresWhatWasPushed() throws {
        let first = try FixtureProject("basic")
        defer { first.directory.remove() }
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        _ = try first.repro()
        #expect(try first.run(["remote", "add", "-d", "shared", remote.path]).status == 0)
        let pushed = try first.run(["push", "-j", "2"])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect(pushed.stdout == "Pushed 2 objects (0 already there)\n")
        #expect(try first.run(["push"]).stdout == "Pushed 0 objects (2 already there)\n")

        // A second clone: the same sources, lock file and settings, no cache, no outputs.
        let second = try FixtureProject("basic")
        defer { second.directory.remove() }
        for file in ["pipeline.lock", "sluice.yaml"] {
            try second.write(file, try String(contentsOfFile: first.directory.path + "/" + file, encoding: .utf8))
        }
        let pulled = try second.run(["pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("Fetched 2 objects (0 already there)"))
        #expect(try String(contentsOfFile: second.directory.path + "/model.txt", encoding: .utf8)
            == String(contentsOfFile: first.directory.path + "/model.txt", encoding: .utf8))
        let report = try second.repro()
        #expect(report.executed == ["evaluate"], "prepare and train are up to date after the pull")
    }

    @Test func manySmallFilesTravelAsAPackThatStatusAndPullSee() throws {
        let first = try FixtureProject("basic")
        defer { first.directory.remove() }
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        try first.write("pipeline.yaml", """
            stages:
              many:
                cmd: mkdir -p many && for i in $(seq 1 30); do echo "file $i" > many/$i.txt; done
                outs: [many]
            """)
        #expect(try first.run(["repro"]).status == 0)
        #expect(try first.run(["remote", "add", "-d", "shared", remote.path]).status == 0)
        let pushed = try first.run(["push"])
        #expect(pushed.stdout == "Pushed 31 objects (0 already there)\n", "\(pushed.stderr)")
        // The directory's manifest and its 30 files: one pack and its index, nothing loose.
        #expect(try FileManager.default.contentsOfDirectory(atPath: remote.path + "/packs").count == 2)
        #expect(!FileManager.default.fileExists(atPath: remote.path + "/files"))
        #expect(try first.run(["status", "-c"]).stdout == "Cache and remote 'shared' are in sync.\n")

        let second = try FixtureProject("basic")
        defer { second.directory.remove() }
        for file in ["pipeline.yaml", "pipeline.lock", "sluice.yaml"] {
            try second.write(file, try String(contentsOfFile: first.directory.path + "/" + file, encoding: .utf8))
        }
        let pulled = try second.run(["pull"])
        #expect(pulled.status == 0 && pulled.stdout.contains("Fetched 31 objects (0 already there)"), "\(pulled.stdout)\(pulled.stderr)")
        #expect(try String(contentsOfFile: second.directory.path + "/many/30.txt", encoding: .utf8) == "file 30\n")
    }

    @Test func aDamagedRemoteObjectFailsThePullAndKeepsNothing() throws {
        let first = try FixtureProject("basic")
        defer { first.directory.remove() }
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        _ = try first.repro()
        #expect(try first.run(["remote", "add", "-d", "shared", remote.path]).status == 0)
        #expect(try first.run(["push"]).status == 0)
        let objects = try #require(FileManager.default.enumerator(atPath: remote.path + "/files")?.allObjects as? [String])
        for object in objects where !object.hasSuffix("/") && object.split(separator: "/").count == 3 {
            try "forged\n".write(toFile: remote.path + "/files/" + object, atomically: true, encoding: .utf8)
        }
        let second = try FixtureProject("basic")
        defer { second.directory.remove() }
        for file in ["pipeline.lock", "sluice.yaml"] {
            try second.write(file, try String(contentsOfFile: first.directory.path + "/" + file, encoding: .utf8))
        }
        let pulled = try second.run(["pull"])
        #expect(pulled.status == 1)
        #expect(pulled.stderr.contains("its content does not match its name"), "\(pulled.stderr)")
        #expect(!FileManager.default.fileExists(atPath: second.directory.path + "/model.txt"))
    }

    @Test func noRemoteSaysHowToAddOne() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["push"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: no remote is set up\n  hint: add one: sluice remote add -d NAME s3://BUCKET/PREFIX\n")
    }
}
