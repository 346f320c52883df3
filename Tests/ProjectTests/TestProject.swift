import Foundation
import Project
import _TestSupport

/// A project in a temporary directory, written file by file, and its workspace.
struct TestProject {
    let directory: TemporaryDirectory

    /// A fresh project holding `files` (relative path → text).
    init(_ files: [String: String] = [:]) throws {
        directory = try TemporaryDirectory(prefix: "sluice-project")
        for (path, text) in files { try directory.write(path, text) }
    }

    /// The project root (absolute).
    var root: String { directory.path }

    /// The workspace of `pipeline.yaml` at the root.
    var workspace: Workspace { Workspace(pipelinePath: directory.url("pipeline.yaml"), root: root) }

    func write(_ relative: String, _ text: String) throws { try directory.write(relative, text) }
    func read(_ relative: String) throws -> String { try directory.read(relative) }
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: directory.url(relative)) }
}
