import Basics
import Plots
import Testing
import _TestSupport

/// Every data format a plot draws, and the files it refuses.
@Suite struct PlotDataReaderTests {
    static func read(_ name: String, _ text: String) throws -> PlotData {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(name, text)
        return try PlotDataReader.read(path: directory.url(name), displayName: name)
    }

    @Test(arguments: [
        ("h.csv", "step,loss,phase\n0,1.5,a\n1,0.75,b\n"),
        ("h.tsv", "step\tloss\tphase\n0\t1.5\ta\n1\t0.75\tb\n"),
        ("h.json", #"[{"step": 0, "loss": 1.5, "phase": "a"}, {"step": 1, "loss": 0.75, "phase": "b"}]"#),
        ("h.json", #"{"train": [{"step": 0, "loss": 1.5, "phase": "a"}, {"step": 1, "loss": 0.75, "phase": "b"}]}"#),
        ("h.yaml", "- {step: 0, loss: 1.5, phase: a}\n- {step: 1, loss: 0.75, phase: b}\n"),
        ("h.yml", "train:\n  - step: 0\n    loss: 1.5\n    phase: a\n  - step: 1\n    loss: 0.75\n    phase: b\n"),
    ])
    func everyFormatGivesTheSameColumns(name: String, text: String) throws {
        let data = try Self.read(name, text)
        #expect(data.columnNames == ["step", "loss", "phase"])
        #expect(data["step"] == .numbers([0, 1]))
        #expect(data["loss"]?.numbers == [1.5, 0.75])
        #expect(data["phase"] == .texts(["a", "b"]))
    }

    @Test func recordsWithMissingKeysHoleTheColumn() throws {
        let data = try PlotDataReader.records(.array([.object(["a": .int(1)]), .object(["b": .string("x")]), .object(["a": .double(2.5), "b": .null])]), file: "r.json")
        #expect(data.columnNames == ["a", "b"])
        #expect(data.rowCount == 3)
        let a = data["a"]?.numbers ?? []
        #expect(a.count == 3 && a[0] == 1 && a[1].isNaN && a[2] == 2.5)
        #expect(data["b"] == .texts(["", "x", ""]))
    }

    @Test func anUnknownKindIsALocatedError() throws {
        let location = SourceLocation(file: "pipeline.yaml", line: 4, column: 9)
        do {
            _ = try PlotDataReader.read(path: "/nonexistent/plot.txt", displayName: "out/plot.txt", at: location)
            Issue.record("a text file was read as data")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.description.hasPrefix("pipeline.yaml:4:9: error: plot data file out/plot.txt is not CSV, TSV, JSON or YAML"))
            #expect(diagnostic.cause == .configuration)
        }
    }

    @Test func aJSONScalarHasNoRows() throws {
        #expect(throws: Diagnostic.self) { try Self.read("m.json", #"{"rmse": 3.2}"#) }
    }
}
