import Basics
import Foundation
import RunStore

extension FuzzTarget {
    /// A run folder, read as `runs list`, `runs show`, `runs compare` and `runs
    /// export --mlflow` read it, through everything of theirs the RunStore module
    /// holds: the record, params, metrics and history as JSON, filters, references,
    /// the comparison of values, and the MLflow export.
    static func runRun(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let store = RunStore(directory: sandbox.runsDirectory)
        let (runs, problems) = store.runs()
        if let problem = problems.first { throw problem }
        guard let run = runs.first else { return .mismatch("the run folder is neither a run nor a problem") }
        _ = JSONWriter.pretty.string(run.json)
        _ = Timestamp.string(run.record.startTime)
        _ = run.record.endTime.map(Timestamp.string)
        _ = run.record.duration
        _ = run.record.command.joined(separator: " ")
        for filter in ["rmse<3.5", "name==baseline", "train.seed>=0"] {
            _ = try? RunFilter(parsing: filter).matches(run)
        }
        _ = try? RunReference.resolve("latest", in: runs)
        _ = try? RunReference.resolve(String(run.id.prefix(8)), in: runs)
        let comparison = ValueComparison([run.params, run.metrics])
        _ = comparison.rows.map(\.json)
        _ = comparison.changedRows.count
        // The export writes a file per param and metric, each with fsync: a tenth of the
        // inputs, chosen by their bytes so that a replay makes the same choice.
        guard Self.selects(bundle, oneIn: 10) else { return .accepted }
        defer { try? FileManager.default.removeItem(atPath: sandbox.mlflowDirectory) }
        _ = try MLflowExporter(root: sandbox.mlflowDirectory, experimentName: "fuzz")
            .export(runs, now: Date(timeIntervalSince1970: 1_767_225_600))
        return .accepted
    }

    /// Whether an input is among one in `n`, by a hash of its bytes.
    static func selects(_ bundle: FuzzBundle, oneIn n: UInt64) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for member in bundle.members {
            for byte in member.bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return hash % n == 0
    }
}
