#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open directory whose children are reached without following symlinks.
///
/// Walks of sluice's own state (the object cache, the run-cache) must not wander out
/// through a symlink someone planted inside it, nor move or delete anything but the
/// regular files that are really there. Opening each level relative to its parent
/// with `O_NOFOLLOW` makes that hold even if a path component is swapped for a link
/// while the walk runs. A class, because it owns a descriptor it closes when released;
/// Sendable, because it is immutable and the `*at` calls it makes are thread-safe.
package final class DirectoryHandle: Sendable {
    /// The descriptor of the open directory.
    package let descriptor: Int32
    /// The directory's path, for messages.
    package let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Opens the directory at `path`, following a symlink there (a cache kept on
    /// another disk through a link is the user's choice); `nil` when it is not a directory.
    package convenience init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.init(descriptor: descriptor, path: path)
    }

    /// The child directory `name`; `nil` when it is missing, not a directory, or a symlink.
    package func directory(_ name: String) -> DirectoryHandle? {
        guard Self.isPlainName(name) else { return nil }
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { return nil }
        return DirectoryHandle(descriptor: child, path: path + "/" + name)
    }

    /// The child directory `name`, made (mode 0755) when it does not exist.
    package func makeDirectory(_ name: String) throws(FileSystemError) -> DirectoryHandle {
        guard Self.isPlainName(name) else { throw FileSystemError(operation: "create", path: path + "/" + name, code: EINVAL) }
        if mkdirat(descriptor, name, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(operation: "create", path: path + "/" + name, code: errno)
        }
        guard let child = directory(name) else {
            throw FileSystemError(operation: "open", path: path + "/" + name, code: ENOTDIR, detail: "it is not a plain directory (a symlink?)")
        }
        return child
    }

    /// What kind of entry `name` is, without following a symlink; `nil` when absent.
    package func kind(of name: String) -> FileStat.Kind? {
        guard Self.isPlainName(name) else { return nil }
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStat(info).kind
    }

    /// The stat of the entry `name`, without following a symlink; `nil` when absent.
    package func fileStat(of name: String) -> FileStat? {
        guard Self.isPlainName(name) else { return nil }
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStat(info)
    }

    /// The names in the directory (without `.` and `..`), with their kinds (symlinks not followed).
    package func entries() -> [(name: String, kind: FileStat.Kind)] {
        // fdopendir takes ownership of the descriptor it is given, so it gets a duplicate;
        // a duplicate shares the read position, so the listing starts from the top.
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return [] }
        guard let handle = fdopendir(duplicate) else {
            close(duplicate)
            return []
        }
        defer { closedir(handle) }
        rewinddir(handle)
        var result: [(name: String, kind: FileStat.Kind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if let kind = kind(of: name) { result.append((name, kind)) }
        }
        return result
    }

    /// Opens the regular file `name` for reading; fails for a symlink or anything
    /// that is not a regular file. The caller closes the descriptor.
    package func openRegularFile(_ name: String) throws(FileSystemError) -> Int32 {
        let full = path + "/" + name
        guard Self.isPlainName(name) else { throw FileSystemError(operation: "read", path: full, code: EINVAL) }
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { throw FileSystemError(operation: "read", path: full, code: errno) }
        var info = stat()
        guard fstat(file, &info) == 0, FileStat(info).kind == .file else {
            close(file)
            throw FileSystemError(operation: "read", path: full, code: EINVAL, detail: "it is not a regular file")
        }
        return file
    }

    /// Reads the whole regular file `name` (never through a symlink).
    package func readRegularFile(_ name: String) throws(FileSystemError) -> [UInt8] {
        let file = try openRegularFile(name)
        defer { close(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read", path: path + "/" + name, code: errno)
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// Deletes the entry `name` when it is a regular file; refuses anything else.
    package func removeRegularFile(_ name: String) throws(FileSystemError) {
        let full = path + "/" + name
        guard kind(of: name) == .file else {
            throw FileSystemError(operation: "remove", path: full, code: EPERM, detail: "it is not a regular file")
        }
        guard unlinkat(descriptor, name, 0) == 0 else { throw FileSystemError(operation: "remove", path: full, code: errno) }
    }

    /// Moves the regular file `name` into `destination` as `newName`; refuses anything
    /// that is not a regular file.
    package func moveRegularFile(_ name: String, to destination: DirectoryHandle, as newName: String) throws(FileSystemError) {
        let full = path + "/" + name
        guard kind(of: name) == .file, Self.isPlainName(newName) else {
            throw FileSystemError(operation: "move", path: full, code: EPERM, detail: "it is not a regular file")
        }
        guard renameat(descriptor, name, destination.descriptor, newName) == 0 else {
            throw FileSystemError(operation: "move", path: full, code: errno)
        }
    }

    /// A single path component: not empty, not `.` or `..`, no `/` and no NUL.
    package static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(UInt8(ascii: "/")) && !name.utf8.contains(0)
    }
}
