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

    /// Runs the stages. `decide` may settle a stage whose selected upstream all
    /// finished without touching the disk (skipped or frozen) on the calling thread,
    /// without taking a job: it returns the outcome, or `nil` to hand the stage to
    /// `work` on a worker. A no-op repro of 10,000 stages then starts no worker at all.
    func run(isInterrupted: () -> Bool,
             decide: (Int) -> StageOutcome? = { _ in nil },
             work: @escaping @Sendable (Int, @escaping @Sendable () -> Bool) -> StageOutcome) -> ReproReport {
        // Stages are started in the order given (a topological order), earliest first.
        var position: [Int: Int] = [:]
        for (rank, stage) in order.enumerated() { position[stage] = rank }
        var state: [Int: State] = [:]
        // Ready stages not yet offered to `decide`, then those waiting for a worker.
        var undecided = MinHeap()
        var ready = MinHeap()
        // Stages with a selected upstream stage that ran, was restored or failed: what
        // `decide` may have seen of their inputs is out of date.
        var disturbed: Set<Int> = []
        for stage in order {
            let waitsFor = graph.predecessors[stage].reduce(0) { $0 + (position[$1] == nil ? 0 : 1) }
            state[stage] = .waiting(waitsFor)
            if waitsFor == 0, let rank = position[stage] { undecided.insert(rank) }
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

        /// Records a finished stage and readies its downstream.
        func finish(_ stage: Int, _ outcome: StageOutcome) {
            state[stage] = .finished
            report.outcomes.append(outcome)
            guard outcome.action != .failed && outcome.action != .interrupted else {
                skipDownstream(of: stage)
                if !keepGoing { stopped = true }
                return
            }
            let untouched = outcome.action == .skipped || outcome.action == .frozen
            for next in graph.successors[stage] {
                guard let rank = position[next], case .waiting(let count) = state[next] else { continue }
                if !untouched { disturbed.insert(next) }
                state[next] = .waiting(count - 1)
                if count == 1 { undecided.insert(rank) }
            }
        }

        while true {
            while !stopped, let rank = undecided.popMin() {
                let stage = order[rank]
                guard case .waiting = state[stage] else { continue }
                if !disturbed.contains(stage), let outcome = decide(stage) {
                    finish(stage, outcome)
                } else {
                    ready.insert(rank)
                }
            }
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
                finish(stage, outcome)
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
