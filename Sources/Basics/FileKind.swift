import Foundation

/// What a path names, following symbolic links as opening it would.
package enum FileKind: Sendable, Hashable {
    /// Nothing (or a dangling link).
    case missing
    /// A regular file: it has an end, so it can be read whole or line by line.
    case regular
    /// A folder.
    case directory
    /// A device, FIFO or socket: reading may never end (`/dev/zero`) or may block.
    case other

    /// The kind of `path`.
    package init(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        default: self = .other
        }
    }
}
