import Foundation
import RunStore
import _TestSupport

/// A run store in a temporary directory, with helpers to fill it.
struct TestStore {
    let directory: TemporaryDirectory
    let store: RunStore

    init() throws {
        directory = try TemporaryDirectory(prefix: "sluice-runstore")
        store = RunStore(directory: directory.url("runs"))
    }

    /// A finished run started `offset` seconds after 2026-11-22 10:30:00 UTC.
    @discardableResult
    func run(at offset: TimeInterval, name: String? = nil, status: RunStatus = .finished,
             params: FlatValues = FlatValues(), metrics: FlatValues = FlatValues()) throws -> RunWriter {
        let start = TestStore.base.addingTimeInterval(offset)
        let record = RunRecord(name: name, startTime: start, command: ["sluice", "repro"])
        let writer = try store.create(record, id: store.reserveID(at: start))
        try writer.writeParams(params)
        try writer.writeMetrics(metrics)
        if status != .running { try writer.finish(status, at: start.addingTimeInterval(5)) }
        return writer
    }

    static let base = Date(timeIntervalSince1970: 1_795_343_400)  // 2026-11-22T10:30:00Z

    func remove() { directory.remove() }
}

extension FlatValues {
    /// Values from literal pairs, for tests.
    init(_ pairs: KeyValuePairs<String, Double>) {
        self.init()
        for (key, value) in pairs { self[key] = .double(value) }
    }
}
