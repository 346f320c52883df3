#if canImport(Glibc)
import Glibc
#endif

/// Advice to back large buffers with 2 MiB pages where the kernel allows it.
///
/// Reading a large CSV file writes hundreds of megabytes of fresh memory; with 4 KiB
/// pages a fifth of the reader's time went to page faults. Linux in `madvise`
/// mode only uses huge pages where asked. Elsewhere this does nothing.
enum HugePages {
    /// The huge page size on x86-64 and arm64 Linux.
    static let size = 2 << 20

    /// Advises huge pages for the whole 2 MiB-aligned pages inside `start..<start+byteCount`.
    static func advise(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        let address = UInt(bitPattern: start)
        let first = (address + UInt(size) - 1) & ~UInt(size - 1)
        let last = (address + UInt(byteCount)) & ~UInt(size - 1)
        guard last > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        // Advice only: when it is refused, the buffer works the same with small pages.
        _ = madvise(aligned, Int(last - first), MADV_HUGEPAGE)
        #endif
    }
}
