import Basics
import ContentStore
import Foundation

/// SHA-256 throughput on a 1 GiB file (read from the page cache).
enum HashBenchmarks {
    static func largeFile() throws {
        let dir = try Bench.temporaryDirectory("hash")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.bin"
        let chunk = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) })
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for _ in 0..<1024 { handle.write(chunk) }
        try handle.close()
        _ = try FileHasher.hash(path: path)  // warm the page cache
        let seconds = try Bench.median(runs: 3) { _ = try FileHasher.hash(path: path) }
        let implementation = SHA256.hardwareAvailable ? "SHA extensions" : "portable"
        let memory = [UInt8](repeating: 0x5A, count: 1 << 28)
        let inMemory = Bench.median(runs: 3) { _ = memory.withUnsafeBytes { bytes in var h = SHA256(); h.update(bytes); return h.finalize() } }
        Bench.report("hash 256 MiB in memory (\(implementation))", String(format: "%.0f MB/s", 268.435456 / inMemory),
                     target: "(the compression alone)")
        Bench.report("hash 1 GiB file (\(implementation))", String(format: "%.0f MB/s", 1073.741824 / seconds),
                     target: ">= 0.9 x `openssl speed -evp sha256` 16 KiB column")
    }
}
