import Basics
import YAML

/// `params:` entries: `key`, `section`, `{other.yaml: [keys]}`, `{other.yaml: null}` (the whole file).
extension PipelineLoader {
    mutating func parameters(_ node: YAMLNode?, stage: StageSpec) -> [ParamRef] {
        guard let node else { return [] }
        var refs: [ParamRef] = []
        for item in report({ () throws(Diagnostic) in try node.list("'params'") }) ?? [] {
            switch item.value {
            case .mapping(let pairs):
                for pair in pairs {
                    let file = pair.key.scalarText
                    guard let path = ProjectPath.normalize(file, workingDirectory: stage.workingDirectory, root: root) else {
                        diagnostics.append(.error("params file '\(file)' is outside the project", at: pair.key.location))
                        continue
                    }
                    guard case .sequence = pair.value.value else {
                        if pair.value.value == .null {
                            refs.append(ParamRef(file: file, path: path, key: nil, location: pair.key.location))
                        } else {
                            diagnostics.append(.error("keys of params file '\(file)' must be a list (or empty for all keys)",
                                                      at: pair.value.location))
                        }
                        continue
                    }
                    for key in (try? pair.value.list("keys")) ?? [] {
                        refs.append(ParamRef(file: file, path: path, key: key.scalarText, location: key.location))
                    }
                }
            default:
                let file = "params.yaml"
                let path = ProjectPath.normalize(file, workingDirectory: stage.workingDirectory, root: root) ?? file
                refs.append(ParamRef(file: file, path: path, key: item.scalarText, location: item.location))
            }
        }
        for ref in refs { check(ref, stage: stage) }
        return refs
    }

    /// A tracked key must exist in its file: `train.missing_key` is missing from params.yaml.
    private mutating func check(_ ref: ParamRef, stage: StageSpec) {
        guard let file = paramsFile(ref.path, at: ref.location, required: true), let key = ref.key else { return }
        guard file.node(at: key) == nil else { return }
        let parent = key.split(separator: ".").dropLast().joined(separator: ".")
        let siblings: [String]
        if parent.isEmpty {
            siblings = file.topLevelKeys
        } else if case .mapping(let pairs)? = file.node(at: parent)?.value {
            siblings = pairs.map { parent + "." + $0.key.scalarText }
        } else {
            siblings = []
        }
        let hint = Suggestion.closest(to: key, among: siblings).map { "did you mean '\($0)'?" }
            ?? "add it to \(ref.path), or remove it from the stage's params"
        diagnostics.append(.error("'\(key)' is missing from \(ref.path)", at: ref.location, hint: hint))
    }

    /// Params read through `${…}` are tracked too, unless a tracked key already covers them.
    mutating func addInterpolatedParams(_ used: [(file: String, key: String)], to stage: inout StageSpec) {
        for use in used {
            let covered = stage.parameters.contains { ref in
                ref.path == use.file && (ref.key.map { use.key == $0 || use.key.hasPrefix($0 + ".") } ?? true)
            }
            guard !covered else { continue }
            stage.parameters.append(ParamRef(file: ProjectPath.relative(use.file, from: stage.workingDirectory), path: use.file, key: use.key, location: stage.location))
        }
    }
}
