import Basics

/// Renders diagnostics with the offending source line and a caret, reading the
/// line a location names from the file (relative to `baseDirectory`) when it is there.
struct DiagnosticPrinter {
    /// The directory that diagnostic file names are relative to.
    var baseDirectory: String

    func render(_ diagnostic: Diagnostic) -> String {
        let excerpt = diagnostic.location.flatMap { location -> SourceExcerpt? in
            let path = location.file.hasPrefix("/") ? location.file : baseDirectory + "/" + location.file
            return SourceExcerpt(path: path, line: location.line, column: location.column)
        }
        return diagnostic.rendered(excerpt: excerpt)
    }

    func render(_ list: DiagnosticList) -> String {
        let errors = list.diagnostics.filter { $0.severity == .error }.count
        var parts = list.diagnostics.map(render)
        if errors > 1 { parts.append("\(errors) errors") }
        return parts.joined(separator: "\n")
    }
}
