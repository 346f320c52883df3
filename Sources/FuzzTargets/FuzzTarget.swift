import Basics
import Foundation

/// Runs one input of a format through the code that reads that file in `sluice`.
///
/// Each format's function calls the same library entry points a command calls, on
/// files in a sandbox, and then uses what it read the way the command goes on to
/// (flattening, predicting, formatting, exporting), so a crash or hang found here is
/// one a user can meet. Errors the readers throw are the expected outcome for most
/// inputs and are rendered the way the command line renders them.
package enum FuzzTarget {
    /// Runs `input` (a plain file of the format, or a bundle) in `sandbox`.
    package static func run(_ format: FuzzFormat, input: [UInt8], in sandbox: FuzzSandbox) -> FuzzOutcome {
        let bundle = FuzzBundle(parsing: input, format: format)
        sandbox.place(bundle)
        do {
            switch format {
            case .pipeline: return try runPipeline(bundle, in: sandbox)
            case .params: return try runParams(bundle, in: sandbox)
            case .csv: return try runCSV(bundle, in: sandbox)
            case .lock: return try runLock(bundle, in: sandbox)
            case .model: return try runModel(bundle, in: sandbox)
            case .run: return try runRun(bundle, in: sandbox)
            case .registry: return try runRegistry(bundle, in: sandbox)
            case .profile: return try runProfile(bundle, in: sandbox)
            }
        } catch {
            return .rejected(render(error, in: bundle))
        }
    }

    /// An error as the command line shows it: every diagnostic with the excerpt of
    /// the member file it names.
    static func render(_ error: any Error, in bundle: FuzzBundle) -> String {
        func rendered(_ diagnostic: Diagnostic) -> String {
            let file = diagnostic.location?.file ?? ""
            let source = bundle.members.first { !file.isEmpty && file.hasSuffix($0.name) }
            return diagnostic.rendered(source: source.map { String(decoding: $0.bytes, as: UTF8.self) })
        }
        switch error {
        case let diagnostic as Diagnostic: return rendered(diagnostic)
        case let list as DiagnosticList: return list.diagnostics.map(rendered).joined(separator: "\n")
        default: return String(describing: error)
        }
    }
}
