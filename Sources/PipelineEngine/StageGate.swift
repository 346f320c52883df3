import Foundation
import Synchronization

/// Keeps reproducers that share a cache from executing the same stage execution at
/// once: experiments of a sweep that reach an identical upstream stage (same command,
/// dependencies and parameters, so the same run-cache key) take turns, and the later
/// ones find the first one's outputs in the run-cache instead of running it again.
///
/// Shared by the reproducers of one process; distinct keys never wait for each other.
package final class StageGate: Sendable {
    private let locks = Mutex<[String: NSLock]>([:])

    /// A gate with no execution under way.
    package init() {}

    /// Runs `body` while no other caller runs a body for `key`.
    package func exclusive<T>(_ key: String, _ body: () throws -> T) rethrows -> T {
        let lock = locks.withLock { locks in
            if let existing = locks[key] { return existing }
            let created = NSLock()
            locks[key] = created
            return created
        }
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
