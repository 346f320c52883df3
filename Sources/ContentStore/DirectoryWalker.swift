#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the regular files below a directory, sorted by relative path.
///
/// Symlinks to files are listed (their target's bytes are what counts); symlinks to
/// directories are not descended, so a link loop cannot hang a walk.
enum DirectoryWalker {
    struct Found {
        var relativePath: String
        var stat: FileStat
    }

    static func files(under directory: String) -> [Found] {
        var found: [Found] = []
        walk(directory, prefix: "", into: &found)
        found.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        return found
    }

    private static func walk(_ directory: String, prefix: String, into found: inout [Found]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = directory + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            guard var stat = FileStat.read(full) else { continue }
            if stat.kind == .symlink {
                guard let target = FileStat.readFollowingLinks(full), target.kind == .file else { continue }
                stat = target
            }
            switch stat.kind {
            case .file: found.append(Found(relativePath: relative, stat: stat))
            case .directory: walk(full, prefix: relative, into: &found)
            default: continue
            }
        }
    }
}
