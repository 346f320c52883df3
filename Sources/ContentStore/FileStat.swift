#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` says about a path: enough to tell whether its bytes may have changed.
package struct FileStat: Hashable, Sendable {
    /// What kind of thing is at the path.
    package enum Kind: Sendable { case file, directory, symlink, other }

    /// The kind of entry (a symlink is not followed).
    package var kind: Kind
    /// The inode number.
    package var inode: UInt64
    /// Modification time in nanoseconds since the epoch.
    package var modified: Int64
    /// Size in bytes.
    package var size: Int64

    /// Reads the stat of `path`; `nil` when nothing is there.
    package static func read(_ path: String) -> FileStat? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStat(info)
    }

    /// Like `read`, but follows a symlink to what it names.
    package static func readFollowingLinks(_ path: String) -> FileStat? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStat(info)
    }

    /// `path` with every symlink resolved and no `.` or `..` left (`realpath`); `nil`
    /// when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        size = Int64(info.st_size)
    }
}
