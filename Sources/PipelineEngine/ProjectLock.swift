import Basics
import Foundation

/// An exclusive lock on a project (`.sluice/repro.lock`), so two `sluice repro`
/// never run in one workspace at once. The kernel drops it when the process dies.
package final class ProjectLock {
    private let descriptor: Int32
    private var held = true

    /// Takes the lock at `path`, or fails at once when another process holds it.
    package init(path: String) throws(Diagnostic) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .error("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .error("another sluice repro or exp run is running in this project",
                         hint: "wait for it to finish (the lock is \(path))")
        }
    }

    /// Gives the lock up before the value goes away (once; later calls do nothing).
    package func release() {
        guard held else { return }
        held = false
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    deinit { release() }
}
