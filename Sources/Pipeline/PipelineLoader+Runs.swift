import Basics
import YAML

extension PipelineLoader {
    /// Keys the top-level `runs:` mapping takes.
    static let runsKeys = ["columns"]

    /// The top-level `runs: {columns: [...]}`: the metrics `sluice runs list` shows
    /// first. Anything else in it is a located error.
    mutating func loadRunColumns(_ node: YAMLNode?, displayName: String) -> [String] {
        guard let node else { return [] }
        let pairs = report { () throws(Diagnostic) in try node.pairs("'runs'") } ?? []
        diagnostics += unknownKeyDiagnostics(pairs, allowed: Self.runsKeys, in: "'runs' of \(displayName)")
        guard let columns = node["columns"] else { return [] }
        let items = report { () throws(Diagnostic) in try columns.list("'runs.columns'") } ?? []
        return items.compactMap { item in report { () throws(Diagnostic) in try item.string("an entry of 'runs.columns'") } }
    }
}
