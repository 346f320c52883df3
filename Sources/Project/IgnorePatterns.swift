import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The patterns of a `.sluiceignore`: one per line, `#` starts a comment. A pattern
/// names paths relative to the project root, with `*`, `?` and `[…]` as in the shell
/// (`*` does not cross `/`); a pattern without `/` matches a folder or file of that
/// name anywhere, one with `/` (or a leading `/`) matches from the root. A trailing
/// `/` is ignored. Whatever a pattern matches is skipped, with everything inside it.
struct IgnorePatterns {
    private var anywhere: [String] = []
    private var fromRoot: [String] = []

    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            var pattern = line.trimmingCharacters(in: .whitespaces)
            guard !pattern.isEmpty, !pattern.hasPrefix("#") else { continue }
            while pattern.hasSuffix("/") { pattern.removeLast() }
            if pattern.hasPrefix("/") {
                fromRoot.append(String(pattern.drop { $0 == "/" }))
            } else if pattern.utf8.contains(UInt8(ascii: "/")) {
                fromRoot.append(pattern)
            } else if !pattern.isEmpty {
                anywhere.append(pattern)
            }
        }
    }

    /// Whether `path` (root-relative) is skipped.
    func matches(_ path: String) -> Bool {
        if !fromRoot.isEmpty, fromRoot.contains(where: { fnmatch($0, path, FNM_PATHNAME) == 0 }) { return true }
        guard !anywhere.isEmpty else { return false }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return anywhere.contains { fnmatch($0, name, 0) == 0 }
    }
}
