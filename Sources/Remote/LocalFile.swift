import Foundation

/// Facts about local files that transfers need, and the byte copies packs need.
enum LocalFile {
    /// The size of the file at `path` in bytes, or nil when it cannot be read.
    static func size(_ path: String) -> Int64? {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : nil
    }

    /// Writes bytes `range` of `source` to a new file `target` (made with `mode`), showing
    /// each piece read to `sees` on the way; nil when it worked, else why not (the source
    /// is shorter than the range, or a read or write failed).
    static func copy(_ source: String, range: Range<Int64>, to target: String, mode: mode_t = 0o644,
                     sees: (UnsafeRawBufferPointer) -> Void = { _ in }) -> String? {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { return String(cString: strerror(errno)) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard output >= 0 else { return String(cString: strerror(errno)) }
        defer { close(output) }
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let count = pread(input, buffer, Int(min(Int64(capacity), range.upperBound - offset)), off_t(offset))
            guard count > 0 else { return count == 0 ? "it ends before byte \(range.upperBound)" : String(cString: strerror(errno)) }
            sees(UnsafeRawBufferPointer(start: buffer, count: count))
            guard writeAll(output, buffer, count) else { return String(cString: strerror(errno)) }
            offset += Int64(count)
        }
        return nil
    }

    /// Writes `count` bytes at `bytes` to `descriptor`, however many calls it takes.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
        var written = 0
        while written < count {
            let step = write(descriptor, bytes + written, count - written)
            guard step > 0 else { return false }
            written += step
        }
        return true
    }
}
