import Basics
import Foundation
import RunStore

/// `sluice exp gc`: what experiments leave behind that nothing needs.
extension ExperimentStore {
    /// What was (or would be) removed.
    package struct Garbage: Sendable {
        /// Experiments that failed or were killed: they cannot be applied.
        package var experiments: [String] = []
        /// Temporary copies no running experiment uses (left by a sweep that was killed).
        package var copies: [String] = []
    }

    /// Removes failed and killed experiments (unless `keepFailed`) and the temporary
    /// copies of experiments that are not running; with `dryRun`, removes nothing.
    /// The cache objects the removed experiments used are freed by the next `sluice gc`.
    package func collect(keepFailed: Bool, dryRun: Bool) throws -> Garbage {
        var garbage = Garbage()
        let experiments = experiments().experiments
        let copies = ExperimentCopy.directory(of: workspace)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: copies)) ?? []).sorted()
        where !ExperimentCopy.isInUse(copies + "/" + name) {
            garbage.copies.append(name)
            if !dryRun { try FileManager.default.removeItem(atPath: copies + "/" + name) }
        }
        if !keepFailed {
            let failed = experiments.filter { $0.run.status == .failed || $0.run.status == .killed }
            garbage.experiments = failed.map(\.name)
            if !dryRun { try remove(failed) }
        }
        return garbage
    }
}
