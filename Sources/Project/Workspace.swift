// Project: the application layer between the CLI and the engine. The workspace (the
// project root, its pipeline files, `.sluice/` and its config), a repro session
// recorded as a run, the params and metrics of the workspace and their diffs against a
// run, garbage collection over the lock files, the run-cache and the runs kept.
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

/// The project a command works on: its root, its pipeline files and the local state
/// under `.sluice/`.
///
/// The root is the folder holding `.sluice/` (the nearest one above the pipeline file),
/// or before the first repro the git work tree's root, else the pipeline file's folder.
/// Paths in a pipeline file stay relative to that file's folder; `.sluice/` and `runs/`
/// live at the root.
package struct Workspace: Sendable {
    /// The pipeline file found from the current folder, or given with `--file` (absolute).
    package let pipelinePath: String
    /// The project root (absolute).
    package let root: String
    /// The project's pipeline files relative to the root: the root's own file first,
    /// then the others by path. With `--file`, only that file.
    package let pipelineFiles: [String]
    /// The project this workspace is a temporary copy of (an experiment's), whose
    /// content cache, run-cache and run store it uses; `nil` for a project itself.
    package var origin: String?
    /// How outputs are placed from the cache, when not as `.sluice/config.yaml` says.
    package var cacheLinkMode: CacheStore.LinkMode?

    /// A workspace with `pipelinePath` as its only pipeline file and `root` as its project root.
    package init(pipelinePath: String, root: String) {
        let relative = ProjectPath.normalize(pipelinePath, root: root) ?? (pipelinePath as NSString).lastPathComponent
        self.init(root: root, pipelineFiles: [relative], pipelinePath: pipelinePath)
    }

    /// A workspace of the pipeline files `pipelineFiles` (relative to `root`); `pipelinePath`
    /// is the one that located it.
    package init(root: String, pipelineFiles: [String], pipelinePath: String) {
        self.root = root
        self.pipelineFiles = pipelineFiles
        self.pipelinePath = pipelinePath
    }

    /// The located pipeline file's name as diagnostics show it (relative to the root).
    package var pipelineName: String { ProjectPath.normalize(pipelinePath, root: root) ?? (pipelinePath as NSString).lastPathComponent }
    /// The lock file beside the located pipeline file (absolute): `pipeline.lock` for `pipeline.yaml`, `dvc.lock` for `dvc.yaml`.
    package var lockPath: String { ((pipelinePath as NSString).deletingPathExtension) + ".lock" }
    /// The lock files of all pipeline files, relative to the root.
    package var lockFiles: [String] { pipelineFiles.map(LockSet.lockPath(forPipelineFile:)) }
    /// Local, git-ignored state.
    package var stateDirectory: String { root + "/.sluice" }
    /// The run store: one folder per recorded repro (the origin's, for a temporary copy).
    package var runsDirectory: String { (origin ?? root) + "/runs" }
    /// The content cache and run-cache folder (the origin's, for a temporary copy).
    package var cacheDirectory: String { (origin ?? root) + "/.sluice/cache" }

    /// Finds the workspace: the `--file` given (relative to `directory`) alone, else
    /// the project of the nearest pipeline file (`pipeline.yaml`, else `dvc.yaml`) in
    /// `directory` or a parent, with every pipeline file of that project (see
    /// `PipelineFileCollector`). `directory` is the current directory unless given.
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
            let folder = (standardized as NSString).deletingLastPathComponent
            return Workspace(pipelinePath: standardized, root: markedRoot(from: folder) ?? folder)
        }
        var directory = cwd
        while true {
            for name in ["pipeline.yaml", "dvc.yaml"] where FileManager.default.fileExists(atPath: directory + "/" + name) {
                return project(of: directory + "/" + name)
            }
            // A project whose pipeline files are all in subfolders, entered at its root.
            if isMarkedRoot(directory) {
                let files = PipelineFileCollector.collect(root: directory)
                if let first = files.first {
                    return Workspace(root: directory, pipelineFiles: files, pipelinePath: directory + "/" + first)
                }
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { break }
            directory = parent
        }
        throw .error("no pipeline.yaml in this directory or any parent",
                     hint: "run sluice inside a project, or name the pipeline file with --file")
    }

    /// The project of the pipeline file `anchor`: its marked root when that root
    /// collects it, else its own folder (as a project of its own, as before the root
    /// rule: a file that a root's `.sluiceignore` skips, or of another kind than the
    /// root's, still loads where it is).
    private static func project(of anchor: String) -> Workspace {
        let folder = (anchor as NSString).deletingLastPathComponent
        if let root = markedRoot(from: folder), root != folder, let relative = ProjectPath.normalize(anchor, root: root) {
            let files = PipelineFileCollector.collect(root: root)
            if files.contains(relative) { return Workspace(root: root, pipelineFiles: files, pipelinePath: anchor) }
        }
        let name = (anchor as NSString).lastPathComponent
        let files = PipelineFileCollector.collect(root: folder)
        return Workspace(root: folder, pipelineFiles: files.contains(name) ? files : [name], pipelinePath: anchor)
    }

    /// The nearest of `directory` and its parents holding `.sluice/`, else the nearest
    /// holding `.git` (a folder, or a file in a linked work tree); `nil` when none does.
    static func markedRoot(from directory: String) -> String? {
        nearest(from: directory) { FileKind(path: $0 + "/.sluice") == .directory }
            ?? nearest(from: directory) { FileManager.default.fileExists(atPath: $0 + "/.git") }
    }

    /// Whether `directory` holds `.sluice/` or `.git`.
    static func isMarkedRoot(_ directory: String) -> Bool {
        FileKind(path: directory + "/.sluice") == .directory || FileManager.default.fileExists(atPath: directory + "/.git")
    }

    private static func nearest(from directory: String, where test: (String) -> Bool) -> String? {
        var directory = directory
        while true {
            if test(directory) { return directory }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
    }

    /// Loads and validates the pipeline: the stages of every pipeline file, one graph,
    /// with the project's `parsing` settings.
    package func loadPipeline() throws -> Pipeline {
        try PipelineLoader.load(files: pipelineFiles, root: root, parsing: try parsingOptions())
    }

    /// Reads the lock file of every pipeline file (each empty when there is none).
    package func loadLocks() throws -> LockSet {
        try LockSet.read(root: root, paths: lockFiles)
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
        return CacheStore(directory: cacheDirectory, linkMode: cacheLinkMode ?? mode)
    }

    /// A fingerprinter with this project's stat cache.
    package func fingerprinter() -> Fingerprinter {
        Fingerprinter(root: root, statCachePath: stateDirectory + "/stat-cache")
    }
}
