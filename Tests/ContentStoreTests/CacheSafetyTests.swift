import Basics
@testable import ContentStore
import Foundation
import Testing
import _TestSupport

/// Hashes and manifests read from files never name a path outside the cache, and
/// nothing in the cache is followed through a symlink.
@Suite struct CacheSafetyTests {
    /// A project with one cached file output (`out.txt`, "hello") and a file outside it.
    struct Setup {
        let project: TemporaryDirectory
        let outside: TemporaryDirectory
        let cache: CacheStore
        let fingerprint: Fingerprint
        /// The output's hash.
        let hash: String

        init() throws {
            project = try TemporaryDirectory(prefix: "sluice-cache-safety")
            outside = try TemporaryDirectory(prefix: "sluice-outside")
            try outside.write("secret.txt", "secret")
            try project.write("out.txt", "hello")
            cache = CacheStore(directory: project.url(".sluice/cache"))
            fingerprint = try Fingerprinter(root: project.path, statCachePath: nil).fingerprint("out.txt")
            try cache.save(project.url("out.txt"), fingerprint: fingerprint)
            hash = fingerprint.hash ?? ""
        }

        func remove() {
            project.remove()
            outside.remove()
        }

        var objects: String { project.url(".sluice/cache/files/sha256") }
    }

    static let validHash = String(repeating: "0123456789abcdef", count: 4)

    @Test(arguments: [
        "../../../../outside.txt", "", "abc", String(validHash.dropLast()), validHash + "0", validHash.uppercased(),
        String(validHash.dropLast()) + "g", String(validHash.dropLast()) + "/", validHash + ".dir/..", "/" + String(validHash.dropFirst()),
    ])
    func malformedHashesNameNoPath(hash: String) {
        let cache = CacheStore(directory: "/project/.sluice/cache")
        #expect(throws: CacheError.self) { try cache.objectPath(hash) }
        #expect(!cache.contains(.file(hash: hash, size: 1)))
        #expect(!cache.contains(.directory(hash: hash, size: 1, files: 1)))
    }

    @Test func wellFormedHashesNameObjects() throws {
        let cache = CacheStore(directory: "/c")
        #expect(try cache.objectPath(Self.validHash) == "/c/files/sha256/01/" + Self.validHash.dropFirst(2))
        #expect(try cache.objectPath(Self.validHash + ".dir") == "/c/files/sha256/01/" + Self.validHash.dropFirst(2) + ".dir")
        #expect(Fingerprint.file(hash: Self.validHash, size: 0).isWellFormed)
        #expect(!Fingerprint.file(hash: Self.validHash + ".dir", size: 0).isWellFormed)
        #expect(!Fingerprint.directory(hash: Self.validHash, size: 0, files: 0).isWellFormed)
    }

    @Test func restoreOfAHashThatLeavesTheCacheCopiesNothing() throws {
        let setup = try Setup()
        defer { setup.remove() }
        // From files/sha256: "..", then four more levels up reach the temporary folder.
        let escape = "../../../../../" + (setup.outside.path as NSString).lastPathComponent + "/secret.txt"
        #expect(throws: CacheError.self) { try setup.cache.restore(.file(hash: escape, size: 6), at: "stolen.txt", root: setup.project.path) }
        #expect(!FileManager.default.fileExists(atPath: setup.project.url("stolen.txt")))
    }

    @Test(arguments: [
        "../../escape.txt", "/tmp/escape.txt", "a//b.txt", "./a.txt", "a/../../b.txt", "a/\u{0}b", "",
    ])
    func manifestWithAnUnsafeEntryIsCorruptAndNeverFollowed(relativePath: String) throws {
        let setup = try Setup()
        defer { setup.remove() }
        let manifest = JSONWriter.canonical.string(.array([.object(["relpath": .string(relativePath), "sha256": .string(setup.hash), "size": .int(5)])]))
        let directory = try plantManifest(manifest, in: setup)
        #expect(!setup.cache.contains(directory))
        #expect(throws: CacheError.self) { try setup.cache.manifest(directory.hash ?? "") }
        #expect(throws: CacheError.self) { try setup.cache.restore(directory, at: "restored", root: setup.project.path) }
        #expect(!FileManager.default.fileExists(atPath: setup.project.url("restored")))
        #expect(!FileManager.default.fileExists(atPath: setup.project.url("escape.txt")))
    }

    @Test func manifestWithAMalformedHashIsCorrupt() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let escape = "../../../../../" + (setup.outside.path as NSString).lastPathComponent + "/secret.txt"
        let manifest = JSONWriter.canonical.string(.array([.object(["relpath": .string("a.txt"), "sha256": .string(escape), "size": .int(6)])]))
        let directory = try plantManifest(manifest, in: setup)
        #expect(!setup.cache.contains(directory))
        #expect(throws: CacheError.self) { try setup.cache.restore(directory, at: "restored", root: setup.project.path) }
        #expect(!FileManager.default.fileExists(atPath: setup.project.url("restored/a.txt")))
    }

    @Test func symlinkPlantedAsAnObjectIsNotCopied() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let object = try setup.cache.objectPath(setup.hash)
        try FileManager.default.removeItem(atPath: object)
        try FileManager.default.createSymbolicLink(atPath: object, withDestinationPath: setup.outside.url("secret.txt"))
        #expect(!setup.cache.contains(setup.fingerprint))
        for mode in [CacheStore.LinkMode.copy, .hardlink] {
            let cache = CacheStore(directory: setup.cache.directory, linkMode: mode)
            #expect(throws: (any Error).self) { try cache.restore(setup.fingerprint, at: "copy.txt", root: setup.project.path) }
            #expect(FileStat.read(setup.project.url("copy.txt")) == nil)
        }
        // Saving the output again replaces the planted link with the real bytes.
        try setup.cache.save(setup.project.url("out.txt"), fingerprint: setup.fingerprint)
        #expect(FileStat.read(object)?.kind == .file)
        #expect(try String(contentsOfFile: setup.outside.url("secret.txt"), encoding: .utf8) == "secret")
    }

    @Test(arguments: ["..", "../x.txt", "/etc/x.txt", ".", "", "a//b", ".sluice/cache/x", ".sluice", ".sluice/cache"])
    func restoreRefusesPathsOutsideTheProjectOrIntoTheCache(path: String) throws {
        let setup = try Setup()
        defer { setup.remove() }
        #expect(throws: CacheError.self) { try setup.cache.restore(setup.fingerprint, at: path, root: setup.project.path) }
        #expect(!setup.cache.objects().isEmpty)
    }

    @Test func restoreRefusesAParentThatIsASymlinkOutOfTheProject() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try FileManager.default.createSymbolicLink(atPath: setup.project.url("link"), withDestinationPath: setup.outside.path)
        #expect(throws: CacheError.self) { try setup.cache.restore(setup.fingerprint, at: "link/out.txt", root: setup.project.path) }
        #expect(!FileManager.default.fileExists(atPath: setup.outside.url("out.txt")))
    }

    @Test func verifyNeverFollowsASymlinkedFolder() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.project.write("pipeline.yaml", "stages: {}\n")
        // files/sha256/zz -> the project root: its files look like corrupt objects "zz…".
        try FileManager.default.createSymbolicLink(atPath: setup.objects + "/zz", withDestinationPath: "../../../..")
        // A symlinked object file, too.
        let planted = setup.objects + "/ab/" + String(repeating: "c", count: 62)
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: setup.outside.url("secret.txt"))
        #expect(setup.cache.objects().map(\.hash) == [setup.hash])
        #expect(try setup.cache.verify().isEmpty)
        #expect(FileManager.default.fileExists(atPath: setup.project.url("pipeline.yaml")))
        #expect(FileManager.default.fileExists(atPath: setup.outside.url("secret.txt")))
        #expect(FileStat.read(planted)?.kind == .symlink)
    }

    @Test func verifyQuarantinesOnlyRealCorruptObjects() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let object = try setup.cache.objectPath(setup.hash)
        chmod(object, 0o644)
        try "tampered".write(toFile: object, atomically: false, encoding: .utf8)
        #expect(try setup.cache.verify().map(\.hash) == [setup.hash])
        #expect(!FileManager.default.fileExists(atPath: object))
        #expect(FileManager.default.fileExists(atPath: setup.cache.directory + "/quarantine/" + (setup.hash)))
    }

    @Test func verifyQuarantinesAManifestThatIsNotSafeEvenIfItsNameMatches() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let manifest = JSONWriter.canonical.string(.array([.object(["relpath": .string("../x"), "sha256": .string(Self.validHash), "size": .int(1)])]))
        // Named by its own hash, so only reading it as a manifest finds the problem.
        let hash = SHA256.hash(Array(manifest.utf8)).hex + ".dir"
        try FileManager.default.createDirectory(atPath: setup.objects + "/" + hash.prefix(2), withIntermediateDirectories: true)
        try manifest.write(toFile: try setup.cache.objectPath(hash), atomically: false, encoding: .utf8)
        #expect(try setup.cache.verify().map(\.hash) == [hash])
    }

    @Test func garbageCollectionRemovesOnlyRegularFilesInTheCache() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.project.write("pipeline.yaml", "stages: {}\n")
        try FileManager.default.createSymbolicLink(atPath: setup.objects + "/zz", withDestinationPath: "../../../..")
        let planted = setup.objects + "/ab/" + String(repeating: "c", count: 62)
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: setup.outside.url("secret.txt"))
        let collector = GarbageCollector(cache: setup.cache)
        let report = collector.unreferenced(keeping: [])
        #expect(report.removed.map(\.hash) == [setup.hash])
        try collector.remove(report)
        #expect(setup.cache.objects().isEmpty)
        #expect(FileManager.default.fileExists(atPath: setup.project.url("pipeline.yaml")))
        #expect(FileManager.default.fileExists(atPath: setup.outside.url("secret.txt")))
        // An object record naming a symlink is refused, not followed.
        let forged = CacheStore.Object(hash: "ab" + String(repeating: "c", count: 62), path: planted, size: 0)
        #expect(throws: (any Error).self) { try setup.cache.remove(forged) }
        #expect(FileManager.default.fileExists(atPath: setup.outside.url("secret.txt")))
    }

    @Test func statCacheLineWithAMalformedHashIsIgnored() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("a.txt", "abc")
        let statCache = dir.url(".sluice/stat-cache")
        let first = Fingerprinter(root: dir.path, statCachePath: statCache)
        let expected = try first.fingerprint("a.txt")
        try first.save()
        guard let hash = expected.hash else { throw FixtureFailure() }
        let text = try String(contentsOfFile: statCache, encoding: .utf8)
        try text.replacingOccurrences(of: hash, with: "../../../../outside.txt").write(toFile: statCache, atomically: true, encoding: .utf8)
        #expect(try Fingerprinter(root: dir.path, statCachePath: statCache).fingerprint("a.txt") == expected)
    }

    @Test func directoryCacheLineWithAMalformedHashIsIgnored() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("d/a.txt", "abc")
        let statCache = dir.url(".sluice/stat-cache")
        let first = Fingerprinter(root: dir.path, statCachePath: statCache)
        let expected = try first.fingerprint("d")
        try first.save()
        guard let hash = expected.hash else { throw FixtureFailure() }
        let dirCache = dir.url(".sluice/dir-cache")
        let text = try String(contentsOfFile: dirCache, encoding: .utf8)
        #expect(text.contains(hash))
        try text.replacingOccurrences(of: hash, with: "../../../x.dir").write(toFile: dirCache, atomically: true, encoding: .utf8)
        #expect(try Fingerprinter(root: dir.path, statCachePath: statCache).fingerprint("d") == expected)
    }

    @Test func directoryHandleNeverGoesThroughASymlink() throws {
        let dir = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        defer { dir.remove(); outside.remove() }
        try dir.write("folder/file.txt", "x")
        try outside.write("secret.txt", "secret")
        try FileManager.default.createSymbolicLink(atPath: dir.url("linked"), withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: dir.url("folder/link.txt"), withDestinationPath: outside.url("secret.txt"))
        let handle = try #require(DirectoryHandle(path: dir.path))
        let listing = handle.entries().sorted { $0.name < $1.name }.map { "\($0.name):\($0.kind)" }
        #expect(listing == ["folder:directory", "linked:symlink"])
        #expect(handle.entries().count == 2, "listing again starts from the top")
        #expect(handle.directory("linked") == nil)
        let folder = try #require(handle.directory("folder"))
        #expect(throws: FileSystemError.self) { try folder.readRegularFile("link.txt") }
        #expect(throws: FileSystemError.self) { try folder.removeRegularFile("link.txt") }
        #expect(throws: FileSystemError.self) { try handle.removeRegularFile("folder") }
        #expect(throws: FileSystemError.self) { try folder.readRegularFile("../folder/file.txt") }
        #expect(try folder.readRegularFile("file.txt") == Array("x".utf8))
        #expect(try outside.read("secret.txt") == "secret")
    }

    /// Writes `manifest` as a directory object named by its hash and returns the fingerprint.
    private func plantManifest(_ manifest: String, in setup: Setup) throws -> Fingerprint {
        let hash = SHA256.hash(Array(manifest.utf8)).hex + ".dir"
        let path = try setup.cache.objectPath(hash)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try manifest.write(toFile: path, atomically: false, encoding: .utf8)
        return .directory(hash: hash, size: 5, files: 1)
    }
}

struct FixtureFailure: Error {}
