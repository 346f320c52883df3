import Basics

/// The keys of a params file nearest to one it does not have, for "did you mean" hints.
enum NearestKeys {
    /// Up to `limit` keys closest by edit distance (at most a third of the key's length,
    /// and at least 2, edits away), closest first; when none is that close, the keys of
    /// the deepest section the key starts with (`train.foo` lists `train`'s keys).
    static func find(_ key: String, among keys: [String], limit: Int = 3) -> [String] {
        let allowed = max(2, key.count / 3)
        let close = keys.map { ($0, Suggestion.editDistance(key, $0)) }
            .filter { $0.1 <= allowed }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
        if !close.isEmpty { return Array(close) }
        var parts = key.split(separator: ".").map(String.init)
        while parts.count > 1 {
            parts.removeLast()
            let section = parts.joined(separator: ".") + "."
            let inside = keys.filter { $0.hasPrefix(section) && !$0.dropFirst(section.count).contains(".") }
            if !inside.isEmpty { return Array(inside.prefix(limit * 2)) }
        }
        return []
    }
}
