import Basics
import Dispatch
import Foundation
import Synchronization

/// Storing outputs in the cache after a stage succeeded.
extension CacheStore {
    /// Stores the output at `absolutePath` whose fingerprint is `fingerprint` (with its
    /// manifest for a directory). Objects already present are not written again. In
    /// hard-link mode the workspace file becomes a link to the read-only object.
    package func save(_ absolutePath: String, fingerprint: Fingerprint, manifest: [ManifestEntry] = []) throws {
        guard fingerprint.isWellFormed else { throw CacheError.invalidHash(fingerprint.hash ?? "") }
        switch fingerprint {
        case .missing: return
        case .file(let hash, _):
            let folders = ObjectFolders(objects: try createPrefixDirectories(), hashes: [hash])
            try saveFile(absolutePath, hash: hash, folders: folders)
        case .directory(let hash, _, _):
            if let bad = manifest.first(where: { !$0.isWellFormed }) { throw CacheError.unsafePath(absolutePath + "/" + bad.relativePath) }
            let objects = try createPrefixDirectories()
            let folders = ObjectFolders(objects: objects, hashes: manifest.map(\.hash) + [hash])
            let failures = Mutex<[any Error]>([])
            DispatchQueue.concurrentPerform(iterations: manifest.count) { index in
                do {
                    try saveFile(absolutePath + "/" + manifest[index].relativePath, hash: manifest[index].hash, folders: folders)
                } catch {
                    failures.withLock { $0.append(error) }
                }
            }
            if let failure = failures.withLock({ $0.first }) { throw failure }
            // A manifest that is there but does not read back (damaged) is written again.
            if (try? self.manifest(hash, in: objects)) == nil {
                _ = try plainFolder(of: hash, in: folders)
                try AtomicFile.replace(Manifest.encode(manifest), at: try objectPath(hash))
            }
        }
    }

    /// The 256 `files/sha256/<xx>` folders, made once so that saving thousands of
    /// objects costs no directory checks per object. Returns `files/sha256`, reached
    /// without following symlinks.
    private func createPrefixDirectories() throws -> DirectoryHandle {
        let base = directory + "/files/sha256"
        if access(base + "/ff", F_OK) != 0 {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            let digits = Array("0123456789abcdef")
            for high in digits { for low in digits { mkdir("\(base)/\(high)\(low)", 0o755) } }
        }
        guard let objects = objectsDirectory() else {
            throw FileSystemError(operation: "write", path: base, code: ENOTDIR, detail: "it is not a plain directory inside the cache (a symlink?)")
        }
        return objects
    }

    /// The prefix folder of `hash` and the object's name in it. Objects are written
    /// through the folder's path, so it must be a real directory, not a symlink
    /// leading out of the cache.
    private func plainFolder(of hash: String, in folders: ObjectFolders) throws -> (folder: DirectoryHandle, name: String) {
        guard let location = folders.location(of: hash) else {
            throw FileSystemError(operation: "write", path: directory + "/files/sha256/" + hash.prefix(2), code: ENOTDIR,
                                  detail: "it is not a plain directory inside the cache (a symlink?)")
        }
        return location
    }

    private func saveFile(_ path: String, hash: String, folders: ObjectFolders) throws {
        let (folder, name) = try plainFolder(of: hash, in: folders)
        let object = try objectPath(hash)
        // Cached objects are read-only: nothing should ever edit them in place. Anything
        // but a regular file there (a planted symlink) is replaced by the real bytes.
        if folder.kind(of: name) != .file { try FileCopier.copy(path, to: object, mode: 0o444) }
        if linkMode == .hardlink { try FileCopier.hardLink(object, to: path) }
    }
}
