import Basics
import Foundation

/// What MLflow receives of one sluice run, the same whichever way it goes (the
/// file-store layout or a tracking server's REST API): the run's name, user,
/// times and status, its params as text, its metrics as points, its tags, all
/// under keys MLflow accepts.
package struct MLflowRunContent: Sendable {
    /// One metric value at a step, as MLflow stores it.
    package struct Point: Sendable, Hashable {
        /// Milliseconds since 1970.
        package var timestamp: Int64
        /// The value (NaN and infinities allowed).
        package var value: Double
        /// The step.
        package var step: Int

        /// A point.
        package init(timestamp: Int64, value: Double, step: Int) {
            self.timestamp = timestamp
            self.value = value
            self.step = step
        }

        /// Equal points: NaN equals NaN, as MLflow stores NaN as a flag.
        package static func == (lhs: Point, rhs: Point) -> Bool {
            lhs.timestamp == rhs.timestamp && lhs.step == rhs.step && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(timestamp)
            hasher.combine(step)
            hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern)
        }
    }

    /// The sluice run id.
    package var runID: String
    /// The run's name (its sluice name, else its id).
    package var name: String
    /// Who ran it.
    package var user: String
    /// Start, in milliseconds since 1970.
    package var start: Int64
    /// End, in milliseconds since 1970; nil while running.
    package var end: Int64?
    /// The status to show.
    package var status: RunStatus
    /// Params: key and value text (at most 6,000 characters, MLflow's limit).
    package var params: [(key: String, value: String)]
    /// Metrics: the history points of each key, then the final value of metrics that have no history.
    package var metrics: [(key: String, points: [Point])]
    /// Tags: key and value (at most 8,000 characters, MLflow's limit).
    package var tags: [(key: String, value: String)]
    /// Keys MLflow cannot store, left out.
    package var skippedKeys: [String]

    /// The longest param value MLflow accepts.
    package static let maximumParamLength = 6000
    /// The longest tag value MLflow accepts.
    package static let maximumTagLength = 8000

    /// The content of `run`.
    package init(run: StoredRun) {
        let record = run.record
        runID = record.id
        name = record.name ?? record.id
        user = record.user ?? "unknown"
        start = Timestamp.milliseconds(record.startTime)
        end = record.endTime.map(Timestamp.milliseconds)
        status = run.status
        var skipped: [String] = []
        params = Self.assign(run.params.entries.map { ($0.key, Self.text($0.value)) }, skipped: &skipped)
        metrics = Self.assign(Self.points(of: run), skipped: &skipped)
        tags = Self.assign(Self.tags(of: record, status: status).map { ($0.0, String($0.1.prefix(Self.maximumTagLength))) }, skipped: &skipped)
        skippedKeys = skipped
    }

    /// MLflow's name of `status`: RUNNING, FINISHED, FAILED or KILLED.
    package var statusName: String {
        switch status {
        case .running: "RUNNING"
        case .finished: "FINISHED"
        case .failed: "FAILED"
        case .killed: "KILLED"
        }
    }

    /// The values under sanitized keys, in order; the rest listed in `skipped`.
    private static func assign<Value>(_ values: [(String, Value)], skipped: inout [String]) -> [(key: String, value: Value)] {
        let (accepted, rejected) = MLflowKey.assign(values.map(\.0))
        let byKey = Dictionary(values, uniquingKeysWith: { first, _ in first })
        skipped += rejected
        return accepted.compactMap { entry in byKey[entry.original].map { (entry.key, $0) } }
    }

    private static func assign(_ values: [(String, [Point])], skipped: inout [String]) -> [(key: String, points: [Point])] {
        let assigned: [(key: String, value: [Point])] = assign(values, skipped: &skipped)
        return assigned.map { ($0.key, $0.value) }
    }

    /// The history points of each key, then the final value of metrics that have no history.
    private static func points(of run: StoredRun) -> [(String, [Point])] {
        var points: [String: [Point]] = [:], order: [String] = []
        for point in run.history() {
            if points[point.key] == nil { order.append(point.key) }
            points[point.key, default: []].append(Point(timestamp: Timestamp.milliseconds(point.time), value: point.value, step: point.step))
        }
        let time = Timestamp.milliseconds(run.record.endTime ?? run.record.startTime)
        for (key, value) in run.metrics.entries where points[key] == nil {
            guard let number = FlatValues.number(value) else { continue }  // MLflow metrics are numbers only
            order.append(key)
            points[key] = [Point(timestamp: time, value: number, step: 0)]
        }
        return order.map { ($0, points[$0] ?? []) }
    }

    private static func tags(of record: RunRecord, status: RunStatus) -> [(String, String)] {
        var tags: [(String, String)] = [
            ("mlflow.runName", record.name ?? record.id), ("mlflow.user", record.user ?? "unknown"),
            ("mlflow.source.type", "LOCAL"), ("mlflow.source.name", record.command.joined(separator: " ")),
            ("sluice.run_id", record.id), ("sluice.status", status.rawValue), ("sluice.version", record.sluiceVersion),
        ]
        if let git = record.git {
            tags.append(("mlflow.source.git.commit", git.commit))
            if let branch = git.branch { tags.append(("mlflow.source.git.branch", branch)) }
            tags.append(("sluice.git.dirty", git.dirty ? "true" : "false"))
        }
        if !record.stages.isEmpty {
            tags.append(("sluice.stages", record.stages.map { "\($0.name): \($0.action.rawValue)" }.joined(separator: ", ")))
        }
        return tags
    }

    /// A param's text: strings bare, other values as compact JSON; cut at MLflow's 6,000 characters.
    package static func text(_ value: JSONValue) -> String {
        let text = if case .string(let string) = value { string } else { JSONWriter.canonical.string(value) }
        return String(text.prefix(maximumParamLength))
    }

    /// The files of the run folder worth sending as artifacts (hidden files left out),
    /// as paths relative to `directory`, sorted.
    package static func artifactFiles(in directory: String) -> [String] {
        let files = FileManager.default
        guard let walker = files.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
            found.append(relative)
        }
        return found.sorted()
    }
}
