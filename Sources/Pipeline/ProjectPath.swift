/// Paths relative to the project root, normalized so that equal files compare equal.
package enum ProjectPath {
    /// Joins `declared` (relative to `workingDirectory`, itself relative to the root, or
    /// absolute) and normalizes it to a root-relative path without `.`, `..` or a
    /// trailing slash. Returns `nil` when the result is outside the project root.
    package static func normalize(_ declared: String, workingDirectory: String = ".", root: String) -> String? {
        var components: [Substring]
        if declared.hasPrefix("/") {
            let rootComponents = root.split(separator: "/")
            let parts = declared.split(separator: "/")
            guard parts.starts(with: rootComponents) else { return nil }
            components = Array(parts.dropFirst(rootComponents.count))
        } else {
            components = workingDirectory.split(separator: "/") + declared.split(separator: "/")
        }
        var result: [Substring] = []
        for component in components {
            switch component {
            case ".", "": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(component)
            }
        }
        return result.isEmpty ? "." : result.joined(separator: "/")
    }

    /// Whether `path` is `ancestor` itself or lies inside it (both root-relative, normalized).
    package static func isInside(_ path: String, _ ancestor: String) -> Bool {
        ancestor == "." || path == ancestor || path.hasPrefix(ancestor + "/")
    }

    /// `path` (root-relative) as seen from `workingDirectory` (root-relative), e.g. for a
    /// stage's `wdir: src`, `data/x.csv` becomes `../data/x.csv`.
    package static func relative(_ path: String, from workingDirectory: String) -> String {
        guard workingDirectory != "." else { return path }
        let from = workingDirectory.split(separator: "/"), to = path == "." ? [] : path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let rest = to[common...].map(String.init)
        let joined = (up + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
