import Foundation

/// Writes files so that a reader sees either the old content or the new, never half.
///
/// `write` is for paths a user names (`--out`, `--metrics`, outputs in the
/// workspace), and does what a user of a Unix tool expects of each kind of target:
/// - `-` is standard output, and `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` write to
///   that descriptor of this process;
/// - a regular file, or nothing yet, gets a temporary file in the same directory
///   renamed over it (rename is atomic within one file system);
/// - a symlink is kept: the file it points to is written atomically the same way;
/// - a device or FIFO (`/dev/null`, a named pipe) is written through, in place:
///   renaming over it would replace the device with a file; a socket is an error;
/// - a directory is an error naming it.
///
/// `replace` is for sluice's own state files, where a symlink or device at the path
/// can only have been planted: it renames over whatever is there, never following it.
package enum AtomicFile {
    /// The path that names standard output.
    package static let standardOutputPath = "-"

    /// Why a write was refused.
    package struct Failure: Error, CustomStringConvertible, Sendable {
        /// The path as given.
        package var path: String
        /// What went wrong, phrased for the user.
        package var reason: String
        /// `cannot write '<path>': <reason>`.
        package var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Writes `data` to `path` (see the type's summary for each kind of target),
    /// creating parent directories as needed.
    package static func write(_ data: Data, to path: String) throws {
        if path == standardOutputPath {
            try writeThrough(data, descriptor: STDOUT_FILENO, path: "standard output")
            return
        }
        if let descriptor = aliasedDescriptor(path) {
            try writeThrough(data, descriptor: descriptor, path: path)
            return
        }
        let target = try resolveLinks(path)
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw Failure(path: path, reason: "it is a directory; give a file path")
            default:
                try writeInPlace(data, to: target, displayName: path)
                return
            }
        }
        try replace(data, at: target, displayName: path)
    }

    /// Writes `text` as UTF-8 to `path` (see `write(_:to:)`).
    package static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to a temporary file beside `path` and renames it over whatever is
    /// at `path` (a symlink or a device is replaced, not followed), creating parent
    /// directories as needed. For sluice's own state files.
    package static func replace(_ data: Data, at path: String) throws {
        try replace(data, at: path, displayName: path)
    }

    /// Writes `text` as UTF-8 (see `replace(_:at:)`).
    package static func replace(_ text: String, at path: String) throws {
        try replace(Data(text.utf8), at: path, displayName: path)
    }

    /// Whether writing to `path` writes to this process's standard output (`-`,
    /// `/dev/stdout` and the descriptor aliases of descriptor 1), so a command can keep
    /// its own messages off standard output.
    package static func writesToStandardOutput(_ path: String) -> Bool {
        path == standardOutputPath || ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(path)
    }

    private static func replace(_ data: Data, at path: String, displayName: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: displayName, reason: "its folder '\(folder)' cannot be created (is part of the path a file?)")
            }
        }
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure(path: displayName, reason: String(cString: strerror(errno))) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            try writeThrough(data, descriptor: descriptor, path: displayName)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            throw Failure(path: displayName, reason: code == EISDIR || code == ENOTEMPTY || code == EEXIST
                          ? "it is a directory; give a file path" : String(cString: strerror(code)))
        }
        renamed = true
    }

    /// The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or
    /// `/proc/self/fd/N` names. Writing to the descriptor itself (not reopening the
    /// path) continues where the process's own output is, as `-` does, and works
    /// whatever it is connected to (a pipe, a terminal, a file).
    private static func aliasedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Follows a chain of symlinks at `path` to the path it ends at (which may not
    /// exist yet: a dangling link is written by creating its target).
    private static func resolveLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = (current as NSString).deletingLastPathComponent
            current = destination.hasPrefix("/") || folder.isEmpty ? destination : folder + "/" + destination
        }
        throw Failure(path: path, reason: "too many levels of symbolic links")
    }

    /// Opens `path` for writing and writes `data` through it, for targets that are not
    /// regular files (a device, a FIFO).
    private static func writeInPlace(_ data: Data, to path: String, displayName: String) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw Failure(path: displayName, reason: code == ENXIO ? "it is a socket, which cannot be written as a file" : String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        try writeThrough(data, descriptor: descriptor, path: displayName)
    }

    private static func writeThrough(_ data: Data, descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}
