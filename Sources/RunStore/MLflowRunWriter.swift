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
        let content = MLflowRunContent(run: run)
        try AtomicFile.write(MLflowMeta.run(MLflowMeta.Run(
            runID: mlflowID, experimentID: experimentID, name: content.name,
            artifactURI: MLflowExporter.fileURI(final + "/artifacts"), start: content.start,
            end: content.end, status: MLflowMeta.status(content.status),
            user: content.user, sourceVersion: run.record.git?.commit ?? "")), to: staging + "/meta.yaml")
        // Params and tags hold the value verbatim without a newline, metrics one `<ms> <value> <step>` line per point.
        try write(content.params, into: staging + "/params")
        try write(content.metrics.map { ($0.key, $0.points.map { "\($0.timestamp) \(Self.number($0.value)) \($0.step)\n" }.joined()) },
                  into: staging + "/metrics")
        try write(content.tags, into: staging + "/tags")
        try copyArtifacts(into: staging + "/artifacts")
        try? files.removeItem(atPath: final)
        try files.moveItem(atPath: staging, toPath: final)
        return content.skippedKeys
    }

    /// One file per key (a `/` in a key makes a sub-folder).
    private func write(_ values: [(key: String, value: String)], into folder: String) throws {
        for (key, value) in values { try AtomicFile.write(value, to: folder + "/" + key) }
    }

    /// Every file of the sluice run folder, so logs and run.json are browsable in the UI.
    private func copyArtifacts(into folder: String) throws {
        let files = FileManager.default
        for relative in MLflowRunContent.artifactFiles(in: run.directory) {
            let target = folder + "/" + relative
            try files.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try files.copyItem(atPath: run.directory + "/" + relative, toPath: target)
        }
    }

    /// A number as Python's `float()` reads it: `0.25`, `1e-05`, `nan`, `inf`, `-inf`.
    static func number(_ value: Double) -> String {
        value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : "\(value)"
    }
}
