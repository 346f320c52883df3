import ContentStore
import Dispatch
import PipelineState
import Synchronization

/// Reading the pipeline and its lock files side by side.
extension Workspace {
    /// The lock files as read, and the stat of each file just before it was read.
    package struct ReadLocks: Sendable {
        /// The lock files' content.
        package var locks: LockSet
        /// Each lock file's stat (`nil` when there was none), by path relative to the root.
        package var stats: [String: FileStat?]
    }

    /// Runs `body` on this thread while the lock files are read on another, and returns
    /// both. In a large project the pipeline file and its lock are each megabytes of
    /// YAML, and read one after the other they took twice as long on two cores. An error
    /// of `body` comes first, as if `body` had run before the locks were read.
    package func readingLocks<T>(while body: () throws -> T) throws -> (T, ReadLocks) {
        // Small lock files are read here: starting a thread would cost more than it saves.
        let stats = lockFileStats()
        if stats.values.reduce(0, { $0 + ($1?.size ?? 0) }) < Self.lockSizeWorthAThread {
            let value = try body()
            return (value, ReadLocks(locks: try loadLocks(), stats: stats))
        }
        let pending = PendingRead()
        let workspace = self
        DispatchQueue.global().async {
            let result = Result { ReadLocks(locks: try workspace.loadLocks(), stats: stats) }
            pending.result.withLock { $0 = result }
            pending.done.signal()
        }
        let value = try body()
        pending.done.wait()
        guard let result = pending.result.withLock({ $0 }) else { return (value, ReadLocks(locks: try loadLocks(), stats: [:])) }
        return (value, try result.get())
    }

    /// The total size of lock files below which they are read on the calling thread.
    static let lockSizeWorthAThread: Int64 = 256 * 1024

    /// Whether every lock file is as it was when `read` was taken.
    package func isUnchanged(_ read: ReadLocks) -> Bool {
        lockFileStats() == read.stats
    }

    private func lockFileStats() -> [String: FileStat?] {
        Dictionary(uniqueKeysWithValues: lockFiles.map { ($0, FileStat.readFollowingLinks(root + "/" + $0)) })
    }
}

/// The result of a lock file read on another thread.
private final class PendingRead: Sendable {
    let result = Mutex<Result<Workspace.ReadLocks, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
}
