import Basics
import Dispatch
import Synchronization

/// Starts stages as soon as their upstream succeeded, at most `jobs` at a time.
///
/// The decisions are made on the calling thread; only `work` runs on workers, and
/// it reports back through an inbox, so no scheduling state is shared.
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

    func run(isInterrupted: () -> Bool,
             work: @escaping @Sendable (Int, @escaping @Sendable () -> Bool) -> StageOutcome) -> ReproReport {
        let selected = Set(order)
        let channel = Channel()
        var pending = order
        var succeeded: [Int: Bool] = [:]
        var running = 0
        var stopped = false
        var report = ReproReport()
        let concurrent: @Sendable () -> Bool = { channel.running.withLock { $0 } > 1 }
        while true {
            var index = 0
            while index < pending.count {
                let stage = pending[index]
                let upstream = graph.predecessors[stage].filter(selected.contains)
                if upstream.contains(where: { succeeded[$0] == false }) {
                    var outcome = StageOutcome(stage: names[stage], action: .notRun)
                    outcome.message = "not run: an upstream stage failed"
                    report.outcomes.append(outcome)
                    succeeded[stage] = false
                    pending.remove(at: index)
                    continue
                }
                guard !stopped, running < jobs, upstream.allSatisfy({ succeeded[$0] == true }) else {
                    index += 1
                    continue
                }
                pending.remove(at: index)
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
                let ok = outcome.action != .failed && outcome.action != .interrupted
                succeeded[stage] = ok
                report.outcomes.append(outcome)
                if !ok && !keepGoing { stopped = true }
            }
            if isInterrupted() { stopped = true }
        }
        for stage in pending {
            var outcome = StageOutcome(stage: names[stage], action: .notRun)
            outcome.message = "not run: the repro stopped"
            report.outcomes.append(outcome)
        }
        return report
    }
}
