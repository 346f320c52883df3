import Foundation

/// Facts about local files that transfers need.
enum LocalFile {
    /// The size of the file at `path` in bytes, or nil when it cannot be read.
    static func size(_ path: String) -> Int64? {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : nil
    }
}
