import Basics
import PipelineEngine

/// Shows repro progress on standard error the way DVC users know it.
struct ReproRenderer: Sendable {
    let console: Console
    /// The lock file recording a stage, by the stage's address.
    let lockName: @Sendable (String) -> String

    func show(_ event: ReproEvent) {
        switch event {
        case .stageStarted(let stage, let reasons):
            console.err("Running stage '\(stage)' (\(reasons.map(\.summary).joined(separator: "; ")))")
        case .commandStarted(_, let command):
            console.err("> \(command)")
        case .output(let stage, let line, let concurrent):
            console.err(concurrent ? "[\(stage)] \(line)" : line)
        case .stageFinished(let outcome):
            switch outcome.action {
            case .executed: console.err("Updated '\(lockName(outcome.stage))' for stage '\(outcome.stage)'")
            case .skipped: console.err("Stage '\(outcome.stage)' didn't change, skipping")
            case .restored: console.err("Stage '\(outcome.stage)' \(outcome.message ?? "restored from the cache")")
            default: break
            }
        case .warning(let message):
            console.warn([message])
        }
    }

    func summarize(_ report: ReproReport, dryRun: Bool) {
        for outcome in report.outcomes {
            switch outcome.action {
            case .failed, .interrupted:
                var text = "error: stage '\(outcome.stage)' \(outcome.action == .failed ? "failed" : "was interrupted")"
                if let message = outcome.message { text += ": \(message)" }
                if let log = outcome.log { text += "\n  log: \(log)" }
                console.err(text)
            case .notRun where dryRun:
                console.out("Would run stage '\(outcome.stage)': \(outcome.reasons.map(\.summary).joined(separator: "; "))")
            default:
                continue
            }
        }
        let executed = report.stages(.executed).count, skipped = report.stages(.skipped).count
        let restored = report.stages(.restored).count
        if dryRun {
            if report.stages(.notRun).isEmpty { console.out("Data and pipelines are up to date.") }
        } else if executed == 0 && restored == 0 && report.succeeded {
            console.out("Data and pipelines are up to date.")
        } else {
            var parts = ["\(executed) executed", "\(skipped) up to date"]
            if restored > 0 { parts.append("\(restored) restored") }
            let failed = report.stages(.failed).count + report.stages(.interrupted).count
            if failed > 0 { parts.append("\(failed) failed") }
            let notRun = report.stages(.notRun).count
            if notRun > 0 { parts.append("\(notRun) not run") }
            console.out(parts.joined(separator: ", "))
        }
    }
}
