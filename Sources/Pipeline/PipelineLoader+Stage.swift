import Basics
import YAML

/// One stage body: `cmd`, `wdir`, `deps`, `params`, `outs`, `metrics`, `plots`, flags.
extension PipelineLoader {
    static let stageKeys = ["cmd", "wdir", "deps", "params", "outs", "metrics", "plots", "always_changed",
                            "frozen", "desc", "meta", "vars"]
    static let outputKeys = ["cache", "persist", "desc", "remote", "push", "type", "labels", "meta"]
    static let plotKeys = outputKeys + ["x", "y", "template", "title", "x_label", "y_label", "header"]

    /// The stage, as far as it could be read; its problems are in `diagnostics`, and
    /// the rest of it still takes part in cross-stage checks, so every error shows at once.
    mutating func loadStage(name: String, body: YAMLNode, location: SourceLocation, context: InterpolationContext) -> StageSpec? {
        guard let pairs = report({ () throws(Diagnostic) in try body.pairs("stage '\(name)'") }) else { return nil }
        diagnostics += unknownKeyDiagnostics(pairs, allowed: Self.stageKeys, in: "stage '\(name)'")
        var local = context
        if let vars = body["vars"] {
            for entry in (try? vars.list("vars")) ?? [] { local.merge(entry, paramsFile: nil, overriding: true) }
        }
        var interpolator = Interpolator(context: local)
        let resolvedPairs = pairs.filter { $0.key.scalarText != "meta" && $0.key.scalarText != "vars" }
        let parsing = parsing
        guard let resolved = report({ () throws(Diagnostic) in
            var resolved: [YAMLPair] = []
            for pair in resolvedPairs {
                // Only `cmd` unpacks a mapping into arguments, as in DVC.
                let unpacking = pair.key.scalarText == "cmd" ? parsing : nil
                resolved.append(YAMLPair(key: try interpolator.resolveTree(pair.key),
                                         value: try interpolator.resolveTree(pair.value, unpacking: unpacking)))
            }
            return YAMLNode(.mapping(resolved), at: body.location)
        }) else { return nil }

        var stage = StageSpec(name: name, file: file, commands: [], workingDirectory: directory, location: location)
        if let wdirNode = resolved["wdir"], let wdir = report({ () throws(Diagnostic) in try wdirNode.string("'wdir'") }) {
            // Relative to the pipeline file's folder; it may leave that folder, not the project.
            if let normalized = ProjectPath.normalize(wdir, workingDirectory: directory, root: root) {
                stage.workingDirectory = normalized
            } else {
                diagnostics.append(.error("'wdir' \(wdir) is outside the project root \(root)", at: wdirNode.location,
                                          hint: "stages run inside the project: the folder holding .sluice/ (or the git work tree)"))
            }
        }
        if let cmd = resolved["cmd"] {
            stage.commands = (report({ () throws(Diagnostic) in try cmd.list("'cmd'") }) ?? []).compactMap { node in
                report { () throws(Diagnostic) in try node.string("each command") }
            }
        } else {
            diagnostics.append(.error("stage '\(name)' has no 'cmd'", at: location, hint: "add the command that produces its outputs"))
        }
        stage.dependencies = paths(resolved["deps"], "'deps'", stage: stage).map {
            DependencySpec(declaredPath: $0.declared, path: $0.path, location: $0.location)
        }
        for kind in [OutputSpec.Kind.outs, .metrics, .plots] {
            stage.outputs += outputs(resolved[kind.rawValue], kind: kind, stage: stage)
        }
        stage.parameters = parameters(resolved["params"], stage: stage)
        addInterpolatedParams(interpolator.usedParams, to: &stage)
        if let node = resolved["always_changed"] { stage.alwaysChanged = report { () throws(Diagnostic) in try node.bool("'always_changed'") } ?? false }
        if let node = resolved["frozen"] { stage.frozen = report { () throws(Diagnostic) in try node.bool("'frozen'") } ?? false }
        if let node = resolved["desc"] { stage.description = node.scalarText }
        stage.meta = body["meta"]
        return stage
    }

    /// Declared paths, each normalized against the stage's working directory.
    private mutating func paths(_ node: YAMLNode?, _ what: String, stage: StageSpec) -> [(declared: String, path: String, location: SourceLocation)] {
        guard let node else { return [] }
        return (report({ () throws(Diagnostic) in try node.list(what) }) ?? []).compactMap { item in
            guard let declared = report({ () throws(Diagnostic) in try item.string("each entry of \(what)") }) else { return nil }
            return normalized(declared, at: item.location, stage: stage).map { (declared, $0, item.location) }
        }
    }

    /// `declared` relative to the root, or absolute when it lies outside the root: a
    /// dependency there is read like any other, an output there is refused by `repro`.
    private mutating func normalized(_ declared: String, at location: SourceLocation, stage: StageSpec) -> String? {
        let path = ProjectPath.resolve(declared, workingDirectory: stage.workingDirectory, root: root)
        if ProjectPath.isExternal(path), (root + "/").hasPrefix(path == "/" ? path : path + "/") {
            diagnostics.append(.error("path '\(declared)' holds the project root", at: location,
                                      hint: "name a file or folder inside the project, or one beside it"))
            return nil
        }
        guard path != "." else {
            diagnostics.append(.error("path '\(declared)' is the project root itself", at: location,
                                      hint: "name a file or folder inside the project"))
            return nil
        }
        return path
    }

    /// `outs`/`metrics`/`plots` entries: a path, or `{path: {cache: false, persist: true, …}}`.
    private mutating func outputs(_ node: YAMLNode?, kind: OutputSpec.Kind, stage: StageSpec) -> [OutputSpec] {
        guard let node else { return [] }
        var result: [OutputSpec] = []
        for item in report({ () throws(Diagnostic) in try node.list("'\(kind.rawValue)'") }) ?? [] {
            var declared: String, options: YAMLNode?
            if case .mapping(let pairs) = item.value, pairs.count == 1 {
                declared = pairs[0].key.scalarText
                options = pairs[0].value
            } else if let text = report({ () throws(Diagnostic) in try item.string("each entry of '\(kind.rawValue)'") }) {
                declared = text
            } else { continue }
            guard let path = normalized(declared, at: item.location, stage: stage) else { continue }
            var output = OutputSpec(declaredPath: declared, path: path, kind: kind, location: item.location)
            if let options, let pairs = report({ () throws(Diagnostic) in try options.pairs("options of '\(declared)'") }) {
                diagnostics += unknownKeyDiagnostics(pairs, allowed: kind == .plots ? Self.plotKeys : Self.outputKeys,
                                                     in: "'\(declared)'")
                if let cache = options["cache"] { output.cache = report { () throws(Diagnostic) in try cache.bool("'cache'") } ?? true }
                if let persist = options["persist"] { output.persist = report { () throws(Diagnostic) in try persist.bool("'persist'") } ?? false }
                output.description = options["desc"]?.scalarText
            }
            if kind == .plots { plots.append(stagePlot(declared: declared, path: path, options: options, stage: stage, at: item.location)) }
            result.append(output)
        }
        return result
    }
}
