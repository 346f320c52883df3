import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Remote

/// `push`, `fetch` and `pull`: the objects the lock files record for the chosen
/// stages' cached outputs, moved between the local cache and a remote.
package struct RemoteSync {
    /// The project.
    package let workspace: Workspace
    /// The remote, from the project's settings.
    package let definition: RemoteDefinition
    /// Objects moved at once.
    package let jobs: Int

    /// A sync with the remote `name` (default: the default remote) of `workspace`.
    package init(workspace: Workspace, remote name: String?, jobs: Int) throws(Diagnostic) {
        self.workspace = workspace
        definition = try RemoteSettings.load(root: workspace.root).remote(named: name)
        self.jobs = max(1, jobs)
    }

    /// The hashes of the cached outputs of `targets` (every stage when empty) as the
    /// lock files record them.
    package func lockedObjects(targets: [String]) throws -> [String] {
        let pipeline = try workspace.loadPipeline(), locks = try workspace.loadLocks()
        var hashes: [String] = []
        for index in try StageSelection.resolve(targets, in: pipeline) {
            let stage = pipeline.stages[index]
            guard let entry = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name) else { continue }
            for output in stage.outputs where output.cache && !output.isExternal {
                if let hash = entry.output(output.declaredPath)?.fingerprint.hash { hashes.append(hash) }
            }
        }
        return hashes
    }

    /// The transfer between this project's cache and the remote.
    func transfer() throws -> ObjectTransfer {
        let cache = try workspace.cacheStore()
        do throws(RemoteError) {
            let storage = try definition.storage(root: workspace.root, environment: ProcessInfo.processInfo.environment, parallel: jobs)
            return ObjectTransfer(cache: cache, remote: storage, jobs: jobs)
        } catch {
            throw error.diagnostic
        }
    }

    /// Uploads the targets' objects the remote lacks; `progress` hears how far it has come.
    package func push(targets: [String], progress: @escaping @Sendable (TransferProgress) -> Void = { _ in }) throws -> ObjectTransfer.Summary {
        let transfer = try transfer(), hashes = try lockedObjects(targets: targets)
        do throws(RemoteError) { return try transfer.push(hashes, progress: progress) } catch { throw error.diagnostic }
    }

    /// Downloads the targets' objects the local cache lacks; `progress` hears how far it has come.
    package func fetch(targets: [String], progress: @escaping @Sendable (TransferProgress) -> Void = { _ in }) throws -> ObjectTransfer.Summary {
        let transfer = try transfer(), hashes = try lockedObjects(targets: targets)
        do throws(RemoteError) { return try transfer.pull(hashes, progress: progress) } catch { throw error.diagnostic }
    }
}

