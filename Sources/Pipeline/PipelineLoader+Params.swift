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
                        refs.append(ParamRef(file: file, path: path, key: key.scalarText, location: key.location,
                                             fileLocation: pair.key.location))
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
    ///
    /// A params file that does not exist is no error here, as in DVC: `dag` needs no
    /// values, `status` names the file, and `repro` refuses the stage. A file that
    /// exists but cannot be read still is.
    private mutating func check(_ ref: ParamRef, stage: StageSpec) {
        guard let file = paramsFile(ref.path, at: ref.location, required: false), let key = ref.key else { return }
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
    ///
    /// Tracked keys are kept in sets, so a command with thousands of references does
    /// not compare each one with every key tracked before it.
    mutating func addInterpolatedParams(_ used: [(file: String, key: String)], to stage: inout StageSpec) {
        var wholeFiles: Set<String> = []
        var trackedKeys: Set<ParamKey> = []
        for ref in stage.parameters {
            if let key = ref.key { trackedKeys.insert(ParamKey(path: ref.path, key: key)) } else { wholeFiles.insert(ref.path) }
        }
        for use in used {
            guard !wholeFiles.contains(use.file) else { continue }
            // `train.lr` is covered by a tracked `train.lr` or `train`.
            var covered = false
            var prefix = Substring(use.key)
            while true {
                if trackedKeys.contains(ParamKey(path: use.file, key: String(prefix))) {
                    covered = true
                    break
                }
                guard let dot = prefix.lastIndex(of: ".") else { break }
                prefix = prefix[..<dot]
            }
            guard !covered else { continue }
            trackedKeys.insert(ParamKey(path: use.file, key: use.key))
            stage.parameters.append(ParamRef(file: ProjectPath.relative(use.file, from: stage.workingDirectory), path: use.file, key: use.key, location: stage.location))
        }
    }

    /// A tracked key of one params file.
    private struct ParamKey: Hashable {
        var path: String
        var key: String
    }
}
