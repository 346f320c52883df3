import ContentStore
import Foundation
import PipelineState
import Pipeline

/// Decides whether sluice may delete or replace a stage's output, and deletes it.
///
/// Before a stage runs its outputs are deleted, and a restore from the cache replaces
/// them. The pipeline loader refuses dangerous outputs up front; this is the last
/// check, where the deletion happens: only a declared output of the pipeline that
/// lies strictly inside the project root (after resolving symlinks in its parent
/// folders) may go, and never the project's own files (`.git`, `.sluice`, `runs`, the
/// pipeline, lock and params files) nor anything that holds or lies inside them.
struct OutputGuard: Sendable {
    /// An output sluice refuses (or fails) to delete or replace.
    struct Refusal: Error, CustomStringConvertible {
        var description: String

        init(output: String, stage: String, reason: String) {
            description = "refusing to delete output '\(output)' of stage '\(stage)': \(reason); an output must be a path "
                + "inside the project other than .git, .sluice, runs and the pipeline, lock and params files"
        }

        init(cannotDelete output: String, stage: String) {
            description = "cannot delete output '\(output)' of stage '\(stage)' before it runs; check the permissions of it and its folder"
        }
    }

    /// The project root (as given) and with symlinks resolved.
    let root: String
    private let realRoot: String
    /// Root-relative paths no output may be, hold or lie inside.
    let protectedPaths: [String]
    /// Every output the pipeline declares (root-relative).
    private let declared: Set<String>

    /// A guard for `pipeline`'s outputs.
    init(pipeline: Pipeline) {
        root = pipeline.root
        realRoot = FileStat.realPath(pipeline.root) ?? pipeline.root
        let fixed = [".git", ".sluice", ".dvc", "runs", "pipeline.yaml", "pipeline.lock", "dvc.yaml", "dvc.lock", "params.yaml"]
        let own = pipeline.files.flatMap { [$0, LockSet.lockPath(forPipelineFile: $0)] }
        protectedPaths = Array(Set(fixed + own + pipeline.paramsFiles.keys)).sorted()
        declared = Set(pipeline.stages.flatMap { $0.outputs.map(\.path) })
    }

    /// Throws a `Refusal` unless `output` of `stage` may be deleted or replaced.
    func check(_ output: OutputSpec, of stage: String) throws(Refusal) {
        func refuse(_ reason: String) -> Refusal { Refusal(output: output.declaredPath, stage: stage, reason: reason) }
        guard declared.contains(output.path) else { throw refuse("it is not an output the pipeline declares") }
        guard ManifestEntry.isSafeRelativePath(output.path) else { throw refuse("it is not a path strictly inside the project") }
        if let name = protectedName(output.path) { throw refuse("it is or holds '\(name)'") }
        // Judge the path the deletion will really reach: its existing parent folders
        // with symlinks resolved, then the parts below them. The last component
        // itself is removed, never followed, so it is not resolved.
        var existing = ((root + "/" + output.path) as NSString).deletingLastPathComponent
        var below = [(output.path as NSString).lastPathComponent]
        while !FileManager.default.fileExists(atPath: existing) {
            below.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let resolvedParent = FileStat.realPath(existing) ?? existing
        let relativeParent: String
        if resolvedParent == realRoot {
            relativeParent = ""
        } else if resolvedParent.hasPrefix(realRoot + "/") {
            relativeParent = String(resolvedParent.dropFirst(realRoot.count + 1)) + "/"
        } else {
            throw refuse("a symlink in its folder leads outside the project")
        }
        let resolved = relativeParent + below.joined(separator: "/")
        if let name = protectedName(resolved) { throw refuse("a symlink in its folder leads to '\(name)'") }
    }

    /// Deletes `output` of `stage` after `check`; nothing there is not an error.
    func remove(_ output: OutputSpec, of stage: String) throws {
        try check(output, of: stage)
        let path = root + "/" + output.path
        guard FileStat.read(path) != nil else { return }
        do {
            // A symlink here is unlinked, not followed.
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw Refusal(cannotDelete: output.declaredPath, stage: stage)
        }
    }

    /// The protected path that `path` is, holds or lies inside, if any.
    private func protectedName(_ path: String) -> String? {
        protectedPaths.first { ProjectPath.isInside(path, $0) || ProjectPath.isInside($0, path) }
    }
}
