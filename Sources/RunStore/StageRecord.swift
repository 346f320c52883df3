import Basics

/// What a run did with one stage, as run.json records it.
package struct StageRecord: Sendable, Equatable {
    /// What happened to the stage. The names match `sluice repro --json`.
    package enum Action: String, Sendable, CaseIterable {
        /// Its commands are running now.
        case running
        /// Its commands ran and succeeded.
        case executed
        /// It was up to date.
        case skipped
        /// Its outputs came from the cache instead of running it.
        case restored
        /// Its commands failed, or it could not start.
        case failed
        /// It was interrupted while running.
        case interrupted
        /// It was not reached because an upstream stage failed.
        case notRun = "not_run"
        /// It is frozen and was left alone.
        case frozen
    }

    /// The stage name.
    package var name: String
    /// What happened.
    package var action: Action
    /// Why it ran, in words (empty when it was up to date).
    package var reasons: [String] = []
    /// Wall time of its commands in seconds, when they ran.
    package var duration: Double?
    /// The exit status of its commands, when they ran to an end.
    package var exitCode: Int?
    /// Its log, relative to the run folder (`logs/<stage>.log`), when it ran.
    package var log: String?
    /// A one-line explanation of a failure that is not an exit status.
    package var message: String?

    /// Creates a stage record.
    package init(name: String, action: Action, reasons: [String] = [], duration: Double? = nil,
                exitCode: Int? = nil, log: String? = nil, message: String? = nil) {
        self.name = name
        self.action = action
        self.reasons = reasons
        self.duration = duration
        self.exitCode = exitCode
        self.log = log
        self.message = message
    }

    /// The record as run.json holds it.
    package var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(name)), ("action", .string(action.rawValue)), ("reasons", .array(reasons.map(JSONValue.string))),
        ]
        members.append(("duration", duration.map(JSONValue.double) ?? .null))
        members.append(("exit_code", exitCode.map(JSONValue.int) ?? .null))
        members.append(("log", log.map(JSONValue.string) ?? .null))
        if let message { members.append(("message", .string(message))) }
        return .object(members)
    }

    /// Reads a record written by `json`.
    init(json: JSONValue, file: String) throws(Diagnostic) {
        let fields = JSONFields(json, file: file, context: "stage")
        name = try fields.string("name")
        let actionText = try fields.string("action")
        guard let action = Action(rawValue: actionText) else {
            throw .failure("\(file): stage '\(name)' has an unknown action '\(actionText)'")
        }
        self.action = action
        reasons = fields.strings("reasons")
        duration = fields.double("duration")
        exitCode = fields.int("exit_code")
        log = fields.optionalString("log")
        message = fields.optionalString("message")
    }
}
