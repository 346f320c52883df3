import Basics
import Experiments
import PipelineEngine

/// How `exp run` shows an experiment's outcome.
enum ExpRenderer {
    /// `exp-1a2b3c4 finished in 1.2 s (run …; executed train, evaluate; restored ingest, prepare)`.
    static func line(_ result: ExperimentResult) -> String {
        let report = result.report
        var parts: [String] = []
        if let run = result.run { parts.append("run \(run)") }
        for (label, action) in [("executed", StageOutcome.Action.executed), ("restored", .restored)] {
            let stages = report.stages(action)
            if !stages.isEmpty { parts.append(label + " " + stages.joined(separator: ", ")) }
        }
        var text = "\(result.definition.name) \(result.status.rawValue) in \(RunFormat.duration(result.duration))"
        if !parts.isEmpty { text += " (" + parts.joined(separator: "; ") + ")" }
        if let message = result.message, !result.succeeded { text += ": " + message }
        return text
    }

    /// `{"name", "run", "status", "overrides", "executed", "restored", "skipped", "failed", "message"}`.
    static func json(_ result: ExperimentResult) -> JSONValue {
        let report = result.report
        return .object([
            ("name", .string(result.definition.name)), ("run", result.run.map(JSONValue.string) ?? .null),
            ("status", .string(result.status.rawValue)), ("overrides", result.definition.overridesJSON),
            ("executed", .array(report.stages(.executed).map(JSONValue.string))),
            ("restored", .array(report.stages(.restored).map(JSONValue.string))),
            ("skipped", .array(report.stages(.skipped).map(JSONValue.string))),
            ("failed", .array(report.stages(.failed).map(JSONValue.string))),
            ("message", result.message.map(JSONValue.string) ?? .null),
            ("duration", .double(result.duration)),
        ])
    }
}
