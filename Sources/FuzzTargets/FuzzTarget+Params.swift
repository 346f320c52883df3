import Basics
import Pipeline
import YAML

extension FuzzTarget {
    /// A params file, as `params show` reads it: the document as JSON, flattened to
    /// dotted keys, each value shown; a key looked up, and a missing one suggested.
    static func runParams(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let node = try YAML.load(path: sandbox.path(of: "params.yaml", format: .params), displayName: "params.yaml")
        let document = node.json
        _ = JSONWriter.pretty.string(document)
        let compact = JSONWriter(indent: nil, sortKeys: false)
        let flat = document.flattened()
        for entry in flat {
            if case .string = entry.value { continue }
            _ = compact.string(entry.value)
        }
        let file = ParamsFile(path: "params.yaml", root: node)
        _ = file.topLevelKeys
        if let first = flat.first { _ = file.value(at: first.key) }
        _ = Suggestion.closest(to: "train.learning_rat", among: flat.map(\.key))
        return .accepted
    }
}
