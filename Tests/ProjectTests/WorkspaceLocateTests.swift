import Basics
import Foundation
import Project
import Testing

@Suite struct WorkspaceLocateTests {
    @Test func findsThePipelineFileInTheStartDirectory() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: nil, from: project.root)
        #expect(workspace.root == project.root)
        #expect(workspace.pipelinePath == project.root + "/pipeline.yaml")
        #expect(workspace.lockPath == project.root + "/pipeline.lock")
        #expect(workspace.stateDirectory == project.root + "/.sluice")
        #expect(workspace.runsDirectory == project.root + "/runs")
    }

    @Test func walksUpToTheNearestParentWithAPipelineFile() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", "src/deep/er/notes.txt": "x"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: nil, from: project.root + "/src/deep/er")
        #expect(workspace.root == project.root)
        #expect(workspace.pipelineName == "pipeline.yaml")
    }

    @Test func theNearestProjectWinsOverAnOuterOne() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", "inner/dvc.yaml": "stages: {}\n", "inner/src/a.txt": "x"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: nil, from: project.root + "/inner/src")
        #expect(workspace.root == project.root + "/inner")
        #expect(workspace.pipelineName == "dvc.yaml")
    }

    @Test func readsDvcYamlWithItsOwnLockFile() throws {
        let project = try TestProject(["dvc.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: nil, from: project.root)
        #expect(workspace.pipelinePath == project.root + "/dvc.yaml")
        #expect(workspace.lockPath == project.root + "/dvc.lock")
        #expect(workspace.lockFiles == ["dvc.lock"])
    }

    @Test func pipelineYamlComesBeforeDvcYamlInOneDirectory() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", "dvc.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        #expect(try Workspace.locate(file: nil, from: project.root).pipelineName == "pipeline.yaml")
    }

    @Test func anExplicitFileIsReadRelativeToTheStartDirectoryAndGivesTheRoot() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", "other/exp.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: "other/../other/exp.yaml", from: project.root)
        #expect(workspace.pipelinePath == project.root + "/other/exp.yaml")
        #expect(workspace.root == project.root + "/other")
        #expect(workspace.lockPath == project.root + "/other/exp.lock")
    }

    @Test func anAbsoluteFileIgnoresTheStartDirectory() throws {
        let project = try TestProject(["sub/pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: project.root + "/sub/pipeline.yaml", from: "/")
        #expect(workspace.root == project.root + "/sub")
    }

    @Test func aMissingFileIsAnErrorNamingIt() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let error = #expect(throws: Diagnostic.self) { try Workspace.locate(file: "nope.yaml", from: project.root) }
        #expect(error?.message.contains("'nope.yaml' does not exist") == true)
        #expect(error?.cause == .configuration)
    }

    @Test func aFolderIsNotAPipelineFile() throws {
        let project = try TestProject(["sub/pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let error = #expect(throws: Diagnostic.self) { try Workspace.locate(file: "sub", from: project.root) }
        #expect(error?.message.contains("a folder") == true)
    }

    @Test func aDeviceIsNotAPipelineFile() {
        let error = #expect(throws: Diagnostic.self) { try Workspace.locate(file: "/dev/zero", from: "/") }
        #expect(error?.message.contains("not a regular file") == true)
    }

    @Test func noPipelineFileUpToTheFilesystemRootIsAnError() throws {
        let project = try TestProject(["src/a.txt": "x"])
        defer { project.directory.remove() }
        let error = #expect(throws: Diagnostic.self) { try Workspace.locate(file: nil, from: project.root + "/src") }
        #expect(error?.message.contains("no pipeline.yaml") == true)
        #expect(error?.hint?.contains("--file") == true)
    }
}

@Suite struct WorkspaceLocateSymlinkTests {
    /// `--file` may name a symbolic link to a pipeline file: the folder/device check
    /// looks at the file the link points to.
    @Test func aSymbolicLinkToAPipelineFileIsAccepted() throws {
        let project = try TestProject(["real/pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.root + "/link.yaml", withDestinationPath: "real/pipeline.yaml")
        let workspace = try Workspace.locate(file: "link.yaml", from: project.root)
        #expect(workspace.pipelinePath == project.root + "/link.yaml")
    }
}
