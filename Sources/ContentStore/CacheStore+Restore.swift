import Basics
import Dispatch
import Foundation
import Synchronization

/// Putting cached versions back into the workspace.
extension CacheStore {
    /// Restores `fingerprint` at `relativePath` under `root`: the file, or the whole
    /// directory (files not in the manifest are removed). Refuses to write through a
    /// symlink that leads out of the project.
    public func restore(_ fingerprint: Fingerprint, at relativePath: String, root: String) throws {
        let target = root + "/" + relativePath
        try checkInsideProject(target, root: root)
        switch fingerprint {
        case .missing: return
        case .file(let hash, _):
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try place(hash, at: target)
        case .directory(let hash, _, _):
            let entries = try manifest(hash)
            for entry in entries where !FileManager.default.fileExists(atPath: objectPath(entry.hash)) {
                throw CacheError.missing(relativePath + "/" + entry.relativePath)
            }
            // Build the directory beside the target, then swap it in.
            let staging = FileCopier.temporaryName(for: target)
            defer { try? FileManager.default.removeItem(atPath: staging) }
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let folders = Set(entries.flatMap { entry in
                let parts = entry.relativePath.split(separator: "/").dropLast()
                return parts.indices.map { parts[...$0].joined(separator: "/") }
            })
            for folder in folders.sorted() { mkdir(staging + "/" + folder, 0o755) }
            let failures = Mutex<[any Error]>([])
            DispatchQueue.concurrentPerform(iterations: entries.count) { index in
                do {
                    try place(entries[index].hash, at: staging + "/" + entries[index].relativePath)
                } catch {
                    failures.withLock { $0.append(error) }
                }
            }
            if let failure = failures.withLock({ $0.first }) { throw failure }
            try? FileManager.default.removeItem(atPath: target)
            guard rename(staging, target) == 0 else { throw FileCopier.Failure(operation: "write", path: target, code: errno) }
        }
    }

    private func place(_ hash: String, at destination: String) throws {
        let object = objectPath(hash)
        guard access(object, F_OK) == 0 else { throw CacheError.missing(destination) }
        switch linkMode {
        case .copy: try FileCopier.copy(object, to: destination)
        case .hardlink: try FileCopier.hardLink(object, to: destination)
        }
    }

    /// The target's existing parent directories must resolve inside the project root.
    private func checkInsideProject(_ target: String, root: String) throws {
        let realRoot = (root as NSString).resolvingSymlinksInPath
        var parent = (target as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: parent) { parent = (parent as NSString).deletingLastPathComponent }
        let resolved = (parent as NSString).resolvingSymlinksInPath
        guard resolved == realRoot || resolved.hasPrefix(realRoot + "/") else { throw CacheError.unsafePath(target) }
        // A symlink at the target itself is replaced, never followed: rename does that.
    }
}
