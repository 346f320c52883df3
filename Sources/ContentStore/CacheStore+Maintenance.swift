import Basics
import Foundation

/// Listing, verifying and collecting cache objects.
///
/// These walks never follow a symlink below the cache directory and only ever move
/// or delete regular files named like objects in their prefix folders: a link
/// planted in the cache (`files/sha256/zz -> ../../../..`) is skipped, so what it
/// points to is never hashed, quarantined or collected.
extension CacheStore {
    /// A cache object on disk.
    package struct Object: Sendable {
        /// Its hash (for a manifest, with the `.dir` suffix).
        package var hash: String
        /// Its path.
        package var path: String
        /// Its size in bytes.
        package var size: Int64
    }

    /// Every object in the cache: the regular files whose prefix folder and name
    /// together spell a hash. Symlinks, other files and temporary files are left out.
    package func objects() -> [Object] {
        guard let objects = objectsDirectory() else { return [] }
        var result: [Object] = []
        for prefix in objects.entries() where prefix.kind == .directory && prefix.name.utf8.count == 2 {
            guard let folder = objects.directory(prefix.name) else { continue }
            for entry in folder.entries().sorted(by: { $0.name < $1.name }) where entry.kind == .file {
                let hash = prefix.name + entry.name
                guard ContentHash.isValid(hash) else { continue }
                result.append(Object(hash: hash, path: folder.path + "/" + entry.name, size: folder.fileStat(of: entry.name)?.size ?? 0))
            }
        }
        return result.sorted { $0.hash < $1.hash }
    }

    /// The object hashes a fingerprint needs (a directory: its manifest and every file).
    package func referencedHashes(_ fingerprint: Fingerprint) -> Set<String> {
        switch fingerprint {
        case .missing: return []
        case .file(let hash, _): return [hash]
        case .directory(let hash, _, _):
            return Set((try? manifest(hash))?.map(\.hash) ?? []).union([hash])
        }
    }

    /// Re-hashes every object; moves those whose bytes do not match their name (and
    /// manifests that do not read as a safe manifest) to `quarantine/`, and returns them.
    package func verify() throws -> [Object] {
        guard let objects = objectsDirectory() else { return [] }
        var corrupt: [Object] = []
        var quarantine: DirectoryHandle?
        for object in self.objects() {
            let prefix = String(object.hash.prefix(2)), name = String(object.hash.dropFirst(2))
            guard let folder = objects.directory(prefix) else { continue }
            if isIntact(object.hash, name: name, in: folder) { continue }
            corrupt.append(object)
            let destination = try quarantine ?? quarantineDirectory()
            quarantine = destination
            try folder.moveRegularFile(name, to: destination, as: object.hash)
        }
        return corrupt
    }

    /// Deletes the object (a regular file in its prefix folder; nothing else is ever removed).
    package func remove(_ object: Object) throws {
        guard ContentHash.isValid(object.hash), let folder = objectsDirectory()?.directory(String(object.hash.prefix(2))) else { return }
        let name = String(object.hash.dropFirst(2))
        guard folder.kind(of: name) != nil else { return }
        try folder.removeRegularFile(name)
    }

    /// Whether the object's bytes hash to its name, and a manifest also reads back.
    private func isIntact(_ hash: String, name: String, in folder: DirectoryHandle) -> Bool {
        guard let file = try? folder.openRegularFile(name) else { return false }
        defer { close(file) }
        let expected = hash.hasSuffix(ContentHash.directorySuffix) ? String(hash.dropLast(ContentHash.directorySuffix.count)) : hash
        guard (try? FileHasher.hash(descriptor: file, path: folder.path + "/" + name))?.hash == expected else { return false }
        return !ContentHash.isDirectoryHash(hash) || (try? manifest(hash)) != nil
    }

    /// `quarantine/` in the cache, made when missing, never reached through a symlink.
    private func quarantineDirectory() throws -> DirectoryHandle {
        guard let cache = DirectoryHandle(path: directory) else {
            throw FileSystemError(operation: "open", path: directory, code: ENOENT)
        }
        return try cache.makeDirectory("quarantine")
    }
}
