import Basics
import ContentStore
import Foundation

extension ObjectTransfer {
    /// Downloads the objects of `hashes` that the local cache lacks: directory manifests
    /// first, so that their files are known, then the files.
    package func pull(_ hashes: [String], progress: @Sendable (Int, Int) -> Void = { _, _ in }) throws(RemoteError) -> Summary {
        let present = try remote.keys(under: "files/sha256/")
        let manifests = Array(Set(hashes.filter { ContentHash.isDirectoryHash($0) }))
        var summary = fetch(manifests.filter { !hasLocally($0) }, present: present)
        let files = expanded(hashes).filter { !hasLocally($0) }
        let second = fetch(files, present: present)
        summary.transferred += second.transferred
        summary.failures += second.failures
        summary.skipped = expanded(hashes).count - summary.transferred - summary.failures.count
        progress(summary.transferred, summary.transferred + summary.failures.count)
        return summary
    }

    /// Whether the local cache holds the object for `hash`.
    func hasLocally(_ hash: String) -> Bool {
        (try? cache.objectPath(hash)).map(FileManager.default.fileExists) ?? false
    }

    /// Downloads `hashes` in parallel, each checked before it enters the cache.
    private func fetch(_ hashes: [String], present: Set<String>) -> Summary {
        let results = Parallel.map(hashes.count, threads: jobs) { index in fetch(hashes[index], present: present) }
        let failures = results.compactMap { $0 }
        return Summary(transferred: hashes.count - failures.count, skipped: 0, failures: failures)
    }

    /// One object: downloaded under a temporary name beside its place, hashed, and
    /// renamed into place only when its content matches its name.
    private func fetch(_ hash: String, present: Set<String>) -> RemoteError? {
        let key = Self.key(hash)
        guard present.contains(key) else {
            return RemoteError(remote: remote.displayName, key: key, "it is not in the remote", hint: "push it from the machine that has it ('sluice push')")
        }
        guard let target = try? cache.objectPath(hash) else { return RemoteError(remote: remote.displayName, key: key, "not a valid object name") }
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = folder + "/.tmp-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return RemoteError(remote: remote.displayName, key: key, "cannot create \(folder) in the local cache: \(error.localizedDescription)")
        }
        do throws(RemoteError) {
            try remote.download(key, to: temporary)
        } catch {
            return error
        }
        let expected = ContentHash.isDirectoryHash(hash) ? String(hash.dropLast(ContentHash.directorySuffix.count)) : hash
        guard let actual = try? FileHasher.hash(path: temporary).hash else {
            return RemoteError(remote: remote.displayName, key: key, "the downloaded copy could not be read back")
        }
        guard actual == expected else {
            return RemoteError(remote: remote.displayName, key: key, "its content does not match its name (its SHA-256 is \(actual)); it was not kept",
                               hint: "the remote copy is damaged: push it again from a machine whose cache has it")
        }
        guard rename(temporary, target) == 0 else {
            return RemoteError(remote: remote.displayName, key: key, "cannot move it into the local cache: \(String(cString: strerror(errno)))")
        }
        return nil
    }
}
