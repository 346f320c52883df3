import Basics
import Foundation
import Testing
import _TestSupport

@Suite struct SHA256Tests {
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test(arguments: SHA256.Implementation.allCases)
    func nistVectors(implementation: SHA256.Implementation) {
        for vector in Self.vectors {
            #expect(SHA256.hash(Array(vector.message.utf8), implementation: implementation).hex == vector.digest)
        }
    }

    @Test(arguments: SHA256.Implementation.allCases)
    func oneMillionA(implementation: SHA256.Implementation) {
        var hasher = SHA256(implementation: implementation)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { chunk.withUnsafeBytes { hasher.update($0) } }
        #expect(hasher.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesMatchOneShot() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let expected = SHA256.hash(data)
        for chunkSize in [1, 3, 63, 64, 65, 127, 500] {
            var hasher = SHA256()
            var start = 0
            while start < data.count {
                let end = min(start + chunkSize, data.count)
                data[start..<end].withUnsafeBytes { hasher.update($0) }
                start = end
            }
            #expect(hasher.finalize() == expected, "chunk size \(chunkSize)")
        }
    }

    @Test(.enabled(if: SHA256.hardwareAvailable, "this CPU has no SHA instructions"))
    func hardwareAndPortableAgreeOnEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...300 {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.hash(data, implementation: .hardware) == SHA256.hash(data, implementation: .portable))
        }
    }
}

@Suite struct FileHasherTests {
    @Test(arguments: [0, 1, 4097, 9 << 20])
    func fileHashEqualsInMemoryHash(size: Int) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var generator = SeededGenerator(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let path = dir.url("f.bin")
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let (hash, length) = try FileHasher.hash(path: path)
        #expect(hash == SHA256.hash(bytes).hex)
        #expect(length == Int64(size))
    }
}
