import Basics
import Foundation
@testable import MLTasks
import Testing
import _TestSupport

/// A registry index edited by hand: version numbers at the largest integer, names
/// that are paths, metrics that are not finite.
@Suite struct ModelRegistryTests {
    static func version(_ name: String) -> ModelRegistry.Version {
        ModelRegistry.Version(name: name, created: "2026-11-22T10:30:00Z", metrics: [:])
    }

    @Test func theNextVersionAfterTheLargestIntegerIsTheLeastUnused() {
        let registry = ModelRegistry(root: "/nonexistent", name: "m", productionDirectory: "/nonexistent/p")
        #expect(registry.nextVersion(after: []) == "v1")
        #expect(registry.nextVersion(after: [Self.version("v1"), Self.version("v7")]) == "v8")
        #expect(registry.nextVersion(after: [Self.version("v9223372036854775807"), Self.version("v1")]) == "v2")
    }

    @Test func versionsThatAreNotVNumbersAreNotRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = ModelRegistry(root: directory.url("registry"), name: "m", productionDirectory: directory.url("production"))
        try directory.write("registry/m/registry.json", """
            {"name": "m", "production": null, "versions": [
              {"version": "v1", "created": "x", "metrics": {"rmse": 1e999, "r2": 0.5}},
              {"version": "../../outside", "created": "x", "metrics": {}},
              {"version": "v", "created": "x", "metrics": {}}
            ]}
            """)
        try directory.write("outside/model.json", "{}")
        let (versions, _) = try registry.read()
        #expect(versions.map(\.name) == ["v1"])
        #expect(versions.first?.metrics == ["r2": 0.5])
        #expect(throws: Diagnostic.self) { try registry.promote("../../outside") }
        #expect(!FileManager.default.fileExists(atPath: directory.url("production")))
    }
}
