import Basics
import Testing

/// Checked against zlib's `crc32` (Python's `zlib.crc32` gave every expected value).
@Suite struct CRC32Tests {
    @Test func knownVectors() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum(Array((0..<768).map { UInt8($0 % 256) })) == 0xB0C0_DF2A)
    }

    /// 100,003 bytes of `((i² · 31 + 7i + 3) >> 3) mod 256`: long enough for the eight-byte
    /// loop, with a tail of three bytes for the byte-wise one.
    static let longInput: [UInt8] = (0..<100_003).map { UInt8(truncatingIfNeeded: ($0 * $0 * 31 + $0 * 7 + 3) >> 3) }

    @Test func aLongInputMatchesZlib() {
        #expect(CRC32.checksum(Self.longInput) == 0xC527_D143)
    }

    @Test func feedingInPiecesGivesTheSameChecksum() {
        for cuts in [[1], [7, 8, 9], [4096, 50_001], [99_999]] {
            var crc = CRC32()
            var start = 0
            for end in cuts + [Self.longInput.count] {
                Self.longInput[start..<end].withUnsafeBytes { crc.update($0) }
                start = end
            }
            #expect(crc.value == 0xC527_D143, "cut at \(cuts)")
        }
    }
}
