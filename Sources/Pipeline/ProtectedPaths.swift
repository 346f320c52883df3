import Foundation

/// Paths of a project that no stage may declare as an output, nor a folder above them.
///
/// `repro` deletes a stage's outputs before running it, so `outs: [.git]` (or the
/// pipeline file, a params file, `.sluice`, `runs`, …) would wipe what the project
/// cannot be rebuilt from. Paths compare without regard to case, since on a
/// case-insensitive file system `.GIT` is `.git`.
struct ProtectedPaths {
    /// Folders whose contents belong to a tool, not to stages: nothing inside them may be an output.
    static let folders: [(path: String, what: String)] = [
        (".git", "the git repository"), (".sluice", "sluice's state and cache"),
        ("runs", "the run store"), (".dvc", "DVC's state and cache"),
    ]

    /// Each protected path and everything above it (lowercased), with the protected
    /// path it leads to and what that is.
    private var above: [String: (path: String, what: String)] = [:]

    /// The protected paths of `pipeline`: the folders above, its pipeline files and
    /// their lock files (and the usual names of both in the root), and every params
    /// file it reads.
    init(_ pipeline: Pipeline) {
        var files: [(path: String, what: String)] = []
        for file in pipeline.files {
            // The lock file beside it, as PipelineState names it (`x.yaml` → `x.lock`).
            let lockFile = (file as NSString).deletingPathExtension + ".lock"
            files += [(file, "the pipeline file"), (lockFile, "the lock file")]
        }
        let own = Set(files.map(\.path))
        for name in ["pipeline.yaml", "dvc.yaml"] where !own.contains(name) { files.append((name, "a pipeline file")) }
        for name in ["pipeline.lock", "dvc.lock"] where !own.contains(name) { files.append((name, "a lock file")) }
        let paramsFiles = Set(pipeline.paramsFiles.keys).union(["params.yaml"])
            .union(pipeline.stages.flatMap { $0.parameters.map(\.path) })
        files += paramsFiles.sorted().map { ($0, "a params file") }
        for entry in Self.folders + files {
            var prefix = ""
            for component in entry.path.lowercased().split(separator: "/") {
                prefix += prefix.isEmpty ? String(component) : "/" + component
                if above[prefix] == nil { above[prefix] = entry }
            }
        }
    }

    /// Why an output at `path` (root-relative, normalized) is refused, or `nil` when it may be written.
    func refusal(of path: String) -> String? {
        let key = path.lowercased()
        if key == "." { return "is the project root itself" }
        if let protected = above[key] {
            return protected.path.lowercased() == key
                ? "is \(protected.what) ('\(protected.path)')"
                : "would delete \(protected.what) '\(protected.path)'"
        }
        let top = key.prefix { $0 != "/" }
        if let folder = Self.folders.first(where: { $0.path == top }) {
            return "is inside \(folder.what) ('\(folder.path)')"
        }
        return nil
    }
}
