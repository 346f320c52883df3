import Basics
import ContentStore
import Foundation
import PipelineState
import Project
import RunStore
import Testing

/// A project whose cache holds: `kept.txt` and the folder `data/` (which the lock
/// file records), `old.txt` (which only a run-cache entry needs) and `stray.txt`
/// (which nothing needs). The run-cache holds one entry for `old.txt` and one for
/// `kept.txt`.
struct GarbageFixture {
    let project: TestProject
    let cache: CacheStore
    let kept: Fingerprint, folder: Fingerprint, old: Fingerprint, stray: Fingerprint
    let folderFiles: [String]

    init() throws {
        let project = try TestProject([
            "pipeline.yaml": "stages: {}\n",
            "kept.txt": "kept", "data/a.txt": "alpha", "data/b.txt": "beta", "old.txt": "old", "stray.txt": "stray",
        ])
        let workspace = project.workspace
        let cache = try workspace.cacheStore()
        let fingerprinter = workspace.fingerprinter()
        func store(_ path: String) throws -> Fingerprint {
            let fingerprint = try fingerprinter.fingerprint(path)
            let manifest = if case .directory = fingerprint { try fingerprinter.manifest(ofDirectory: path) } else { [ManifestEntry]() }
            try cache.save(project.root + "/" + path, fingerprint: fingerprint, manifest: manifest)
            return fingerprint
        }
        (kept, folder, old, stray) = (try store("kept.txt"), try store("data"), try store("old.txt"), try store("stray.txt"))
        (self.project, self.cache) = (project, cache)
        folderFiles = try fingerprinter.manifest(ofDirectory: "data").map(\.hash)
        try Self.lock(["kept.txt": kept, "data": folder]).write(path: workspace.lockPath)
        let runCache = RunCache(cache: cache)
        try runCache.record(LockEntry(commands: ["echo old > old.txt"], outputs: [LockedPath(path: "old.txt", fingerprint: old)]))
        try runCache.record(LockEntry(commands: ["echo kept > kept.txt"], outputs: [LockedPath(path: "kept.txt", fingerprint: kept)]))
    }

    /// A lock file with one stage whose outputs are `outputs`.
    static func lock(_ outputs: [String: Fingerprint]) -> LockFile {
        LockFile(stages: ["make": LockEntry(
            commands: ["make"], outputs: outputs.sorted { $0.key < $1.key }.map { LockedPath(path: $0.key, fingerprint: $0.value) })])
    }

    /// Records a run started at `seconds` whose copy of the lock file keeps `outputs`.
    func recordRun(at seconds: TimeInterval, keeping outputs: [String: Fingerprint]) throws {
        let store = RunStore(directory: project.workspace.runsDirectory)
        let start = Date(timeIntervalSince1970: seconds)
        let writer = try store.create(RunRecord(startTime: start, command: ["sluice", "repro"]), id: store.reserveID(at: start))
        try writer.finish(.finished, at: start)
        try Self.lock(outputs).write(path: writer.directory + "/" + RunRecorder.lockCopyName)
    }

    var objectHashes: Set<String> { Set(cache.objects().map(\.hash)) }
    var runCacheCommands: Set<[String]> { Set(RunCache(cache: cache).allEntries().map(\.entry.commands)) }
    var lockedHashes: Set<String> { Set([kept.hash!, folder.hash!] + folderFiles) }
}

@Suite struct GarbageCollectionTests {
    @Test func keepsWhatTheLockUsesAndRemovesTheRestWithTheRunCacheEntriesThatNeedIt() throws {
        let fixture = try GarbageFixture()
        defer { fixture.project.directory.remove() }
        #expect(fixture.objectHashes == fixture.lockedHashes.union([fixture.old.hash!, fixture.stray.hash!]))

        let report = try fixture.project.workspace.collectGarbage(keepRuns: 0, dryRun: false)
        #expect(Set(report.objects.removed.map(\.hash)) == [fixture.old.hash!, fixture.stray.hash!])
        #expect(report.objects.bytes == Int64("old".utf8.count + "stray".utf8.count))
        #expect(report.runCacheEntries == 1)
        #expect(fixture.objectHashes == fixture.lockedHashes)
        #expect(fixture.runCacheCommands == [["echo kept > kept.txt"]])
    }

    @Test func aDryRunSaysWhatWouldGoAndRemovesNothing() throws {
        let fixture = try GarbageFixture()
        defer { fixture.project.directory.remove() }
        let before = fixture.objectHashes

        let report = try fixture.project.workspace.collectGarbage(keepRuns: 0, dryRun: true)
        #expect(Set(report.objects.removed.map(\.hash)) == [fixture.old.hash!, fixture.stray.hash!])
        #expect(report.runCacheEntries == 1)
        #expect(fixture.objectHashes == before)
        #expect(fixture.runCacheCommands == [["echo old > old.txt"], ["echo kept > kept.txt"]])
    }

    @Test func theLockFilesOfTheLastKeptRunsKeepTheirObjects() throws {
        let fixture = try GarbageFixture()
        defer { fixture.project.directory.remove() }
        // The older run used old.txt; the newer one only what the lock file keeps anyway.
        try fixture.recordRun(at: 1_795_343_400, keeping: ["old.txt": fixture.old])
        try fixture.recordRun(at: 1_795_343_500, keeping: ["kept.txt": fixture.kept])

        let lastRun = try fixture.project.workspace.collectGarbage(keepRuns: 1, dryRun: true)
        #expect(Set(lastRun.objects.removed.map(\.hash)) == [fixture.old.hash!, fixture.stray.hash!])

        let lastTwo = try fixture.project.workspace.collectGarbage(keepRuns: 2, dryRun: false)
        #expect(lastTwo.objects.removed.map(\.hash) == [fixture.stray.hash!])
        #expect(lastTwo.runCacheEntries == 0)
        #expect(fixture.objectHashes.contains(fixture.old.hash!))
        #expect(fixture.runCacheCommands.count == 2)
    }

    @Test func anEmptyCacheHasNothingToCollect() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let report = try project.workspace.collectGarbage(keepRuns: 5, dryRun: false)
        #expect(report.objects.removed.isEmpty)
        #expect(report.runCacheEntries == 0)
    }
}
