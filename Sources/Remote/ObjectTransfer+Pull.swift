import Basics
import ContentStore
import Foundation

extension ObjectTransfer {
    /// Downloads the objects of `hashes` that the local cache lacks: directory manifests
    /// first, so that their files are known, then the files. `progress` hears how far
    /// it has come, from any thread.
    package func pull(_ hashes: [String], progress: @escaping @Sendable (TransferProgress) -> Void = { _ in }) throws(RemoteError) -> Summary {
        let present = try remote.keys(under: "files/sha256/")
        let manifests = Array(Set(hashes.filter { ContentHash.isDirectoryHash($0) })).filter { !hasLocally($0) }
        let tracker = ProgressTracker(TransferProgress(objectsTotal: manifests.count), report: progress)
        var summary = fetch(manifests, present: present, tracker: tracker)
        let files = expanded(hashes).filter { !hasLocally($0) }
        tracker.add(objects: files.count)
        let second = fetch(files, present: present, tracker: tracker)
        summary.transferred += second.transferred
        summary.failures += second.failures
        summary.skipped = expanded(hashes).count - summary.transferred - summary.failures.count
        return summary
    }

    /// Whether the local cache holds the object for `hash`.
    package func hasLocally(_ hash: String) -> Bool {
        (try? cache.objectPath(hash)).map(FileManager.default.fileExists) ?? false
    }

    /// Downloads `hashes` in parallel under temporary names beside their places, then
    /// keeps each one only if its content matches its name.
    private func fetch(_ hashes: [String], present: Set<String>, tracker: ProgressTracker) -> Summary {
        var failures: [RemoteError] = []
        var items: [(key: String, file: String)] = [], targets: [(hash: String, target: String)] = []
        for hash in hashes {
            let key = Self.key(hash)
            guard present.contains(key) else {
                failures.append(RemoteError(remote: remote.displayName, key: key, "it is not in the remote",
                                            hint: "push it from the machine that has it ('sluice push')"))
                continue
            }
            guard let target = try? cache.objectPath(hash) else { continue }  // `expanded` keeps valid hashes only
            let folder = (target as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                failures.append(RemoteError(remote: remote.displayName, key: key, "cannot create \(folder) in the local cache: \(error.localizedDescription)"))
                continue
            }
            items.append((key, folder + "/.tmp-" + UUID().uuidString))
            targets.append((hash, target))
        }
        var kept = 0
        for (index, outcome) in remote.download(items, jobs: jobs, moved: tracker.moved).enumerated() {
            defer { try? FileManager.default.removeItem(atPath: items[index].file) }
            if let problem = outcome ?? keep(items[index].file, as: targets[index].hash, at: targets[index].target) {
                failures.append(problem)
            } else {
                kept += 1
            }
        }
        return Summary(transferred: kept, skipped: 0, failures: failures)
    }

    /// Moves the downloaded `file` to `target` when its SHA-256 is `hash`'s; else says why.
    private func keep(_ file: String, as hash: String, at target: String) -> RemoteError? {
        let key = Self.key(hash)
        let expected = ContentHash.isDirectoryHash(hash) ? String(hash.dropLast(ContentHash.directorySuffix.count)) : hash
        guard let actual = try? FileHasher.hash(path: file).hash else {
            return RemoteError(remote: remote.displayName, key: key, "the downloaded copy could not be read back")
        }
        guard actual == expected else {
            return RemoteError(remote: remote.displayName, key: key, "its content does not match its name (its SHA-256 is \(actual)); it was not kept",
                               hint: "the remote copy is damaged: push it again from a machine whose cache has it")
        }
        guard rename(file, target) == 0 else {
            return RemoteError(remote: remote.displayName, key: key, "cannot move it into the local cache: \(String(cString: strerror(errno)))")
        }
        return nil
    }
}
