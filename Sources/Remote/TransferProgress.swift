import Synchronization

/// How far a push or pull has come, for the command line to draw; the Remote module
/// never prints it.
package struct TransferProgress: Sendable, Equatable {
    /// Objects moved so far (failed ones are not counted).
    package var objectsDone = 0
    /// Objects to move in this step.
    package var objectsTotal = 0
    /// Bytes moved so far.
    package var bytesDone: Int64 = 0
    /// Bytes to move, when known before the transfer (pushes know; pulls learn as they go).
    package var bytesTotal: Int64?

    /// Progress at the start of moving `objects` objects of `bytes` bytes.
    package init(objectsTotal: Int = 0, bytesTotal: Int64? = nil) {
        self.objectsTotal = objectsTotal
        self.bytesTotal = bytesTotal
    }
}

/// The running count shared by the threads a transfer uses, passing each change on.
final class ProgressTracker: Sendable {
    private let state: Mutex<TransferProgress>
    private let report: @Sendable (TransferProgress) -> Void

    /// A tracker starting at `start`, telling `report` of it now and of every change.
    init(_ start: TransferProgress, report: @escaping @Sendable (TransferProgress) -> Void) {
        state = Mutex(start)
        self.report = report
        report(start)
    }

    /// Counts `bytes` more, and `objects` more objects finished.
    func moved(_ bytes: Int64, objects: Int) {
        // Reported inside the lock so that the reader sees counts in order.
        state.withLock { progress in
            progress.bytesDone += bytes
            progress.objectsDone += objects
            report(progress)
        }
    }

    /// A remote's `moved` callback where item `i` of a transfer holds `objects[i]` objects
    /// (one for a loose object, all of a pack's for a pack).
    func moved(objects: [Int]) -> @Sendable (Int64, Int?) -> Void {
        { bytes, item in self.moved(bytes, objects: item.map { objects[$0] } ?? 0) }
    }

    /// Starts another step of `objects` more objects (a pull's manifests, then its files).
    func add(objects: Int) {
        state.withLock { progress in
            progress.objectsTotal += objects
            report(progress)
        }
    }
}
