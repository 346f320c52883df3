import Foundation

/// Copies and links files through temporary names, so a destination is never half-written.
enum FileCopier {
    /// A temporary name beside `path`, unique to this process and call.
    static func temporaryName(for path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return "\(directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Copies the bytes of `source` to `destination`
    /// through a temporary file renamed into place; `mode` sets the permissions.
    static func copy(_ source: String, to destination: String, mode: mode_t = 0o644) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileSystemError(operation: "read", path: source, code: errno) }
        defer { close(input) }
        try copy(descriptor: input, source: source, to: destination, mode: mode)
    }

    /// Copies the bytes readable from the open `input` (named `source` in messages) to
    /// `destination` through a temporary file renamed into place.
    static func copy(descriptor input: Int32, source: String, to destination: String, mode: mode_t = 0o644) throws {
        let temporary = temporaryName(for: destination)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard output >= 0 else { throw FileSystemError(operation: "write", path: destination, code: errno) }
        var ok = false
        defer {
            close(output)
            if !ok { unlink(temporary) }
        }
        try transfer(from: input, to: output, source: source, destination: destination)
        fchmod(output, mode)
        guard rename(temporary, destination) == 0 else { throw FileSystemError(operation: "write", path: destination, code: errno) }
        ok = true
    }

    /// Hard-links `source` at `destination`, replacing what is there atomically.
    static func hardLink(_ source: String, to destination: String) throws {
        try hardLink(directory: AT_FDCWD, name: source, displayName: source, to: destination)
    }

    /// Hard-links the entry `name` of the open `directory` at `destination`, replacing
    /// what is there atomically. `linkat` without `AT_SYMLINK_FOLLOW` links a symlink
    /// itself, never what it points to; callers check the entry is a regular file.
    static func hardLink(directory: Int32, name: String, displayName: String, to destination: String) throws {
        let temporary = temporaryName(for: destination)
        guard linkat(directory, name, AT_FDCWD, temporary, 0) == 0 else {
            throw FileSystemError(operation: "link", path: destination, code: errno)
        }
        guard rename(temporary, destination) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileSystemError(operation: "link", path: destination, code: code)
        }
    }

    private static func transfer(from input: Int32, to output: Int32, source: String, destination: String) throws {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer, 1 << 20)
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read", path: source, code: errno)
            }
            var written = 0
            while written < count {
                let result = write(output, buffer + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(operation: "write", path: destination, code: errno)
                }
                written += result
            }
        }
    }
}
