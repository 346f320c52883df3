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

    /// Joins `declared` (relative to `workingDirectory`, itself relative to the root, or
    /// absolute) and normalizes it lexically: a root-relative path, like `normalize`, when
    /// the result lies inside `root`, else an absolute path (an external path, e.g. a
    /// dependency on `../../shared/raw.csv`).
    ///
    /// The result is lexical (symlinks are not resolved), so two spellings of one file
    /// outside the root give the same absolute path, and `root + "/" + path` is never
    /// formed for it: see `isExternal`.
    package static func resolve(_ declared: String, workingDirectory: String = ".", root: String) -> String {
        // Most paths are plain (`data/x.csv` in a folder inside the root): joining is
        // all they need, and normalizing the root for each was most of a large load.
        if isPlain(declared), workingDirectory == "." || isPlain(workingDirectory) {
            return workingDirectory == "." ? declared : workingDirectory + "/" + declared
        }
        let base = workingDirectory == "." ? root : root + "/" + workingDirectory
        let absolute = lexical(declared.hasPrefix("/") ? declared : base + "/" + declared)
        let rootPath = lexical(root)
        if absolute == rootPath { return "." }
        let prefix = rootPath == "/" ? "/" : rootPath + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// Whether `path` is relative, with no `.`, `..` or empty component (so no leading,
    /// doubled or trailing `/`).
    private static func isPlain(_ path: String) -> Bool {
        var componentLength = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard componentLength > 0, dots < componentLength || componentLength > 2 else { return false }
                (componentLength, dots) = (0, 0)
            } else {
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return componentLength > 0 && (dots < componentLength || componentLength > 2)
    }

    /// Whether `path` (as `resolve` gives it) lies outside the project root.
    package static func isExternal(_ path: String) -> Bool { path.hasPrefix("/") }

    /// `path` (root-relative, or absolute when external) as an absolute path.
    package static func absolute(_ path: String, root: String) -> String {
        isExternal(path) ? path : path == "." ? root : root + "/" + path
    }

    /// An absolute path without `.`, `..` (above `/` stays at `/`) or empty components.
    private static func lexical(_ absolute: String) -> String {
        var result: [Substring] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !result.isEmpty { result.removeLast() }
            default: result.append(component)
            }
        }
        return "/" + result.joined(separator: "/")
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
