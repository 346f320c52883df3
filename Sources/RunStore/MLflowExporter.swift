import Basics
import Foundation

/// Writes runs in MLflow's file-store layout, so that
/// `MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri DIR` shows them.
///
/// All runs go to one experiment, named after the project; exporting again
/// reuses it and replaces each run's folder. MLflow run ids are derived from the
/// sluice ids, so a run keeps its MLflow id across exports.
package struct MLflowExporter: Sendable {
    /// The backend-store root (absolute).
    package let root: String
    /// The experiment's name.
    package let experimentName: String

    /// An exporter to `root` (made absolute against the current directory).
    package init(root: String, experimentName: String) {
        self.root = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        self.experimentName = experimentName
    }

    /// The MLflow run id of sluice run `id`: 32 lowercase hex digits.
    package static func mlflowID(of id: String) -> String {
        String(SHA256.hash(Array("sluice-run:\(id)".utf8)).hex.prefix(32))
    }

    /// Writes `runs` and returns what was written.
    package func export(_ runs: [StoredRun], now: Date) throws -> MLflowExport {
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/.trash", withIntermediateDirectories: true)
        let experimentID = try existingExperiment() ?? nextExperimentID()
        let experimentDirectory = root + "/" + experimentID
        let created = runs.map(\.record.startTime).min() ?? now
        try AtomicFile.write(MLflowMeta.experiment(
            id: experimentID, name: experimentName, artifactLocation: Self.fileURI(experimentDirectory),
            created: Timestamp.milliseconds(created), updated: Timestamp.milliseconds(now)), to: experimentDirectory + "/meta.yaml")
        var result = MLflowExport(experimentID: experimentID)
        for run in runs {
            let mlflowID = Self.mlflowID(of: run.id)
            let skipped = try MLflowRunWriter(run: run, mlflowID: mlflowID, experimentID: experimentID,
                                              experimentDirectory: experimentDirectory).write()
            result.runs.append((run.id, mlflowID))
            result.skippedKeys += skipped.map { (run.id, $0) }
        }
        return result
    }

    /// `file:///…` for an absolute path, as MLflow writes artifact locations.
    static func fileURI(_ path: String) -> String {
        // isDirectory: false, so no trailing slash is added for folders that exist.
        URL(fileURLWithPath: path, isDirectory: false).absoluteString
    }

    /// The numeric experiment folder whose meta.yaml has our name, if any.
    private func existingExperiment() throws -> String? {
        for id in numericExperimentIDs() {
            guard let meta = try? String(contentsOfFile: root + "/\(id)/meta.yaml", encoding: .utf8) else { continue }
            if meta.split(separator: "\n").contains(Substring("name: " + MLflowMeta.quote(experimentName))) { return id }
        }
        return nil
    }

    /// One more than the largest numeric experiment id; 1 in a new store (0 is MLflow's
    /// Default). Past the largest integer (someone made a folder `9223372036854775807`),
    /// the least free positive id.
    private func nextExperimentID() -> String {
        let taken = numericExperimentIDs().compactMap { Int($0) }
        let (next, overflow) = (taken.max() ?? 0).addingReportingOverflow(1)
        guard overflow else { return String(next) }
        let used = Set(taken)
        return String((1...).first { !used.contains($0) } ?? 1)
    }

    private func numericExperimentIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            .sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
    }
}
