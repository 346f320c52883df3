import Basics
import Foundation

/// One run as run.json records it: who ran what, when, from which commit, and
/// what happened to each stage.
package struct RunRecord: Sendable, Equatable {
    /// The run id (the folder name).
    package var id: String
    /// A name the user gave (`sluice repro --name`).
    package var name: String?
    /// The recorded status; see `StoredRun.status` for what inspection shows.
    package var status: RunStatus
    /// When the run started.
    package var startTime: Date
    /// When it ended; `nil` while running.
    package var endTime: Date?
    /// The command line, starting with `sluice`.
    package var command: [String]
    /// The version of sluice that recorded the run.
    package var sluiceVersion: String
    /// The commit the project was at, when it is in a git work tree.
    package var git: GitState?
    /// The recording process, to tell a run that is still going from one that was killed.
    package var process: ProcessIdentity?
    /// The user who ran it.
    package var user: String?
    /// The stages in the order they reached an end (running ones last).
    package var stages: [StageRecord]

    /// Creates a record; `id` is assigned by `RunStore.create`.
    package init(id: String = "", name: String? = nil, status: RunStatus = .running, startTime: Date, endTime: Date? = nil,
                command: [String], sluiceVersion: String = SluiceVersion.current, git: GitState? = nil,
                process: ProcessIdentity? = nil, user: String? = nil, stages: [StageRecord] = []) {
        self.id = id
        self.name = name
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.command = command
        self.sluiceVersion = sluiceVersion
        self.git = git
        self.process = process
        self.user = user
        self.stages = stages
    }

    /// Seconds from start to end, `nil` while running.
    package var duration: Double? { endTime.map { $0.timeIntervalSince(startTime) } }

    /// Puts `stage` in place of the record with the same name, or appends it.
    package mutating func update(_ stage: StageRecord) {
        if let index = stages.firstIndex(where: { $0.name == stage.name }) {
            stages[index] = stage
        } else {
            stages.append(stage)
        }
    }

    /// The record as run.json holds it.
    package var json: JSONValue {
        .object([
            "id": .string(id), "name": name.map(JSONValue.string) ?? .null, "status": .string(status.rawValue),
            "start_time": .string(Timestamp.string(startTime)),
            "end_time": endTime.map { .string(Timestamp.string($0)) } ?? .null,
            "duration": duration.map(JSONValue.double) ?? .null,
            "command": .array(command.map(JSONValue.string)), "sluice_version": .string(sluiceVersion),
            "git": git?.json ?? .null, "process": process?.json ?? .null, "user": user.map(JSONValue.string) ?? .null,
            "stages": .array(stages.map(\.json)),
        ])
    }

    /// Reads a record written by `json`; `file` names it in errors.
    package init(json: JSONValue, file: String = "run.json") throws(Diagnostic) {
        let fields = JSONFields(json, file: file, context: "run")
        id = try fields.string("id")
        name = fields.optionalString("name")
        let statusText = try fields.string("status")
        guard let status = RunStatus(rawValue: statusText) else {
            throw .failure("\(file): unknown status '\(statusText)'", hint: "use one of: \(RunStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.status = status
        guard let start = Timestamp.date(try fields.string("start_time")) else {
            throw .failure("\(file): start_time is not an ISO 8601 time")
        }
        startTime = start
        endTime = fields.optionalString("end_time").flatMap(Timestamp.date)
        command = fields.strings("command")
        sluiceVersion = fields.optionalString("sluice_version") ?? "unknown"
        git = GitState(fields: fields.object("git"))
        process = ProcessIdentity(fields: fields.object("process"))
        user = fields.optionalString("user")
        guard case .array(let items)? = json["stages"] else {
            stages = []
            return
        }
        var stages: [StageRecord] = []
        for item in items { stages.append(try StageRecord(json: item, file: file)) }
        self.stages = stages
    }
}
