import Basics
import Foundation
import YAML

/// Reads pipeline.yaml (or an unchanged dvc.yaml) into a validated `Pipeline`.
///
/// Every problem found is reported at once, located, as a `DiagnosticList`.
public struct PipelineLoader {
    static let topLevelKeys = ["stages", "vars", "params", "metrics", "plots", "artifacts", "datasets"]

    /// The project root (absolute): the pipeline file's directory.
    let root: String
    /// The name diagnostics show for the pipeline file.
    let displayName: String
    var diagnostics: [Diagnostic] = []
    var paramsFiles: [String: ParamsFile] = [:]
    /// Params files that could not be read, so each is reported once.
    var unreadableParams: Set<String> = []

    /// Loads the pipeline file at `path` (absolute); `displayName` is how diagnostics name it.
    public static func load(path: String, displayName: String) throws -> Pipeline {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DiagnosticList([.error("cannot read \(displayName): no such file",
                                         hint: "create it, or name another file with --file")])
        }
        var loader = PipelineLoader(root: (path as NSString).deletingLastPathComponent, displayName: displayName)
        return try loader.load(text: text)
    }

    /// Loads pipeline text; `root` is the directory paths are relative to.
    public static func load(text: String, root: String, displayName: String) throws -> Pipeline {
        var loader = PipelineLoader(root: root, displayName: displayName)
        return try loader.load(text: text)
    }

    init(root: String, displayName: String) {
        self.root = root
        self.displayName = displayName
    }

    mutating func load(text: String) throws -> Pipeline {
        let document: YAMLNode
        do {
            document = try YAML.parse(text, file: displayName)
        } catch {
            throw DiagnosticList([error])
        }
        let what = "the top level of \(displayName)"
        let top = report { () throws(Diagnostic) in try document.pairs(what) } ?? []
        diagnostics += unknownKeyDiagnostics(top, allowed: Self.topLevelKeys, in: displayName)

        var context = InterpolationContext()
        if let params = paramsFile("params.yaml", at: nil, required: false) {
            context.merge(params.root, paramsFile: params.path)
        }
        if let vars = document["vars"] { loadVars(vars, into: &context) }

        var stages: [StageSpec] = []
        if let stagesNode = document["stages"] {
            for pair in report({ () throws(Diagnostic) in try stagesNode.pairs("'stages'") }) ?? [] {
                stages += loadStageEntry(pair, context: context)
            }
        } else if !top.isEmpty || document.value != .null {
            diagnostics.append(.error("\(displayName) has no 'stages'", at: document.location,
                                      hint: "declare stages under a top-level 'stages:' key"))
        }
        let extraMetrics = (document["metrics"].flatMap { try? $0.list("metrics") } ?? []).compactMap { node in
            ProjectPath.normalize(node.scalarText, root: root)
        }
        let pipeline = Pipeline(displayName: displayName, root: root, stages: stages, paramsFiles: paramsFiles, extraMetrics: extraMetrics)
        diagnostics += PipelineValidator.validate(pipeline)
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticList(diagnostics) }
        return pipeline
    }

    /// Runs `body`, recording its diagnostic instead of stopping.
    mutating func report<T>(_ body: () throws(Diagnostic) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// The params file at `path` (root-relative), loaded once; `nil` (with a
    /// diagnostic at `location` when `required`) when it cannot be read.
    mutating func paramsFile(_ path: String, at location: SourceLocation?, required: Bool) -> ParamsFile? {
        if let loaded = paramsFiles[path] { return loaded }
        if unreadableParams.contains(path) { return nil }
        let full = root + "/" + path
        guard FileManager.default.fileExists(atPath: full) else {
            if required {
                unreadableParams.insert(path)
                diagnostics.append(.error("params file '\(path)' does not exist", at: location,
                                          hint: "create it, or remove the reference"))
            }
            return nil
        }
        do {
            let file = ParamsFile(path: path, root: try YAML.load(path: full, displayName: path))
            paramsFiles[path] = file
            return file
        } catch {
            unreadableParams.insert(path)
            diagnostics.append(error)
        }
        return nil
    }

    private mutating func loadVars(_ vars: YAMLNode, into context: inout InterpolationContext) {
        for entry in report({ () throws(Diagnostic) in try vars.list("'vars'") }) ?? [] {
            switch entry.value {
            case .mapping:
                for clash in context.merge(entry, paramsFile: nil) {
                    diagnostics.append(.error("variable '\(clash)' is defined twice", at: entry.location))
                }
            default:
                // `file.yaml` or `file.yaml:key1,key2`
                guard let (name, keyList) = Self.varsFileSpec(entry) else {
                    diagnostics.append(.error(
                        "each entry of 'vars' must be a mapping of variables or a file name, found \(Self.describe(entry))",
                        at: entry.location,
                        hint: "write 'name: value' pairs, 'file.yaml', or 'file.yaml:key1,key2'"))
                    continue
                }
                guard let path = ProjectPath.normalize(name, root: root) else {
                    diagnostics.append(.error("vars file '\(name)' is outside the project", at: entry.location))
                    continue
                }
                guard let file = paramsFile(path, at: entry.location, required: true) else { continue }
                var source = file.root
                if let keyList {
                    let keys = keyList.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
                    let picked = keys.compactMap { key -> YAMLPair? in
                        guard let node = file.node(at: key) else {
                            diagnostics.append(.error("'\(key)' is missing from \(path)", at: entry.location))
                            return nil
                        }
                        return YAMLPair(key: YAMLNode(.string(key), at: entry.location), value: node)
                    }
                    source = YAMLNode(.mapping(picked), at: entry.location)
                }
                context.merge(source, paramsFile: path, overriding: path == "params.yaml")
            }
        }
    }

    /// A `vars` entry naming a file: the file and, after a `:`, the keys to pick
    /// (`nil` for the whole file); `nil` when the entry names no file (empty text,
    /// `:keys` alone, null or a list).
    static func varsFileSpec(_ entry: YAMLNode) -> (file: String, keys: String?)? {
        guard entry.isScalar, entry.value != .null else { return nil }
        let parts = entry.scalarText.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        let file = String(first).trimmingSpaces()
        guard !file.isEmpty else { return nil }
        let keys = parts.count == 2 ? String(parts[1]).trimmingSpaces() : ""
        return (file, keys.isEmpty ? nil : keys)
    }

    /// How a `vars` entry that names no file reads in a message.
    private static func describe(_ entry: YAMLNode) -> String {
        switch entry.value {
        case .string(let text) where text.trimmingSpaces().isEmpty: return "an empty name"
        case .string(let text): return "'\(text)', which has no file name before ':'"
        default: return entry.kindDescription
        }
    }
}
