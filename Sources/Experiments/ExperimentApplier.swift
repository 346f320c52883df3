import Basics
import ContentStore
import Foundation
import PipelineEngine
import Project

/// `sluice exp apply`: brings an experiment's params files, lock files and outputs into
/// the workspace. Outputs come from the cache, nothing is run: afterwards `status` says
/// every stage is up to date (unless a source file changed since the experiment ran).
package struct ExperimentApplier: Sendable {
    /// What applying did.
    package struct Outcome: Sendable {
        /// The files written (params and lock files, root-relative).
        package var files: [String]
        /// The outputs put back from the cache.
        package var checkout: Checkout.Report
    }

    /// The project.
    package let workspace: Workspace

    /// An applier into `workspace`.
    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Applies `experiment`, holding the project's repro lock so no repro runs meanwhile.
    package func apply(_ experiment: StoredExperiment) throws -> Outcome {
        let projectLock = try ProjectLock(path: workspace.stateDirectory + "/repro.lock")
        defer { withExtendedLifetime(projectLock) {} }
        let saved = experiment.run.directory + "/" + ExperimentRecord.filesFolder
        let files = experiment.record.paramsFiles + experiment.record.lockFiles
        var contents: [(String, Data)] = []
        for path in files {
            guard ManifestEntry.isSafeRelativePath(path), let data = FileManager.default.contents(atPath: saved + "/" + path) else {
                throw Diagnostic.failure("experiment '\(experiment.name)' has lost its copy of \(path) (runs/\(experiment.run.id)/\(ExperimentRecord.filesFolder)/\(path))",
                                         hint: "run the experiment again")
            }
            contents.append((path, data))
        }
        for (path, data) in contents {
            let target = workspace.root + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.replace(data, at: target)
        }
        let checkout = Checkout(pipeline: try workspace.loadPipeline(), locks: try workspace.loadLocks(),
                                fingerprinter: workspace.fingerprinter(), cache: try workspace.cacheStore())
        return Outcome(files: files, checkout: try checkout.run(targets: [], includeUncached: true))
    }
}
