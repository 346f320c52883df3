#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hashes files by streaming their bytes through SHA-256 in large reads.
package enum FileHasher {
    /// An error reading a file.
    package struct ReadError: Error, CustomStringConvertible {
        /// The path that could not be read.
        package var path: String
        /// The system's reason.
        package var reason: String
        package var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// The SHA-256 (hex) and size of the file at `path`.
    package static func hash(path: String) throws -> (hash: String, size: Int64) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return try hash(descriptor: descriptor, path: path)
    }

    /// The SHA-256 (hex) and size of the file open as `descriptor` (named `path` in
    /// errors), which must be at its start; the caller closes it.
    package static func hash(descriptor: Int32, path: String) throws -> (hash: String, size: Int64) {
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size >= mappedThreshold, let mapped = try? hashMapped(descriptor, size: Int(info.st_size)) {
            return mapped
        }
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var total: Int64 = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            total += Int64(count)
        }
        return (hasher.finalize().hex, total)
    }

    /// Files at least this large are hashed from memory mappings instead of read().
    static let mappedThreshold = 8 << 20

    /// Hashes a large file through windows mapped with their pages populated up
    /// front: no copy into a buffer and no page fault per 4 KiB, which is what keeps
    /// hashing at the speed of the SHA instructions.
    private static func hashMapped(_ descriptor: Int32, size: Int) throws -> (hash: String, size: Int64) {
        let window = 64 << 20
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        var hasher = SHA256()
        var offset = 0
        while offset < size {
            let length = min(window, size - offset)
            guard let base = mmap(nil, length, PROT_READ, flags, descriptor, off_t(offset)),
                  base != MAP_FAILED else {
                throw ReadError(path: "", reason: String(cString: strerror(errno)))
            }
            hasher.update(UnsafeRawBufferPointer(start: base, count: length))
            munmap(base, length)
            offset += length
        }
        return (hasher.finalize().hex, Int64(size))
    }
}
