import Basics
import Dispatch
import Foundation
import Synchronization

/// Storing outputs in the cache after a stage succeeded.
extension CacheStore {
    /// Stores the output at `absolutePath` whose fingerprint is `fingerprint` (with its
    /// manifest for a directory). Objects already present are not written again. In
    /// hard-link mode the workspace file becomes a link to the read-only object.
    public func save(_ absolutePath: String, fingerprint: Fingerprint, manifest: [ManifestEntry] = []) throws {
        guard fingerprint.isWellFormed else { throw CacheError.invalidHash(fingerprint.hash ?? "") }
        switch fingerprint {
        case .missing: return
        case .file(let hash, _):
            let objects = try createPrefixDirectories()
            try saveFile(absolutePath, hash: hash, objects: objects)
        case .directory(let hash, _, _):
            let objects = try createPrefixDirectories()
            if let bad = manifest.first(where: { !$0.isWellFormed }) { throw CacheError.unsafePath(absolutePath + "/" + bad.relativePath) }
            let failures = Mutex<[any Error]>([])
            DispatchQueue.concurrentPerform(iterations: manifest.count) { index in
                do {
                    try saveFile(absolutePath + "/" + manifest[index].relativePath, hash: manifest[index].hash, objects: objects)
                } catch {
                    failures.withLock { $0.append(error) }
                }
            }
            if let failure = failures.withLock({ $0.first }) { throw failure }
            // A manifest that is there but does not read back (damaged) is written again.
            if (try? self.manifest(hash, in: objects)) == nil {
                try checkPrefixDirectory(of: hash, in: objects)
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

    /// Objects are written through the path of their prefix folder, so that folder
    /// must be a real directory, not a symlink leading out of the cache.
    private func checkPrefixDirectory(of hash: String, in objects: DirectoryHandle) throws {
        let prefix = String(hash.prefix(2))
        guard objects.kind(of: prefix) == .directory else {
            throw FileSystemError(operation: "write", path: objects.path + "/" + prefix, code: ENOTDIR,
                                  detail: "it is not a plain directory inside the cache (a symlink?)")
        }
    }

    private func saveFile(_ path: String, hash: String, objects: DirectoryHandle) throws {
        let object = try objectPath(hash)
        try checkPrefixDirectory(of: hash, in: objects)
        // Cached objects are read-only: nothing should ever edit them in place. Anything
        // but a regular file there (a planted symlink) is replaced by the real bytes.
        if Self.kind(of: hash, in: objects) != .file { try FileCopier.copy(path, to: object, mode: 0o444) }
        if linkMode == .hardlink { try FileCopier.hardLink(object, to: path) }
    }
}
