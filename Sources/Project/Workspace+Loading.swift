import ContentStore
import Dispatch
import PipelineState
import Synchronization

/// Reading the pipeline and its lock file side by side.
extension Workspace {
    /// The lock file as read, and the stat of the file it was read from (`nil` when there was none).
    package struct ReadLock: Sendable {
        /// The lock file's content.
        package var lock: LockFile
        /// The file's stat just before it was read, to tell whether it changed since.
        package var stat: FileStat?
    }

    /// Runs `body` on this thread while the lock file is read on another, and returns
    /// both. In a large project the pipeline file and its lock are each megabytes of
    /// YAML, and read one after the other they took twice as long on two cores. An error
    /// of `body` comes first, as if `body` had run before the lock was read.
    package func readingLock<T>(while body: () throws -> T) throws -> (T, ReadLock) {
        let pending = PendingRead()
        let workspace = self
        DispatchQueue.global().async {
            let stat = FileStat.readFollowingLinks(workspace.lockPath)
            let result = Result { ReadLock(lock: try workspace.loadLock(), stat: stat) }
            pending.result.withLock { $0 = result }
            pending.done.signal()
        }
        let value = try body()
        pending.done.wait()
        guard let result = pending.result.withLock({ $0 }) else { return (value, ReadLock(lock: try loadLock(), stat: nil)) }
        return (value, try result.get())
    }
}

/// The result of a lock file read on another thread.
private final class PendingRead: Sendable {
    let result = Mutex<Result<Workspace.ReadLock, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
}
