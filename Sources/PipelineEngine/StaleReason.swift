import Basics

/// Why a stage must run. Status never answers with a Bool: it names the reasons.
package enum StaleReason: Hashable, Sendable {
    /// pipeline.lock has no entry for the stage.
    case neverRun
    /// The stage is marked `always_changed`.
    case alwaysChanged
    /// The stage has a command but neither dependencies nor outputs, so it always runs.
    case noDependenciesOrOutputs
    /// `--force` (or `--force-downstream` and friends) asked for it.
    case forced
    /// The command text differs from the one recorded.
    case commandChanged
    /// A recorded dependency's content differs.
    case dependencyModified(path: String)
    /// A recorded dependency no longer exists.
    case dependencyDeleted(path: String)
    /// A dependency was added to the stage since it last ran.
    case dependencyAdded(path: String)
    /// A dependency does not exist and no stage writes it: `repro` refuses the stage
    /// until it is created. (One that an upstream stage will write is `upstreamChanged`.)
    case dependencyMissing(path: String)
    /// A params file the stage names in `params` does not exist: `repro` refuses the
    /// stage until it is created.
    case paramsFileMissing(file: String)
    /// A tracked parameter's value differs (`old` is `nil` when newly tracked).
    case parameterChanged(file: String, key: String, old: JSONValue?, new: JSONValue?)
    /// A recorded output is missing from the workspace.
    case outputDeleted(path: String)
    /// An output's content differs from the one recorded.
    case outputModified(path: String)
    /// An output was added to the stage since it last ran.
    case outputAdded(path: String)
    /// Only in status: a stage upstream will run, so this one may have to run too.
    case upstreamChanged(stage: String)

    /// One line for people, in DVC's words.
    package var summary: String {
        switch self {
        case .neverRun: return "never run"
        case .alwaysChanged: return "always changed"
        case .noDependenciesOrOutputs: return "no deps or outs: always runs"
        case .forced: return "forced"
        case .commandChanged: return "changed command"
        case .dependencyModified(let path): return "changed deps: modified \(path)"
        case .dependencyDeleted(let path): return "changed deps: deleted \(path)"
        case .dependencyAdded(let path): return "changed deps: new \(path)"
        case .dependencyMissing(let path): return "changed deps: deleted \(path) (no stage produces it)"
        case .paramsFileMissing(let file): return "changed params: deleted \(file) (the params file does not exist)"
        case .parameterChanged(let file, let key, let old, let new):
            return "changed params: \(file): \(key) \(Self.text(old)) -> \(Self.text(new))"
        case .outputDeleted(let path): return "changed outs: deleted \(path)"
        case .outputModified(let path): return "changed outs: modified \(path)"
        case .outputAdded(let path): return "changed outs: new \(path)"
        case .upstreamChanged(let stage): return "upstream stage '\(stage)' will run"
        }
    }

    /// A short machine-readable kind, for `--json`.
    package var kind: String {
        switch self {
        case .neverRun: return "never_run"
        case .alwaysChanged: return "always_changed"
        case .noDependenciesOrOutputs: return "no_deps_or_outs"
        case .forced: return "forced"
        case .commandChanged: return "command_changed"
        case .dependencyModified: return "dep_modified"
        case .dependencyDeleted: return "dep_deleted"
        case .dependencyAdded: return "dep_added"
        case .dependencyMissing: return "dep_missing"
        case .paramsFileMissing: return "params_missing"
        case .parameterChanged: return "param_changed"
        case .outputDeleted: return "out_deleted"
        case .outputModified: return "out_modified"
        case .outputAdded: return "out_added"
        case .upstreamChanged: return "upstream_changed"
        }
    }

    /// The reason as JSON: its kind plus the path, key or stage it names.
    package var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("kind", .string(kind))]
        switch self {
        case .dependencyModified(let path), .dependencyDeleted(let path), .dependencyAdded(let path),
             .dependencyMissing(let path), .outputDeleted(let path), .outputModified(let path), .outputAdded(let path):
            members.append(("path", .string(path)))
        case .paramsFileMissing(let file):
            members.append(("file", .string(file)))
        case .parameterChanged(let file, let key, let old, let new):
            members += [("file", .string(file)), ("key", .string(key)), ("old", old ?? .null), ("new", new ?? .null)]
        case .upstreamChanged(let stage):
            members.append(("stage", .string(stage)))
        default: break
        }
        return .object(members)
    }

    private static func text(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        if case .string(let s) = value { return s }
        return JSONWriter.canonical.string(value)
    }
}
