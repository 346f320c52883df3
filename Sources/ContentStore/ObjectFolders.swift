/// The prefix folders (`files/sha256/<xx>`) that a set of objects lives in, each
/// opened once without following symlinks: checking or restoring a directory of
/// thousands of files then costs one call per object, not a walk down the path.
struct ObjectFolders: Sendable {
    private let folders: [String: DirectoryHandle]

    /// Opens the prefix folders of `hashes` (malformed hashes are left out) under `objects`.
    init(objects: DirectoryHandle, hashes: some Sequence<String>) {
        var folders: [String: DirectoryHandle] = [:]
        for hash in hashes where ContentHash.isValid(hash) {
            let prefix = String(hash.prefix(2))
            if folders[prefix] == nil, let folder = objects.directory(prefix) { folders[prefix] = folder }
        }
        self.folders = folders
    }

    /// The folder holding the object `hash` and the object's name in it; `nil` when
    /// the hash is malformed or its folder is missing (or a symlink).
    func location(of hash: String) -> (folder: DirectoryHandle, name: String)? {
        guard ContentHash.isValid(hash), let folder = folders[String(hash.prefix(2))] else { return nil }
        return (folder, String(hash.dropFirst(2)))
    }

    /// Whether the object `hash` is there as a regular file.
    func holds(_ hash: String) -> Bool {
        guard let (folder, name) = location(of: hash) else { return false }
        return folder.kind(of: name) == .file
    }
}
