import Basics

/// What happened to one stage in a repro.
package struct StageOutcome: Sendable {
    /// What sluice did with the stage.
    package enum Action: String, Sendable {
        /// Its commands ran and succeeded.
        case executed
        /// It was up to date.
        case skipped
        /// It is frozen and was left alone.
        case frozen
        /// Its commands ran and failed (or it could not start).
        case failed
        /// It was interrupted while running.
        case interrupted
        /// It would run (dry run), or it was not reached because an upstream stage failed.
        case notRun = "not_run"
        /// Its outputs came from the cache instead of running it.
        case restored
    }

    /// The stage name.
    package var stage: String
    /// What happened.
    package var action: Action
    /// Why it ran (or would run).
    package var reasons: [StaleReason]
    /// Wall time of its commands in seconds (0 when not executed).
    package var duration: Double = 0
    /// The exit status of the failing command, when it failed.
    package var exitCode: Int32?
    /// The log of its output (root-relative), when it ran.
    package var log: String?
    /// A one-line explanation when it failed for another reason than a command's exit status.
    package var message: String?

    /// Creates an outcome.
    package init(stage: String, action: Action, reasons: [StaleReason] = []) {
        self.stage = stage
        self.action = action
        self.reasons = reasons
    }

    /// The outcome as JSON.
    package var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("stage", .string(stage)), ("action", .string(action.rawValue)), ("reasons", .array(reasons.map(\.json))),
            ("duration", .double(duration)),
        ]
        if let exitCode { members.append(("exit_code", .int(Int(exitCode)))) }
        if let log { members.append(("log", .string(log))) }
        if let message { members.append(("message", .string(message))) }
        return .object(members)
    }
}

/// Everything a repro did, in the order stages finished.
package struct ReproReport: Sendable {
    /// One outcome per stage considered.
    package var outcomes: [StageOutcome] = []
    /// Whether an interrupt stopped the repro (stages it kept from starting are `notRun`).
    package var interrupted = false

    /// Creates an empty report.
    package init() {}

    /// Names of stages with the given action.
    package func stages(_ action: StageOutcome.Action) -> [String] { outcomes.filter { $0.action == action }.map(\.stage) }

    /// Whether every stage succeeded or was skipped.
    package var succeeded: Bool { !outcomes.contains { $0.action == .failed || $0.action == .interrupted } }

    /// The report as JSON: the lists of executed, skipped, restored and failed stages, then every outcome.
    package var json: JSONValue {
        .object([
            ("executed", .array(stages(.executed).map(JSONValue.string))),
            ("skipped", .array(stages(.skipped).map(JSONValue.string))),
            ("restored", .array(stages(.restored).map(JSONValue.string))),
            ("failed", .array(stages(.failed).map(JSONValue.string))),
            ("stages", .array(outcomes.map(\.json))),
        ])
    }
}
