import Basics
import Foundation
import PipelineState
import Project
import RunStore

/// The experiments of a project: the runs in its run store that carry experiment.json.
package struct ExperimentStore: Sendable {
    /// The project.
    package let workspace: Workspace
    let runs: RunStore

    /// The experiments of `workspace`.
    package init(workspace: Workspace) {
        self.workspace = workspace
        runs = RunStore(directory: workspace.runsDirectory)
    }

    /// Every experiment, oldest first, and the problems met reading them.
    package func experiments() -> (experiments: [StoredExperiment], problems: [Diagnostic]) {
        let (stored, problems) = runs.runs()
        var experiments: [StoredExperiment] = [], found = problems
        for run in stored {
            do {
                if let record = try ExperimentRecord.read(runDirectory: run.directory, id: run.id) {
                    experiments.append(StoredExperiment(record: record, run: run))
                }
            } catch {
                found.append(error)
            }
        }
        return (experiments, found)
    }

    /// The names experiments have.
    package func names() -> Set<String> { Set(experiments().experiments.map(\.name)) }

    /// The experiments named `names` (the newest of each name); an unknown name is an
    /// error naming the nearest existing ones.
    package func named(_ names: [String]) throws(Diagnostic) -> [StoredExperiment] {
        let all = experiments().experiments
        var byName: [String: StoredExperiment] = [:]
        for experiment in all { byName[experiment.name] = experiment }
        var found: [StoredExperiment] = []
        for name in names {
            guard let experiment = byName[name] ?? all.last(where: { $0.run.id == name }) else {
                let nearest = Suggestion.closest(to: name, among: byName.keys.sorted())
                throw .error("no experiment named '\(name)'",
                             hint: nearest.map { "did you mean '\($0)'?" } ?? "'sluice exp show' lists the experiments")
            }
            found.append(experiment)
        }
        return found
    }

    /// Deletes the run folders of `experiments`.
    package func remove(_ experiments: [StoredExperiment]) throws {
        for experiment in experiments { try runs.remove(experiment.run.id) }
    }

    /// The lock files the experiments ended with: what `gc` keeps in the cache so every
    /// kept experiment can still be applied.
    package func referencedLocks() -> [LockFile] {
        experiments().experiments.flatMap { experiment in
            experiment.record.lockFiles.compactMap { path in
                let saved = experiment.run.directory + "/" + ExperimentRecord.filesFolder + "/" + path
                return try? LockFile.read(path: saved, displayName: path)
            }
        }
    }
}
