import Basics
import Foundation

/// The lock files of a project: one per pipeline file, kept beside it
/// (`sub/pipeline.yaml` → `sub/pipeline.lock`), each keyed by bare stage name as DVC
/// keeps `dvc.lock`. A stage is found by its pipeline file and its name.
package struct LockSet: Hashable, Sendable {
    /// Lock files by the lock file's path relative to the project root.
    package var files: [String: LockFile]

    /// Creates a set of lock files.
    package init(files: [String: LockFile] = [:]) { self.files = files }

    /// The lock file beside the pipeline file `pipelineFile`: `pipeline.lock` for
    /// `pipeline.yaml`, `sub/dvc.lock` for `sub/dvc.yaml`, `exp.lock` for `exp.yaml`.
    package static func lockPath(forPipelineFile pipelineFile: String) -> String {
        (pipelineFile as NSString).deletingPathExtension + ".lock"
    }

    /// Reads the lock file at each of `paths` (relative to `root`); a missing one is empty.
    package static func read(root: String, paths: [String]) throws -> LockSet {
        var files: [String: LockFile] = [:]
        for path in paths { files[path] = try LockFile.read(path: root + "/" + path, displayName: path) }
        return LockSet(files: files)
    }

    /// The entry of stage `name` in the lock file at `lockPath`.
    package func entry(lock lockPath: String, stage name: String) -> LockEntry? { files[lockPath]?.stages[name] }

    /// Every entry of every lock file in one lock file, each keyed by `key(lockPath,
    /// stageName)` (a stage address): what a run keeps as its copy of the lock state.
    package func merged(key: (String, String) -> String) -> LockFile {
        var merged = LockFile()
        for (path, lock) in files {
            for (name, entry) in lock.stages { merged.stages[key(path, name)] = entry }
        }
        return merged
    }
}
