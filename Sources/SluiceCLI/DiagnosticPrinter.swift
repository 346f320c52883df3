import Basics
import Foundation

/// Renders diagnostics with the offending source line and a caret, reading the
/// line a location names from the file (relative to `baseDirectory`, else to the
/// project root) when it is there.
struct DiagnosticPrinter {
    /// The directory that diagnostic file names are relative to.
    var baseDirectory: String
    /// The project root, looked up only when a named file is not found below
    /// `baseDirectory`: pipeline files are named relative to the root, which is above
    /// the current folder when sluice runs in a subfolder.
    var projectRoot: () -> String? = { nil }

    /// Files up to this size are read once for a list of diagnostics; a larger one is
    /// read up to each diagnostic's line instead, so a huge data file is never held whole.
    private static let wholeFileLimit = 16 << 20

    func render(_ diagnostic: Diagnostic) -> String {
        let excerpt = diagnostic.location.flatMap { location -> SourceExcerpt? in
            SourceExcerpt(path: path(of: location), line: location.line, column: location.column)
        }
        return diagnostic.rendered(excerpt: excerpt)
    }

    /// Every diagnostic of `list`, each file read once however many diagnostics name it.
    func render(_ list: DiagnosticList) -> String {
        // By the name diagnostics give, so each file is found (and read) once.
        var files: [String: (path: String, lines: [Substring]?)] = [:]
        func excerpt(_ location: SourceLocation) -> SourceExcerpt? {
            if files[location.file] == nil {
                let path = path(of: location)
                files[location.file] = (path, Self.lines(of: path))
            }
            guard let (path, found) = files[location.file] else { return nil }
            guard let fileLines = found else {
                return SourceExcerpt(path: path, line: location.line, column: location.column)
            }
            guard location.line >= 1 && location.line <= fileLines.count else { return nil }
            return SourceExcerpt(line: fileLines[location.line - 1], column: location.column)
        }
        let errors = list.diagnostics.filter { $0.severity == .error }.count
        var parts = list.diagnostics.map { $0.rendered(excerpt: $0.location.flatMap(excerpt)) }
        if errors > 1 { parts.append("\(errors) errors") }
        return parts.joined(separator: "\n")
    }

    private func path(of location: SourceLocation) -> String {
        guard !location.file.hasPrefix("/") else { return location.file }
        let here = baseDirectory + "/" + location.file
        guard FileKind(path: here) == .missing, let root = projectRoot(), root != baseDirectory else { return here }
        return root + "/" + location.file
    }

    /// The lines of a regular file small enough to hold, else `nil`.
    private static func lines(of path: String) -> [Substring]? {
        guard FileKind(path: path) == .regular,
              let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size <= wholeFileLimit,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }
}
