import Basics
import Foundation

/// A file's bytes mapped into memory for the duration of a closure.
///
/// Mapping rather than reading avoids copying a large CSV file once more before
/// parsing it, and lets the parsing threads fault its pages in in parallel.
enum MappedFile {
    /// Calls `body` with the bytes of the file at `path`; throws a diagnostic naming
    /// `displayName` when the file cannot be opened.
    static func withBytes<R>(
        ofFile path: String, displayName: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) throws -> R {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw cannotRead(displayName) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw cannotRead(displayName) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw Diagnostic.error("cannot read '\(displayName)': not a regular file")
        }
        let size = Int(status.st_size)
        if size == 0 { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw cannotRead(displayName)
        }
        defer { munmap(address, size) }
        return try body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Hands the whole pages inside `bytes` (part of a read-only private file mapping)
    /// back to the system: they leave the resident set, and a later read faults them
    /// in again from the file, unchanged. Never call this on memory that is not such a mapping.
    static func release(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + bytes.count) / page * page
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(address, end - start, Int32(MADV_DONTNEED))
    }

    private static func cannotRead(_ name: String) -> Diagnostic {
        let reason = String(cString: strerror(errno))
        return Diagnostic.error("cannot read '\(name)': \(reason)", hint: "check that the file exists and is readable")
    }
}
