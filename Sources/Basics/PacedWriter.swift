import Dispatch
import Synchronization

/// Keeps a file in step with a state that changes often — pipeline.lock or run.json
/// while a repro runs — without rewriting the file on every change.
///
/// Such a file holds everything done so far, so it grows with the work, and rewriting
/// it after every change made the work cost its square: 3,000 quick stages spent
/// minutes rewriting pipeline.lock. Here a change is written at once when the last
/// write is long enough ago — `spacing` times as long ago as that write took — and
/// otherwise a little later, together with the changes made meanwhile. So writing
/// takes at most about 1/(spacing + 1) of the time, a small file (written in
/// microseconds) is still written after every change, and a change reaches the file
/// within `spacing` write-durations (never more than `maximumWait`). Each write is
/// the caller's (an atomic replace, so the file is always whole); `flush()` writes
/// what is pending at once, and after `close()` nothing is written any more.
package final class PacedWriter<State: Sendable>: Sendable {
    private struct Pacing: Sendable {
        var state: State
        /// Whether the file lacks a change.
        var pending = false
        /// Whether a later write is on its way.
        var scheduled = false
        var closed = false
        /// When the last write ended and how long it took (nanoseconds of uptime).
        var lastWriteEnd: UInt64 = 0
        var lastWriteDuration: UInt64 = 0
    }

    /// How many times the last write's duration must pass before the next write.
    package let spacing: Double
    private let pacing: Mutex<Pacing>
    private let write: @Sendable (inout State) throws -> Void

    /// The longest a change waits for its write, whatever the last write took.
    package static var maximumWait: UInt64 { 5_000_000_000 }

    /// A writer of `state`; `write` writes the file from the state (and may update
    /// the state, e.g. with what it rendered). Nothing is written until a change;
    /// with a `spacing` of `.infinity`, nothing until `flush()`.
    package init(_ state: State, spacing: Double = 10, write: @escaping @Sendable (inout State) throws -> Void) {
        self.spacing = spacing.isNaN ? 0 : max(0, spacing)
        pacing = Mutex(Pacing(state: state))
        self.write = write
    }

    /// Reads the state (which may hold changes not written yet).
    package func read<T>(_ body: (State) -> T) -> T { pacing.withLock { body($0.state) } }

    /// Applies `change`, then writes the file now when the last write is long enough
    /// ago, else schedules a write. Throws when `change` or a write made now fails; a
    /// change stays applied, and a later write or `flush()` tries again.
    package func update(_ change: (inout State) throws -> Void) throws {
        let delay: UInt64? = try pacing.withLock { pacing in
            try change(&pacing.state)
            guard !pacing.closed else { return nil }
            pacing.pending = true
            guard spacing.isFinite else { return nil }
            let now = DispatchTime.now().uptimeNanoseconds
            let due = pacing.lastWriteEnd &+ wait(after: pacing.lastWriteDuration)
            if now >= due {
                try writeNow(&pacing)
                return nil
            }
            guard !pacing.scheduled else { return nil }
            pacing.scheduled = true
            return due - now
        }
        if let delay {
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(delay))) { self.scheduledWrite() }
        }
    }

    /// Writes the changes not written yet, now.
    package func flush() throws {
        try pacing.withLock { pacing in
            guard pacing.pending, !pacing.closed else { return }
            try writeNow(&pacing)
        }
    }

    /// Stops writing: pending changes are dropped (e.g. the file's folder is about to go).
    package func close() {
        pacing.withLock { $0.closed = true }
    }

    /// A scheduled write. A failure leaves the change pending: the next change or
    /// `flush()` tries again and reports it.
    private func scheduledWrite() {
        pacing.withLock { pacing in
            pacing.scheduled = false
            guard pacing.pending, !pacing.closed else { return }
            try? writeNow(&pacing)
        }
    }

    private func wait(after duration: UInt64) -> UInt64 {
        let wait = Double(duration) * spacing
        return wait >= Double(Self.maximumWait) ? Self.maximumWait : UInt64(wait)
    }

    private func writeNow(_ pacing: inout Pacing) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        try write(&pacing.state)
        pacing.pending = false
        let end = DispatchTime.now().uptimeNanoseconds
        pacing.lastWriteEnd = end
        pacing.lastWriteDuration = end - start
    }
}
