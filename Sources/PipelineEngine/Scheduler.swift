import Basics
import Dispatch
import Synchronization

/// Starts stages as soon as their upstream succeeded, at most `jobs` at a time.
///
/// The decisions are made on the calling thread; only `work` runs on workers, and
/// it reports back through an inbox, so no scheduling state is shared. Each stage
/// counts the selected upstream stages it still waits for, so a finished stage
/// costs its own edges, not a scan of every pending stage: a 10,000-stage chain
/// schedules in linear time.
struct Scheduler {
    let order: [Int]
    let names: [String]
    let graph: Graph
    let jobs: Int
    let keepGoing: Bool

    private final class Channel: Sendable {
        let inbox = Mutex<[(Int, StageOutcome)]>([])
        let running = Mutex(0)
        let signal = DispatchSemaphore(value: 0)
    }

    /// Where each stage stands while the scheduler runs.
    private enum State {
        /// Waiting for this many selected upstream stages to succeed.
        case waiting(Int)
        case started
        case finished
    }

    func run(isInterrupted: () -> Bool,
             work: @escaping @Sendable (Int, @escaping @Sendable () -> Bool) -> StageOutcome) -> ReproReport {
        // Stages are started in the order given (a topological order), earliest first.
        var position: [Int: Int] = [:]
        for (rank, stage) in order.enumerated() { position[stage] = rank }
        var state: [Int: State] = [:]
        var ready = MinHeap()
        for stage in order {
            let waitsFor = graph.predecessors[stage].reduce(0) { $0 + (position[$1] == nil ? 0 : 1) }
            state[stage] = .waiting(waitsFor)
            if waitsFor == 0, let rank = position[stage] { ready.insert(rank) }
        }
        let channel = Channel()
        var running = 0
        var stopped = false
        var report = ReproReport()
        let concurrent: @Sendable () -> Bool = { channel.running.withLock { $0 } > 1 }

        /// Marks every selected stage downstream of `failed` as not run, in order.
        func skipDownstream(of failed: Int) {
            var skipped: [Int] = [], stack = [failed]
            while let stage = stack.popLast() {
                for next in graph.successors[stage] where position[next] != nil {
                    guard case .waiting = state[next] else { continue }
                    state[next] = .finished
                    skipped.append(next)
                    stack.append(next)
                }
            }
            for stage in skipped.sorted(by: { (position[$0] ?? 0) < (position[$1] ?? 0) }) {
                var outcome = StageOutcome(stage: names[stage], action: .notRun)
                outcome.message = "not run: an upstream stage failed"
                report.outcomes.append(outcome)
            }
        }

        while true {
            while !stopped, running < jobs, let rank = ready.popMin() {
                let stage = order[rank]
                guard case .waiting = state[stage] else { continue }
                state[stage] = .started
                running += 1
                channel.running.withLock { $0 += 1 }
                DispatchQueue.global().async {
                    let outcome = work(stage, concurrent)
                    channel.running.withLock { $0 -= 1 }
                    channel.inbox.withLock { $0.append((stage, outcome)) }
                    channel.signal.signal()
                }
            }
            guard running > 0 else { break }
            channel.signal.wait()
            for (stage, outcome) in channel.inbox.withLock({ inbox in defer { inbox.removeAll() }; return inbox }) {
                running -= 1
                state[stage] = .finished
                report.outcomes.append(outcome)
                guard outcome.action != .failed && outcome.action != .interrupted else {
                    skipDownstream(of: stage)
                    if !keepGoing { stopped = true }
                    continue
                }
                for next in graph.successors[stage] {
                    guard let rank = position[next], case .waiting(let count) = state[next] else { continue }
                    state[next] = .waiting(count - 1)
                    if count == 1 { ready.insert(rank) }
                }
            }
            if isInterrupted() { stopped = true }
        }
        for stage in order {
            guard case .waiting = state[stage] else { continue }
            var outcome = StageOutcome(stage: names[stage], action: .notRun)
            outcome.message = "not run: the repro stopped"
            report.outcomes.append(outcome)
        }
        return report
    }
}
