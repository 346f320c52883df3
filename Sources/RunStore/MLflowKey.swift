/// Names of params, metrics and tags as MLflow's file store accepts them: the
/// characters `[A-Za-z0-9_./\- :]`, at most 250 of them, a relative path without
/// empty, `.` or `..` parts (a `/` makes a sub-folder), and no key that is also the
/// folder of another (`val` beside `val/acc`).
enum MLflowKey {
    /// The longest key MLflow accepts.
    static let maximumLength = 250

    /// `key` with unacceptable characters replaced by `_` and its path parts
    /// cleaned up; `nil` when nothing usable is left or it is too long.
    static func sanitize(_ key: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./- :")
        let replaced = String(key.map { allowed.contains($0) ? $0 : "_" })
        let parts = replaced.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part == "." || part == ".." ? String(repeating: "_", count: part.count) : String(part)
        }
        let cleaned = parts.joined(separator: "/")
        guard !cleaned.isEmpty, cleaned.count <= maximumLength else { return nil }
        return cleaned
    }

    /// Sanitized keys for `keys`, in order, leaving out (and listing) those that
    /// cannot be written: unusable, equal to an earlier key once sanitized, or the
    /// folder of another key.
    static func assign(_ keys: [String]) -> (accepted: [(original: String, key: String)], rejected: [String]) {
        var accepted: [(original: String, key: String)] = [], rejected: [String] = [], taken: Set<String> = []
        for original in keys {
            guard let key = sanitize(original), taken.insert(key).inserted else {
                rejected.append(original)
                continue
            }
            accepted.append((original, key))
        }
        let folders = Set(accepted.flatMap { entry in
            let parts = entry.key.split(separator: "/")
            return parts.indices.dropLast().map { parts[...$0].joined(separator: "/") }
        })
        rejected += accepted.filter { folders.contains($0.key) }.map(\.original)
        accepted.removeAll { folders.contains($0.key) }
        return (accepted, rejected)
    }
}
