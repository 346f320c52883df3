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
        switch fingerprint {
        case .missing: return
        case .file(let hash, _):
            try createPrefixDirectories()
            try saveFile(absolutePath, hash: hash)
        case .directory(let hash, _, _):
            try createPrefixDirectories()
            let failures = Mutex<[any Error]>([])
            DispatchQueue.concurrentPerform(iterations: manifest.count) { index in
                do {
                    try saveFile(absolutePath + "/" + manifest[index].relativePath, hash: manifest[index].hash)
                } catch {
                    failures.withLock { $0.append(error) }
                }
            }
            if let failure = failures.withLock({ $0.first }) { throw failure }
            let object = objectPath(hash)
            if !FileManager.default.fileExists(atPath: object) {
                try AtomicFile.write(Manifest.encode(manifest), to: object)
            }
        }
    }

    /// The 256 `files/sha256/<xx>` folders, made once so that saving thousands of
    /// objects costs no directory checks per object.
    private func createPrefixDirectories() throws {
        let base = directory + "/files/sha256"
        guard access(base + "/ff", F_OK) != 0 else { return }
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let digits = Array("0123456789abcdef")
        for high in digits { for low in digits { mkdir("\(base)/\(high)\(low)", 0o755) } }
    }

    private func saveFile(_ path: String, hash: String) throws {
        let object = objectPath(hash)
        if access(object, F_OK) != 0 {
            // Cached objects are read-only: nothing should ever edit them in place.
            try FileCopier.copy(path, to: object, mode: 0o444)
        }
        if linkMode == .hardlink { try FileCopier.hardLink(object, to: path) }
    }
}
