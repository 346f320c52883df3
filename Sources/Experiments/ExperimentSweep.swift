import Dispatch
import Foundation
import Synchronization

/// Runs the experiments of a sweep, `jobs` at a time, each in its own copy of the
/// workspace. A failed experiment is recorded as failed and the sweep goes on, unless
/// `failFast`; an interrupt stops the running experiments (recorded as killed), starts
/// no more, and leaves the finished ones recorded.
package final class ExperimentSweep: Sendable {
    /// What the sweep reports as it goes.
    package enum Event: Sendable {
        /// An experiment starts (its index in the sweep, from 0).
        case started(index: Int, ExperimentDefinition)
        /// An experiment ended.
        case finished(index: Int, ExperimentResult)
    }

    private let runner: ExperimentRunner
    private let definitions: [ExperimentDefinition]
    private let jobs: Int
    private let failFast: Bool
    private let state = Mutex(State())

    private struct State {
        var next = 0
        var stopped = false
        var interrupted = false
        var running: [Int: @Sendable () -> Void] = [:]
    }

    /// A sweep of `definitions` run by `runner`.
    package init(runner: ExperimentRunner, definitions: [ExperimentDefinition], jobs: Int, failFast: Bool) {
        self.runner = runner
        self.definitions = definitions
        self.jobs = max(1, min(jobs, definitions.count))
        self.failFast = failFast
    }

    /// Whether an interrupt stopped the sweep.
    package var wasInterrupted: Bool { state.withLock { $0.interrupted } }

    /// Stops the sweep: running experiments are interrupted, no more start. Safe from a signal handler's queue.
    package func interrupt() {
        let running = state.withLock { state in
            state.stopped = true
            state.interrupted = true
            return Array(state.running.values)
        }
        for stop in running { stop() }
    }

    /// Runs the sweep and returns the results of the experiments that ran, in sweep order.
    package func run(observe: @escaping @Sendable (Event) -> Void) -> [ExperimentResult] {
        let results = Mutex<[Int: ExperimentResult]>([:])
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let index = claim() {
                let definition = definitions[index]
                observe(.started(index: index, definition))
                let result = runner.run(definition) { stop in
                    let interrupted = self.state.withLock { state in
                        state.running[index] = stop
                        return state.interrupted
                    }
                    // An interrupt that came while the experiment was being set up reaches it now.
                    if interrupted, let stop { stop() }
                }
                results.withLock { $0[index] = result }
                if !result.succeeded && failFast { state.withLock { $0.stopped = true } }
                observe(.finished(index: index, result))
            }
        }
        runner.copier.finish()
        return results.withLock { found in found.keys.sorted().compactMap { found[$0] } }
    }

    /// The next experiment to start, or `nil` when the sweep is done or stopped.
    private func claim() -> Int? {
        state.withLock { state in
            guard !state.stopped, state.next < definitions.count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }
}
