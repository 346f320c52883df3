import Basics
import Dispatch
import Foundation
import Synchronization

/// Putting cached versions back into the workspace.
extension CacheStore {
    /// Restores `fingerprint` at `relativePath` under `root`: the file, or the whole
    /// directory (files not in the manifest are removed).
    ///
    /// Refuses (`CacheError.unsafePath`) a path that is not a plain relative path
    /// (`..`, absolute, empty parts), whose existing parent resolves outside the
    /// project through a symlink, or that is or holds the cache itself. Objects are
    /// read only as regular files reached without following symlinks, so a link planted
    /// in the cache cannot copy a file from elsewhere into the project.
    package func restore(_ fingerprint: Fingerprint, at relativePath: String, root: String) throws {
        let target = root + "/" + relativePath
        try checkRestorable(relativePath, root: root)
        guard fingerprint.isWellFormed else { throw CacheError.invalidHash(fingerprint.hash ?? "") }
        switch fingerprint {
        case .missing: return
        case .file(let hash, _):
            guard let objects = objectsDirectory() else { throw CacheError.missing(relativePath) }
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try place(hash, from: ObjectFolders(objects: objects, hashes: [hash]), at: target, displayName: relativePath)
        case .directory(let hash, _, _):
            guard let objects = objectsDirectory() else { throw CacheError.missing(relativePath) }
            let entries = try manifest(hash, in: objects)
            let folders = ObjectFolders(objects: objects, hashes: entries.map(\.hash))
            for entry in entries where !folders.holds(entry.hash) {
                throw CacheError.missing(relativePath + "/" + entry.relativePath)
            }
            // Build the directory beside the target, then swap it in.
            let staging = FileCopier.temporaryName(for: target)
            defer { try? FileManager.default.removeItem(atPath: staging) }
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let subfolders = Set(entries.flatMap { entry in
                let parts = entry.relativePath.split(separator: "/").dropLast()
                return parts.indices.map { parts[...$0].joined(separator: "/") }
            })
            for subfolder in subfolders.sorted() { mkdir(staging + "/" + subfolder, 0o755) }
            let failures = Mutex<[any Error]>([])
            DispatchQueue.concurrentPerform(iterations: entries.count) { index in
                do {
                    let entry = entries[index]
                    try place(entry.hash, from: folders, at: staging + "/" + entry.relativePath,
                              displayName: relativePath + "/" + entry.relativePath)
                } catch {
                    failures.withLock { $0.append(error) }
                }
            }
            if let failure = failures.withLock({ $0.first }) { throw failure }
            // A symlink at the target is removed, never followed (removeItem unlinks the link).
            try? FileManager.default.removeItem(atPath: target)
            guard rename(staging, target) == 0 else { throw FileSystemError(operation: "write", path: target, code: errno) }
        }
    }

    /// Copies (or links) the object `hash` to `destination`. The object must be a
    /// regular file in its prefix folder; neither is followed through a symlink.
    private func place(_ hash: String, from folders: ObjectFolders, at destination: String, displayName: String) throws {
        guard let (folder, name) = folders.location(of: hash) else { throw CacheError.missing(displayName) }
        switch linkMode {
        case .copy:
            let input: Int32
            do {
                input = try folder.openRegularFile(name)
            } catch {
                throw error.code == ENOENT ? CacheError.missing(displayName) : CacheError.corrupt(folder.path + "/" + name)
            }
            defer { close(input) }
            try FileCopier.copy(descriptor: input, source: folder.path + "/" + name, to: destination)
        case .hardlink:
            switch folder.kind(of: name) {
            case .file?: try FileCopier.hardLink(directory: folder.descriptor, name: name, displayName: folder.path + "/" + name, to: destination)
            case nil: throw CacheError.missing(displayName)
            default: throw CacheError.corrupt(folder.path + "/" + name)
            }
        }
    }

    /// The restore target must be a plain relative path whose existing parent
    /// directories resolve inside the project root, and must neither be nor hold the cache.
    private func checkRestorable(_ relativePath: String, root: String) throws {
        let target = root + "/" + relativePath
        guard ManifestEntry.isSafeRelativePath(relativePath) else { throw CacheError.unsafePath(target) }
        let realRoot = FileStat.realPath(root) ?? root
        // Resolve the longest existing ancestor; the parts below it are created later.
        var existing = (target as NSString).deletingLastPathComponent
        var below = [(target as NSString).lastPathComponent]
        while !FileManager.default.fileExists(atPath: existing) {
            below.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let resolvedParent = FileStat.realPath(existing) ?? existing
        guard resolvedParent == realRoot || resolvedParent.hasPrefix(realRoot + "/") else { throw CacheError.unsafePath(target) }
        // The target's own last component is replaced, never followed: judge the path as it will be.
        let resolved = resolvedParent + "/" + below.joined(separator: "/")
        let cache = FileStat.realPath(directory) ?? directory
        if resolved == cache || resolved.hasPrefix(cache + "/") || cache.hasPrefix(resolved + "/") {
            throw CacheError.unsafePath(target)
        }
    }
}
