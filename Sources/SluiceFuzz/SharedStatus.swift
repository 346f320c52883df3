import Foundation

/// The memory a worker and its supervisor share: a file mapped by both, so that what
/// the worker wrote survives its crash. The worker writes each input here before it
/// runs it, with the input's number and start time; the supervisor reads them to
/// name the input that crashed or hung, and the running counts for its figures.
final class SharedStatus: @unchecked Sendable {
    // Unchecked: the memory is written by one thread of the worker (plus its signal
    // handler and watchdog, which only write slots the main thread no longer touches)
    // and read by another process; each slot is one aligned 64-bit word.

    /// The 64-bit slots before the input.
    enum Slot: Int, CaseIterable {
        case running, index, startNanos, inputLength
        case executed, accepted, rejected, mismatched, slow, slowestNanos, slowestIndex, busyNanos
        case signal, pc, faultAddress, stackPointer, imageBase, hang, scanCount
    }

    /// Return addresses found on the stack when the worker crashed or hung.
    static let scanCapacity = 64
    static let scanOffset = 512
    static let inputOffset = 4096

    let base: UnsafeMutableRawPointer
    let size: Int
    /// The largest input the page holds.
    var capacity: Int { size - Self.inputOffset }

    /// Maps `path`, creating it zeroed (and sized for inputs of `capacity` bytes) when `create`.
    init(path: String, capacity: Int, create: Bool) throws {
        let descriptor = open(path, create ? O_RDWR | O_CREAT | O_TRUNC : O_RDWR, 0o600)
        guard descriptor >= 0 else { throw FuzzError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        size = Self.inputOffset + capacity
        if create { guard ftruncate(descriptor, off_t(size)) == 0 else { throw FuzzError("cannot size \(path)") } }
        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0), address != MAP_FAILED else {
            throw FuzzError("cannot map \(path): \(String(cString: strerror(errno)))")
        }
        base = address
    }

    deinit { munmap(base, size) }

    subscript(slot: Slot) -> UInt64 {
        get { base.load(fromByteOffset: slot.rawValue * 8, as: UInt64.self) }
        set { base.storeBytes(of: newValue, toByteOffset: slot.rawValue * 8, as: UInt64.self) }
    }

    /// Puts `input` in the page, cut to the capacity (inputs are made no larger).
    func store(_ input: [UInt8]) {
        let count = min(input.count, capacity)
        input.withUnsafeBytes { base.advanced(by: Self.inputOffset).copyMemory(from: $0.baseAddress!, byteCount: count) }
        self[.inputLength] = UInt64(count)
    }

    /// The input last stored.
    var input: [UInt8] {
        let count = min(Int(self[.inputLength]), capacity)
        return Array(UnsafeRawBufferPointer(start: base.advanced(by: Self.inputOffset), count: count))
    }

    /// The addresses the crash recorder found on the stack.
    var scannedAddresses: [UInt64] {
        (0..<min(Int(self[.scanCount]), Self.scanCapacity)).map {
            base.load(fromByteOffset: Self.scanOffset + $0 * 8, as: UInt64.self)
        }
    }

    /// Clears what a crash or hang left, before the next worker starts.
    func clearFailure() {
        for slot in [Slot.running, .signal, .pc, .faultAddress, .stackPointer, .hang, .scanCount] { self[slot] = 0 }
    }
}

/// A failure of the harness itself (not of the code it fuzzes).
struct FuzzError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Nanoseconds of the monotonic clock, which every process on the machine shares.
func monotonicNanos() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
