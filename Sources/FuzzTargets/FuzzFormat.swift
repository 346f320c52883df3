// FuzzTargets: what `sluice-fuzz` runs and what the regression test replays. One
// "run this input" function per file format, each calling the same readers a
// command calls on that file (pipeline loading, params flattening, CSV reading, the
// lock file, model files, run records, the model registry, reference profiles); the seed files and the
// mutations that turn them into hostile inputs; the bundle format that holds a
// multi-file input (a run folder) in one file.
//
// What it must not know: processes, signals or time limits (the `sluice-fuzz`
// supervisor owns those), and the command line (it calls libraries, never
// SluiceCLI). It never prints.

/// A kind of file a user can hand-edit or damage, fuzzed through the code that reads it.
package enum FuzzFormat: String, CaseIterable, Sendable, Hashable {
    /// pipeline.yaml (with params.yaml and another params file beside it), loaded as `status` loads it.
    case pipeline
    /// A params file, loaded and flattened as `params show` does.
    case params
    /// A CSV table, read as `ml ingest` / `ml prepare` read one.
    case csv
    /// pipeline.lock.
    case lock
    /// An XGBoost JSON model file, read and used for one prediction.
    case model
    /// A run folder under runs/: run.json, params.json, metrics.json, history.jsonl.
    case run
    /// A model registry's registry.json and a version's metadata.json.
    case registry
    /// A reference profile, read and compared with a batch as `ml drift` does.
    case profile

    /// The files one input of this format holds; the first is the main one, and a
    /// plain (unbundled) input is that file alone.
    package var memberNames: [String] {
        switch self {
        case .pipeline: ["pipeline.yaml", "params.yaml", "config.yaml"]
        case .params: ["params.yaml"]
        case .csv: ["data.csv"]
        case .lock: ["pipeline.lock"]
        case .model: ["model.json"]
        case .run: ["run.json", "params.json", "metrics.json", "history.jsonl"]
        case .registry: ["registry.json", "metadata.json"]
        case .profile: ["reference_profile.json"]
        }
    }

    /// The file name extension of a saved input: the main member's, or `bundle`.
    package var fileExtension: String {
        memberNames.count > 1 ? "bundle" : String(memberNames[0].split(separator: ".").last ?? "txt")
    }
}
