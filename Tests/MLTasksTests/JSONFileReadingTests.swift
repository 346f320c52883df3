import Basics
import Foundation
@testable import MLTasks
import Testing
import _TestSupport

/// The JSON files the tasks read (registry index, metadata, preprocessor, metrics)
/// go through the strict JSON reader: YAML in a `.json` file is a located error.
@Suite struct JSONFileReadingTests {
    /// The location of the error `body` throws, or `nil` when it throws none.
    static func errorLocation(_ body: () throws -> Void) -> Basics.SourceLocation? {
        do {
            try body()
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic.location
        } catch {
            return nil
        }
    }

    @Test func registryIndexIsReadAsJSON() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let registry = ModelRegistry(root: dir.path, name: "housing", productionDirectory: dir.url("production"))
        let index = try dir.write("housing/registry.json", #"{"versions": [{"version": "v1", "created": "2026-01-01T00:00:00Z", "metrics": {"rmse": 3, "r2": 0.5}}], "production": "v1"}"#)
        let (versions, production) = try registry.read()
        #expect(versions == [ModelRegistry.Version(name: "v1", created: "2026-01-01T00:00:00Z", metrics: ["rmse": 3, "r2": 0.5])])
        #expect(production == "v1")
        try "versions:\n  - version: v1\n".write(toFile: index, atomically: true, encoding: .utf8)
        #expect(Self.errorLocation { _ = try registry.read() } == Basics.SourceLocation(file: index, line: 1, column: 1))
    }

    @Test func metadataAndPreprocessorAreReadAsJSON() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let metadata = try dir.write("metadata.json", #"{"data": {"test": {"sha256": "abc"}}}"#)
        #expect(try ModelMetadata.read(metadata).testDataHash == "abc")
        try "data: {test: {sha256: abc}}\n".write(toFile: metadata, atomically: true, encoding: .utf8)
        #expect(Self.errorLocation { _ = try ModelMetadata.read(metadata) } == Basics.SourceLocation(file: metadata, line: 1, column: 1))
        let preprocessor = try dir.write("preprocessor.json", "# written by hand\n{}\n")
        #expect(Self.errorLocation { _ = try Preprocessor.load(path: preprocessor, displayName: "models/preprocessor.json") }
            == Basics.SourceLocation(file: "models/preprocessor.json", line: 1, column: 1))
    }

    @Test func metricsFilesAreJSONByNameAndYAMLOtherwise() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let json = try dir.write("metrics.json", #"{"rmse": 2.5, "detail": {"n": 4}, "label": "x"}"#)
        #expect(try ExportTask.readMetrics(json) == ["rmse": 2.5, "detail.n": 4])
        let yaml = try dir.write("metrics.yaml", "rmse: 2.5\ndetail:\n  n: 4\n")
        #expect(try ExportTask.readMetrics(yaml) == ["rmse": 2.5, "detail.n": 4])
        try "rmse: 2.5\n".write(toFile: json, atomically: true, encoding: .utf8)
        #expect(Self.errorLocation { _ = try ExportTask.readMetrics(json) } == Basics.SourceLocation(file: json, line: 1, column: 1))
    }
}
