import Basics
import ContentStore
import Foundation

/// Adding a 10,000-file directory to the content cache, and checking it out again.
enum CacheBenchmarks {
    static func directoryOfSmallFiles() throws {
        let root = try Bench.temporaryDirectory("cache10k")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var generator = SeededGenerator(seed: 1)
        for i in 0..<10_000 {
            let sub = root + "/data/d\(i / 100)"
            if i % 100 == 0 { try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true) }
            let words = (0..<1_250).map { _ in generator.next() }
            _ = FileManager.default.createFile(atPath: sub + "/f\(i).bin", contents: words.withUnsafeBytes { Data($0) })
        }
        let cache = CacheStore(directory: root + "/.sluice/cache")
        var fingerprint = Fingerprint.missing
        let add = try Bench.median(runs: 1) {
            // Hash every file (no stat cache yet) and copy every object: what `dvc add` does.
            let fingerprinter = Fingerprinter(root: root, statCachePath: nil)
            let manifest = try fingerprinter.manifest(ofDirectory: "data")
            fingerprint = Manifest.fingerprint(manifest)
            try cache.save(root + "/data", fingerprint: fingerprint, manifest: manifest)
        }
        Bench.report("cache add, 10,000 files (100 MB)", String(format: "%.2f s", add), target: "<= 1 s (DVC 10.0 s)")
        try FileManager.default.removeItem(atPath: root + "/data")
        let checkout = try Bench.median(runs: 1) { try cache.restore(fingerprint, at: "data", root: root) }
        Bench.report("checkout, 10,000 files (100 MB)", String(format: "%.2f s", checkout), target: "<= 1 s")
    }
}
