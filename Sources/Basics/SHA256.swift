import CSluiceSHA

/// SHA-256 (FIPS 180-4), incremental.
///
/// Uses the CPU's SHA instructions when it has them and a portable Swift
/// compression otherwise; both give the same digest (tested on the same vectors).
package struct SHA256: Sendable {
    /// Which compression function runs the blocks.
    package enum Implementation: Sendable, CaseIterable {
        /// The x86 SHA extensions (only where `hardwareAvailable`).
        case hardware
        /// Plain Swift, on every platform.
        case portable
    }

    /// Whether this CPU can run the `.hardware` implementation.
    package static let hardwareAvailable: Bool = sluice_sha256_hw_available() == 1

    /// The fastest implementation on this machine.
    package static var bestImplementation: Implementation { hardwareAvailable ? .hardware : .portable }

    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var buffer: [UInt8] = []
    private var byteCount: UInt64 = 0
    private let implementation: Implementation

    /// Starts a new hash. Asking for `.hardware` where it is unavailable uses `.portable`.
    package init(implementation: Implementation = SHA256.bestImplementation) {
        self.implementation = implementation == .hardware && Self.hardwareAvailable ? .hardware : .portable
        buffer.reserveCapacity(64)
    }

    /// Feeds more bytes.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var remaining = bytes.count
        byteCount &+= UInt64(remaining)
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, remaining)
            buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: take))
            base += take
            remaining -= take
            guard buffer.count == 64 else { return }
            buffer.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
            buffer.removeAll(keepingCapacity: true)
        }
        let blocks = remaining / 64
        if blocks > 0 {
            compress(base, blocks: blocks)
            base += blocks * 64
            remaining -= blocks * 64
        }
        if remaining > 0 { buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: remaining)) }
    }

    /// Feeds more bytes.
    package mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// Pads, finishes and returns the digest. The hasher should not be used afterwards.
    package mutating func finalize() -> Digest {
        let bitLength = byteCount &* 8
        var tail: [UInt8] = [0x80]
        let padding = (64 + 56 - (buffer.count + 1) % 64) % 64
        tail.append(contentsOf: repeatElement(0, count: padding))
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let saved = byteCount
        tail.withUnsafeBytes { update($0) }
        byteCount = saved
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for word in state { for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) } }
        return Digest(bytes: bytes)
    }

    /// The digest of `bytes` in one call.
    package static func hash<Bytes: Sequence>(_ bytes: Bytes, implementation: Implementation = bestImplementation) -> Digest
    where Bytes.Element == UInt8 {
        var hasher = SHA256(implementation: implementation)
        hasher.update(bytes)
        return hasher.finalize()
    }

    private mutating func compress(_ data: UnsafePointer<UInt8>, blocks: Int) {
        switch implementation {
        case .hardware: state.withUnsafeMutableBufferPointer { sluice_sha256_hw_compress($0.baseAddress!, data, blocks) }
        case .portable: state.withUnsafeMutableBufferPointer { SHA256Portable.compress($0, data, blocks: blocks) }
        }
    }
}

extension SHA256 {
    /// A 32-byte SHA-256 digest.
    package struct Digest: Hashable, Sendable, CustomStringConvertible {
        /// The 32 digest bytes.
        package let bytes: [UInt8]

        /// Lowercase hexadecimal, 64 characters: the form written to lock files.
        package var hex: String {
            let digits = Array("0123456789abcdef".utf8)
            var out = [UInt8]()
            out.reserveCapacity(64)
            for byte in bytes {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0xF)])
            }
            return String(decoding: out, as: UTF8.self)
        }

        package var description: String { hex }
    }
}
