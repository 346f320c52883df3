import Basics
import ContentStore
import Foundation

/// Files of the cache directory that are not content-addressed (run-cache entries,
/// `runs/ab/cdef…`), moved under the same relative key on both sides. The caller
/// checks a downloaded file before it is kept, since its name is not its hash.
extension ObjectTransfer {
    /// Every key under `prefix` on the remote.
    package func remoteKeys(under prefix: String) throws(RemoteError) -> Set<String> {
        try remote.keys(under: prefix)
    }

    /// Uploads the cache files at `keys` (relative to the cache directory) that are not
    /// in `present` (the remote's keys).
    package func pushFiles(_ keys: [String], present: Set<String>) -> Summary {
        let missing = keys.filter { !present.contains($0) && Self.isPlainKey($0) }
        let failures = remote.upload(missing.map { (file: cache.directory + "/" + $0, key: $0) }, jobs: jobs).compactMap { $0 }
        return Summary(transferred: missing.count - failures.count, skipped: keys.count - missing.count, failures: failures)
    }

    /// What to do with a downloaded file.
    package enum Verdict: Sendable {
        /// Rename it into place.
        case keep
        /// Drop it quietly (sound, but not wanted).
        case drop
        /// Drop it as damaged: its content does not match its name.
        case damaged
    }

    /// Downloads the files at `keys` the local cache lacks into the cache directory, each
    /// under a temporary name first; one is kept (renamed into place) only when
    /// `verdict(temporaryFile, key)` says so.
    package func pullFiles(_ keys: [String], verdict: (String, String) -> Verdict) -> Summary {
        let wanted = keys.filter { Self.isPlainKey($0) && !FileManager.default.fileExists(atPath: cache.directory + "/" + $0) }
        var summary = Summary(skipped: keys.count - wanted.count)
        var items: [(key: String, file: String)] = []
        for key in wanted {
            let folder = ((cache.directory + "/" + key) as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                summary.failures.append(RemoteError(remote: remote.displayName, key: key, "cannot create \(folder) in the local cache: \(error.localizedDescription)"))
                continue
            }
            items.append((key, folder + "/.tmp-" + UUID().uuidString))
        }
        for (index, outcome) in remote.download(items, jobs: jobs).enumerated() {
            let (key, file) = items[index]
            defer { try? FileManager.default.removeItem(atPath: file) }
            if let outcome {
                summary.failures.append(outcome)
                continue
            }
            switch verdict(file, key) {
            case .drop:
                summary.skipped += 1
            case .damaged:
                summary.failures.append(RemoteError(remote: remote.displayName, key: key, "its content does not match its name; it was not kept",
                                                    hint: "the remote copy is damaged: push it again from a machine whose cache has it"))
            case .keep where rename(file, cache.directory + "/" + key) != 0:
                summary.failures.append(RemoteError(remote: remote.displayName, key: key, "cannot move it into the local cache: \(String(cString: strerror(errno)))"))
            case .keep:
                summary.transferred += 1
            }
        }
        return summary
    }

    /// Whether `key` is a relative path without `.`, `..` or empty components: nothing a
    /// listing returns may name a file outside the cache directory.
    static func isPlainKey(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        return !key.hasPrefix("/") && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".tmp-") }
    }
}
