import Basics
import Foundation

/// Writes one run's folder in an MLflow experiment: meta.yaml, params/, metrics/,
/// tags/ and artifacts/ (a copy of the sluice run folder).
///
/// The folder is built beside its final place and renamed in, so MLflow never
/// reads a half-written run, and a re-export replaces the old one whole.
struct MLflowRunWriter {
    let run: StoredRun
    let mlflowID: String
    let experimentID: String
    let experimentDirectory: String

    /// Writes the folder; returns the keys that MLflow could not store.
    func write() throws -> [String] {
        let final = experimentDirectory + "/" + mlflowID
        let staging = experimentDirectory + "/.\(mlflowID).partial"
        let files = FileManager.default
        try? files.removeItem(atPath: staging)
        // MLflow's get_run requires all three folders, even empty.
        for folder in ["params", "metrics", "tags", "artifacts"] {
            try files.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
        }
        let record = run.record
        let status = run.status
        try AtomicFile.write(MLflowMeta.run(MLflowMeta.Run(
            runID: mlflowID, experimentID: experimentID, name: record.name ?? record.id,
            artifactURI: MLflowExporter.fileURI(final + "/artifacts"), start: Timestamp.milliseconds(record.startTime),
            end: record.endTime.map(Timestamp.milliseconds), status: MLflowMeta.status(status),
            user: record.user ?? "unknown", sourceVersion: record.git?.commit ?? "")), to: staging + "/meta.yaml")
        var skipped = try writeValues(
            run.params.entries.map { ($0.key, Self.text($0.value)) }, into: staging + "/params")
        skipped += try writeValues(metricLines(), into: staging + "/metrics")
        skipped += try writeValues(tags(status: status), into: staging + "/tags")
        try copyArtifacts(into: staging + "/artifacts")
        try? files.removeItem(atPath: final)
        try files.moveItem(atPath: staging, toPath: final)
        return skipped
    }

    /// Each key's file: params and tags hold the value verbatim without a newline,
    /// metrics one `<ms> <value> <step>` line per point.
    private func writeValues(_ values: [(String, String)], into folder: String) throws -> [String] {
        let (accepted, rejected) = MLflowKey.assign(values.map(\.0))
        let text = Dictionary(values, uniquingKeysWith: { first, _ in first })
        for entry in accepted {
            try AtomicFile.write(text[entry.original] ?? "", to: folder + "/" + entry.key)
        }
        return rejected
    }

    /// The history points of each key, then the final value of metrics that have no history.
    private func metricLines() -> [(String, String)] {
        var lines: [String: [String]] = [:], order: [String] = []
        for point in run.history() {
            if lines[point.key] == nil { order.append(point.key) }
            lines[point.key, default: []].append("\(Timestamp.milliseconds(point.time)) \(Self.number(point.value)) \(point.step)\n")
        }
        let time = Timestamp.milliseconds(run.record.endTime ?? run.record.startTime)
        for (key, value) in run.metrics.entries where lines[key] == nil {
            guard let number = FlatValues.number(value) else { continue }  // MLflow metrics are numbers only
            order.append(key)
            lines[key] = ["\(time) \(Self.number(number)) 0\n"]
        }
        return order.map { ($0, (lines[$0] ?? []).joined()) }
    }

    private func tags(status: RunStatus) -> [(String, String)] {
        let record = run.record
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

    /// Every file of the sluice run folder, so logs and run.json are browsable in the UI.
    private func copyArtifacts(into folder: String) throws {
        let files = FileManager.default
        guard let walker = files.enumerator(atPath: run.directory) else { return }
        while let relative = walker.nextObject() as? String {
            let source = run.directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
            let target = folder + "/" + relative
            try files.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try files.copyItem(atPath: source, toPath: target)
        }
    }

    /// A param's text: strings bare, other values as compact JSON; cut at MLflow's 6,000 characters.
    static func text(_ value: JSONValue) -> String {
        let text = if case .string(let string) = value { string } else { JSONWriter.canonical.string(value) }
        return String(text.prefix(6000))
    }

    /// A number as Python's `float()` reads it: `0.25`, `1e-05`, `nan`, `inf`, `-inf`.
    static func number(_ value: Double) -> String {
        value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : "\(value)"
    }
}
