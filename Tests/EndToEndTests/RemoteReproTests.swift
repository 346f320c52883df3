import Foundation
import Testing
import _TestSupport

/// `repro --pull`, `push|pull --run-cache` and `status -c` through a directory remote:
/// project A runs and pushes; project B is a copy without git, cache or outputs.
@Suite struct RemoteReproTests {
    /// Project A, run and pushed (with its run-cache) to a fresh directory remote.
    static func pushedProject(_ remote: TemporaryDirectory) throws -> FixtureProject {
        let first = try FixtureProject("basic")
        _ = try first.repro()
        #expect(try first.run(["remote", "add", "-d", "shared", remote.path]).status == 0)
        let pushed = try first.run(["push", "--run-cache"])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        return first
    }

    /// Project B: the fixture with A's settings and, when `lock`, A's lock file.
    static func copy(of first: FixtureProject, lock: Bool) throws -> FixtureProject {
        let second = try FixtureProject("basic")
        for file in lock ? ["pipeline.lock", "sluice.yaml"] : ["sluice.yaml"] {
            try second.write(file, try first.read(file))
        }
        return second
    }

    /// The file's SHA-256 as `sha256sum` prints it.
    static func sha256(_ project: FixtureProject, _ path: String) throws -> String {
        let process = Process(), out = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [project.directory.url(path)]
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data.prefix(64), as: UTF8.self)
    }

    @Test func oneStageInAFreshCopyRestoresItsInputsAndItself() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let first = try Self.pushedProject(remote)
        defer { first.directory.remove() }
        let second = try Self.copy(of: first, lock: true)
        defer { second.directory.remove() }
        let result = try second.run(["repro", "--json", "--pull", "-s", "train"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try ReproReportJSON(result.stdout)
        #expect(report.restored == ["train"] && report.executed.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("restored  data/prepared.txt"), "\(result.stderr)")
        #expect(try Self.sha256(second, "model.txt") == Self.sha256(first, "model.txt"))
        #expect(try second.read("data/prepared.txt") == first.read("data/prepared.txt"))
    }

    @Test func withoutALockFileTheRunCacheRestoresWhatRanElsewhere() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let first = try Self.pushedProject(remote)
        defer { first.directory.remove() }
        let second = try Self.copy(of: first, lock: false)
        defer { second.directory.remove() }
        let single = try second.run(["repro", "--json", "--pull", "-s", "prepare"])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(try ReproReportJSON(single.stdout).restored == ["prepare"], "\(single.stdout)")
        let report = try second.repro(["--pull"])
        #expect(report.restored == ["train"], "restored from the remote's run-cache, not run")
        #expect(report.executed == ["evaluate"], "its metrics are not cached, so it has no run-cache entry")
        #expect(try Self.sha256(second, "model.txt") == Self.sha256(first, "model.txt"))
    }

    @Test func noRunCacheRunsTheStage() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let first = try Self.pushedProject(remote)
        defer { first.directory.remove() }
        let second = try Self.copy(of: first, lock: false)
        defer { second.directory.remove() }
        let report = try second.repro(["--pull", "--no-run-cache", "-s", "prepare"])
        #expect(report.executed == ["prepare"])
    }

    @Test func pullRunCacheBringsEntriesSoAPlainReproRestores() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let first = try Self.pushedProject(remote)
        defer { first.directory.remove() }
        let second = try Self.copy(of: first, lock: false)
        defer { second.directory.remove() }
        let fetched = try second.run(["fetch", "--run-cache", "prepare"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let report = try second.repro(["prepare"])
        #expect(report.restored == ["prepare"], "the entry and its output came with fetch --run-cache")
        let train = try second.repro(["train"])
        #expect(train.executed == ["train"], "only prepare's entry was fetched")
    }

    @Test func aMissingSourceThatNoStageProducesIsALocatedError() throws {
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        let first = try Self.pushedProject(remote)
        defer { first.directory.remove() }
        let second = try Self.copy(of: first, lock: true)
        defer { second.directory.remove() }
        try second.remove("data/raw.txt")
        let result = try second.run(["repro", "--pull", "-s", "prepare"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pipeline.yaml:5:"), "names the dependency's place: \(result.stderr)")
        #expect(result.stderr.contains("dependency 'data/raw.txt' of stage 'prepare' does not exist, no stage produces it"), "\(result.stderr)")
        #expect(result.stderr.contains("hint:"))
    }

    @Test func anUnknownRemoteIsAConfigurationError() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["repro", "--pull", "-r", "nowhere", "-s", "prepare"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nowhere"), "\(result.stderr)")
    }

    @Test func pushOfAStagePushesExactlyItsOutputs() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        _ = try project.repro()
        #expect(try project.run(["remote", "add", "-d", "shared", remote.path]).status == 0)
        let pushed = try project.run(["push", "train"])
        #expect(pushed.stdout == "Pushed 1 object (0 already there)\n", "\(pushed.stderr)")
        let model = try Self.sha256(project, "model.txt")
        let stored = try #require(FileManager.default.enumerator(atPath: remote.path)?.allObjects as? [String])
        #expect(stored.filter { $0.split(separator: "/").count == 4 } == ["files/sha256/\(model.prefix(2))/\(model.dropFirst(2))"])
    }

    @Test func statusCloudShowsWhatEachSideLacks() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let remote = try TemporaryDirectory()
        defer { remote.remove() }
        _ = try project.repro()
        #expect(try project.run(["remote", "add", "-d", "shared", remote.path]).status == 0)
        let before = try project.run(["status", "-c", "--json"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: String]
            == ["data/prepared.txt": "new", "model.txt": "new"])
        #expect(try project.run(["push", "prepare"]).status == 0)
        let text = try project.run(["status", "--cloud"])
        #expect(text.stdout == "\tnew:      model.txt\n", "\(text.stdout)\(text.stderr)")

        let second = try FixtureProject("basic")
        defer { second.directory.remove() }
        for file in ["pipeline.lock", "sluice.yaml"] { try second.write(file, try project.read(file)) }
        let other = try second.run(["status", "-c", "--json", "-r", "shared"])
        #expect(try JSONSerialization.jsonObject(with: Data(other.stdout.utf8)) as? [String: String]
            == ["data/prepared.txt": "deleted", "model.txt": "missing"], "\(other.stdout)\(other.stderr)")
        #expect(try project.run(["push"]).status == 0)
        #expect(try project.run(["status", "-c"]).stdout == "Cache and remote 'shared' are in sync.\n")
    }
}
