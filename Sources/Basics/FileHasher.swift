#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hashes files by streaming their bytes through SHA-256 in large reads.
public enum FileHasher {
    /// An error reading a file.
    public struct ReadError: Error, CustomStringConvertible {
        /// The path that could not be read.
        public var path: String
        /// The system's reason.
        public var reason: String
        public var description: String { "cannot read '\(path)': \(reason)" }
    }

    /// The SHA-256 (hex) and size of the file at `path`.
    public static func hash(path: String) throws -> (hash: String, size: Int64) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let capacity = 1 << 18
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
}
