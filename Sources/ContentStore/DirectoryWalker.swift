import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the regular files below a directory, in walk order or sorted by relative path.
///
/// Entries are stat'ed relative to their open directory (`fstatat`), so the kernel
/// does not resolve the whole path again for each of thousands of files. Symlinks to
/// files are listed (their target's bytes are what counts); symlinks to directories
/// are not descended, so a link loop cannot hang a walk.
enum DirectoryWalker {
    struct Found {
        var relativePath: String
        var stat: FileStat
    }

    static func files(under directory: String, sorted: Bool = true) -> [Found] {
        var found: [Found] = []
        var deferred: [String]? = []
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 { walk(descriptor, prefix: "", into: &found, deferring: &deferred) }
        // Top-level subdirectories are walked in parallel: stat calls dominate, and
        // they scale with cores. Results are joined in listing order.
        let subdirectories = deferred ?? []
        let parts = Mutex([[Found]](repeating: [], count: subdirectories.count))
        DispatchQueue.concurrentPerform(iterations: subdirectories.count) { index in
            var local: [Found] = []
            let name = subdirectories[index]
            let child = open(directory + "/" + name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            var descend: [String]? = nil
            if child >= 0 { walk(child, prefix: name, into: &local, deferring: &descend) }
            parts.withLock { $0[index] = local }
        }
        for part in parts.withLock({ $0 }) { found += part }
        if sorted { found.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) } }
        return found
    }

    /// Walks the open directory `descriptor` (which it closes). Subdirectories are
    /// descended, or listed in `deferred` when it is given.
    private static func walk(_ descriptor: Int32, prefix: String, into found: inout [Found], deferring deferred: inout [String]?) {
        guard let handle = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(handle) }
        let directoryDescriptor = dirfd(handle)
        while let entry = readdir(handle) {
            let (name, skip) = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, Bool) in
                let bytes = raw.prefix { $0 != 0 }
                let dot = UInt8(ascii: ".")
                let skip = (bytes.count == 1 && bytes[0] == dot) || (bytes.count == 2 && bytes[0] == dot && bytes[1] == dot)
                return (skip ? "" : String(decoding: bytes, as: UTF8.self), skip)
            }
            if skip { continue }
            var info = stat()
            guard fstatat(directoryDescriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            var stat = FileStat(info)
            if stat.kind == .symlink {
                guard fstatat(directoryDescriptor, name, &info, 0) == 0 else { continue }
                stat = FileStat(info)
                guard stat.kind == .file else { continue }
            }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            switch stat.kind {
            case .file: found.append(Found(relativePath: relative, stat: stat))
            case .directory where deferred != nil:
                deferred?.append(relative)
            case .directory:
                let child = openat(directoryDescriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if child >= 0 { walk(child, prefix: relative, into: &found, deferring: &deferred) }
            default: continue
            }
        }
    }
}
