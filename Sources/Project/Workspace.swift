// Project: the application layer between the CLI and the engine. The workspace (the
// pipeline file, its root, `.sluice/` and its config), a repro session recorded as a
// run, the params and metrics of the workspace and their diffs against a run, garbage
// collection over the lock file, the run-cache and the runs kept.
//
// What this module must not know: parsing the command line, rendering, exit statuses
// (SluiceCLI) and ML (MLTasks, GradientBoosting, Tabular). It never prints: outcomes
// and warnings come back as values for the CLI to show.
import Basics
import ContentStore
import PipelineState
import Foundation
import Pipeline
import YAML

/// The project a command works on: the pipeline file, its root and the local state under `.sluice/`.
package struct Workspace: Sendable {
    /// The pipeline file (absolute).
    package let pipelinePath: String
    /// The project root: the pipeline file's directory (absolute).
    package let root: String

    /// A workspace with `pipelinePath` as its pipeline file and `root` as its project root.
    package init(pipelinePath: String, root: String) {
        self.pipelinePath = pipelinePath
        self.root = root
    }

    /// The pipeline file's name as diagnostics show it (relative to the root).
    package var pipelineName: String { (pipelinePath as NSString).lastPathComponent }
    /// The lock file beside the pipeline file: `pipeline.lock` for `pipeline.yaml`, `dvc.lock` for `dvc.yaml`.
    package var lockPath: String { ((pipelinePath as NSString).deletingPathExtension) + ".lock" }
    /// The lock file's name as diagnostics show it.
    package var lockName: String { (lockPath as NSString).lastPathComponent }
    /// Local, git-ignored state.
    package var stateDirectory: String { root + "/.sluice" }
    /// The run store: one folder per recorded repro.
    package var runsDirectory: String { root + "/runs" }

    /// Finds the workspace: the `--file` given (relative to `directory`), else
    /// `pipeline.yaml` or `dvc.yaml` in `directory` or the nearest parent that has one.
    /// `directory` is the current directory unless given (tests give their own).
    package static func locate(
        file: String?, from directory: String = FileManager.default.currentDirectoryPath
    ) throws(Diagnostic) -> Workspace {
        let cwd = directory
        if let file {
            let path = file.hasPrefix("/") ? file : cwd + "/" + file
            // A device such as /dev/zero would be read forever, a folder not at all.
            let hint = "give --file the path of a pipeline.yaml or dvc.yaml"
            switch FileKind(path: path) {
            case .regular: break
            case .missing: throw .error("pipeline file '\(file)' does not exist", hint: "check the path given to --file")
            case .directory: throw .error("'\(file)' is a folder, not a pipeline file", hint: hint)
            case .other: throw .error("'\(file)' is not a regular file, not a pipeline file", hint: hint)
            }
            let standardized = (path as NSString).standardizingPath
            return Workspace(pipelinePath: standardized, root: (standardized as NSString).deletingLastPathComponent)
        }
        var directory = cwd
        while true {
            for name in ["pipeline.yaml", "dvc.yaml"] where FileManager.default.fileExists(atPath: directory + "/" + name) {
                return Workspace(pipelinePath: directory + "/" + name, root: directory)
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { break }
            directory = parent
        }
        throw .error("no pipeline.yaml in this directory or any parent",
                     hint: "run sluice inside a project, or name the pipeline file with --file")
    }

    /// Loads and validates the pipeline, with the project's `parsing` settings.
    package func loadPipeline() throws -> Pipeline {
        try PipelineLoader.load(path: pipelinePath, displayName: pipelineName, parsing: try parsingOptions())
    }

    /// Reads the lock file (empty when there is none).
    package func loadLock() throws -> LockFile {
        try LockFile.read(path: lockPath, displayName: lockName)
    }

    /// The content cache, with the link mode from `.sluice/config.yaml` (`cache: {link: hardlink}`).
    package func cacheStore() throws -> CacheStore {
        let configPath = stateDirectory + "/config.yaml"
        var mode = CacheStore.LinkMode.copy
        if FileManager.default.fileExists(atPath: configPath),
           let link = try YAML.load(path: configPath, displayName: ".sluice/config.yaml")["cache"]?["link"] {
            guard case .string(let text) = link.value, let parsed = CacheStore.LinkMode(rawValue: text) else {
                throw Diagnostic.error("cache.link must be 'copy' or 'hardlink'", at: link.location)
            }
            mode = parsed
        }
        return CacheStore(directory: stateDirectory + "/cache", linkMode: mode)
    }

    /// A fingerprinter with this project's stat cache.
    package func fingerprinter() -> Fingerprinter {
        Fingerprinter(root: root, statCachePath: stateDirectory + "/stat-cache")
    }
}
