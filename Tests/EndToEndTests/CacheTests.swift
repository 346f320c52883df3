import Foundation
import Testing
import _TestSupport

/// The content cache, the run-cache, checkout, gc and cache verify.
@Suite struct CacheTests {
    @Test func deletedOutputIsRestoredWithoutRunning() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.remove("model.txt")
        let report = try project.repro()
        #expect(report.executed == [])
        #expect(report.restored == ["train"])
        #expect(report.skipped == ["prepare", "evaluate"])
        #expect(try project.read("model.txt") == "HELLO WORLD\nlr=0.1\n")
    }

    @Test func editedOutputIsRestoredWithoutRunning() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("data/prepared.txt", "edited by hand\n")
        let report = try project.repro()
        #expect(report.executed == [])
        #expect(report.restored == ["prepare"])
        #expect(try project.read("data/prepared.txt") == "HELLO WORLD\n")
    }

    @Test func paramFlipAndBackRestoresFromRunCache() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        let original = try project.read("params.yaml")
        try project.write("params.yaml", original.replacingOccurrences(of: "lr: 0.1", with: "lr: 0.5"))
        #expect(try project.repro().executed == ["train", "evaluate"])
        try project.write("params.yaml", original)
        let back = try project.repro()
        #expect(back.restored == ["train"])
        #expect(back.outcome("train")?["message"] as? String == "restored from run-cache")
        #expect(try project.read("model.txt") == "HELLO WORLD\nlr=0.1\n")
        // evaluate's metrics are not cached (cache: false), so it runs.
        #expect(back.executed == ["evaluate"])
        #expect(try project.repro(["--no-run-cache", "--force", "train"]).executed == ["prepare", "train"])
    }

    @Test func deletedLockRestoresFromRunCache() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.remove("pipeline.lock")
        let report = try project.repro()
        #expect(report.restored == ["prepare", "train"])
        #expect(report.executed == ["evaluate"])
        #expect(project.exists("pipeline.lock"))
        #expect(try project.repro().executed == [])
    }

    @Test func checkoutRestoresAnOlderLock() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        let oldLock = try project.read("pipeline.lock")
        try project.write("data/raw.txt", "something else\n")
        try project.repro()
        #expect(try project.read("data/prepared.txt") == "SOMETHING ELSE\n")
        try project.write("pipeline.lock", oldLock)  // as `git checkout` of the older lock would
        let result = try project.run(["checkout", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"data/prepared.txt\""))
        #expect(try project.read("data/prepared.txt") == "HELLO WORLD\n")
        #expect(try project.read("model.txt") == "HELLO WORLD\nlr=0.1\n")
    }

    @Test func corruptObjectIsDetectedAndQuarantined() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        let objects = try cacheObjects(project)
        #expect(objects.count == 2)  // prepared.txt and model.txt; metrics.txt is not cached
        let victim = objects[0]
        chmod(victim, 0o644)
        try "tampered".write(toFile: victim, atomically: false, encoding: .utf8)
        let result = try project.run(["cache", "verify"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("corrupt object"))
        #expect(!FileManager.default.fileExists(atPath: victim))
        #expect(try project.run(["cache", "verify"]).status == 0)
    }

    @Test func gcKeepsWhatTheLockReferences() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("data/raw.txt", "version two\n")
        try project.repro()
        #expect(try cacheObjects(project).count == 4)
        let dry = try project.run(["gc", "--dry"])
        #expect(dry.stdout.contains("Would remove 2 objects"))
        #expect(try cacheObjects(project).count == 4)
        let gc = try project.run(["gc"])
        #expect(gc.status == 0)
        #expect(gc.stdout.contains("Removed 2 objects"))
        #expect(try cacheObjects(project).count == 2)
        try project.remove("model.txt")
        #expect(try project.repro().restored == ["train"])  // what the lock needs is still there
    }

    @Test func gcCanKeepWhatRecentRunsUsed() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("data/raw.txt", "version two\n")
        try project.repro()
        #expect(try project.run(["gc", "--keep-runs", "2"]).stdout.contains("Removed 0 objects"))
        #expect(try cacheObjects(project).count == 4)
        #expect(try project.run(["gc", "--keep-runs", "1"]).stdout.contains("Removed 2 objects"))
        #expect(try cacheObjects(project).count == 2)
    }

    @Test func hardlinkModeLinksReadOnlyFiles() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write(".sluice/config.yaml", "cache:\n  link: hardlink\n")
        try project.repro()
        let attributes = try FileManager.default.attributesOfItem(atPath: project.directory.url("model.txt"))
        #expect((attributes[.referenceCount] as? NSNumber)?.intValue == 2)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o444)
        #expect(try project.repro().executed == [])
    }

    private func cacheObjects(_ project: FixtureProject) throws -> [String] {
        let base = project.directory.url(".sluice/cache/files/sha256")
        return try FileManager.default.subpathsOfDirectory(atPath: base).filter { $0.count > 3 }.map { base + "/" + $0 }.sorted()
    }
}
