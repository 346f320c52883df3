import Basics
import Pipeline
import Testing

/// The top-level `runs: {columns: …}` setting.
@Suite struct RunColumnsTests {
    static let stage = "stages:\n  a:\n    cmd: echo a\n"

    @Test func columnsAreRead() throws {
        let result = try PipelineLoaderTests.load(Self.stage + "runs:\n  columns: [rmse, val.r2, 2024]\n")
        #expect(try result.get().runColumns == ["rmse", "val.r2", "2024"])
    }

    @Test func noSettingMeansNoColumns() throws {
        #expect(try PipelineLoaderTests.load(Self.stage).get().runColumns == [])
    }

    @Test(arguments: [
        ("runs: [rmse]\n", "pipeline.yaml:4:7: error: 'runs' must be a mapping"),
        ("runs:\n  columns: {rmse: 1}\n", "pipeline.yaml:5:12: error: 'runs.columns' must be a list"),
        ("runs:\n  columns: [[rmse]]\n", "pipeline.yaml:5:13: error: an entry of 'runs.columns' must be a string"),
        ("runs:\n  order: [rmse]\n", "pipeline.yaml:5:3: error: unknown key 'order' in 'runs' of pipeline.yaml"),
    ])
    func mistakesAreLocated(text: String, expected: String) throws {
        let errors = try PipelineLoaderTests.errors(Self.stage + text)
        #expect(errors.contains { $0.hasPrefix(expected) }, "\(errors)")
    }
}
