import Basics
import Foundation

/// Renders diagnostics with the offending source line and a caret, reading the
/// line a location names from the file (relative to `baseDirectory`) when it is there.
struct DiagnosticPrinter {
    /// The directory that diagnostic file names are relative to.
    var baseDirectory: String

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
        var lines: [String: [Substring]?] = [:]
        func excerpt(_ location: SourceLocation) -> SourceExcerpt? {
            let path = path(of: location)
            if lines[path] == nil { lines[path] = Self.lines(of: path) }
            guard let fileLines = lines[path] ?? nil else {
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
        location.file.hasPrefix("/") ? location.file : baseDirectory + "/" + location.file
    }

    /// The lines of a regular file small enough to hold, else `nil`.
    private static func lines(of path: String) -> [Substring]? {
        guard FileKind(path: path) == .regular,
              let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size <= wholeFileLimit,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }
}
