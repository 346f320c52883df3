import Basics
import Foundation

/// Renders diagnostics with the offending source line and a caret, reading the
/// file a location names from `baseDirectory` when it is there.
struct DiagnosticPrinter {
    /// The directory that diagnostic file names are relative to.
    var baseDirectory: String

    func render(_ diagnostic: Diagnostic) -> String {
        let source = diagnostic.location.flatMap { location -> String? in
            let path = location.file.hasPrefix("/") ? location.file : baseDirectory + "/" + location.file
            return try? String(contentsOfFile: path, encoding: .utf8)
        }
        return diagnostic.rendered(source: source)
    }

    func render(_ list: DiagnosticList) -> String {
        let errors = list.diagnostics.filter { $0.severity == .error }.count
        var parts = list.diagnostics.map(render)
        if errors > 1 { parts.append("\(errors) errors") }
        return parts.joined(separator: "\n")
    }
}
