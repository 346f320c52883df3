import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Remote

/// `status --cloud`: for each cached output the lock files record, whether the local
/// cache and the remote hold its objects (as `dvc status -c` reports them).
extension RemoteSync {
    /// Where an output's objects are, when not on both sides.
    package enum CloudState: String, Sendable, Equatable {
        /// In the local cache only: `push` would send it.
        case new
        /// On the remote only: `fetch` would bring it.
        case deleted
        /// On neither side (some object of it): only a repro can make it again.
        case missing
    }

    /// The outputs of `targets` (every stage when empty) not on both sides, by
    /// root-relative path, in the stages' order.
    package func cloudStatus(targets: [String]) throws -> [(path: String, state: CloudState)] {
        let pipeline = try workspace.loadPipeline(), locks = try workspace.loadLocks()
        let transfer = try transfer()
        let inventory: RemoteInventory
        do throws(RemoteError) { inventory = try transfer.inventory() } catch { throw error.diagnostic }
        var result: [(path: String, state: CloudState)] = []
        for index in try StageSelection.resolve(targets, in: pipeline) {
            let stage = pipeline.stages[index]
            guard let entry = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name) else { continue }
            for output in stage.outputs where output.cache && !output.isExternal {
                guard let hash = entry.output(output.declaredPath)?.fingerprint.hash else { continue }
                // A directory whose manifest the local cache lacks is judged by its manifest alone.
                let objects = transfer.expanded([hash])
                let local = objects.map(transfer.hasLocally), remote = objects.map(inventory.contains)
                let state: CloudState? = zip(local, remote).contains { !$0 && !$1 } ? .missing
                    : zip(local, remote).contains { $0 && !$1 } ? .new
                    : zip(local, remote).contains { !$0 && $1 } ? .deleted : nil
                if let state { result.append((output.path, state)) }
            }
        }
        return result
    }
}
