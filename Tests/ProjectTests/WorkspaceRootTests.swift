import Basics
import Foundation
import PipelineState
import Project
import Testing

/// The project root (the folder holding `.sluice/`, else the git work tree's root, else
/// the pipeline file's folder) and the pipeline files collected below it.
@Suite struct WorkspaceRootTests {
    static let stages = "stages: {}\n"

    /// A project with `files` and the folders `folders` (for markers such as `.sluice`).
    static func project(_ files: [String], folders: [String] = []) throws -> TestProject {
        let project = try TestProject(Dictionary(uniqueKeysWithValues: files.map { ($0, Self.stages) }))
        for folder in folders {
            try FileManager.default.createDirectory(atPath: project.root + "/" + folder, withIntermediateDirectories: true)
        }
        return project
    }

    @Test(arguments: [".sluice", ".git"])
    func aMarkerAboveTheSubfolderFileMakesTheRoot(marker: String) throws {
        let project = try Self.project(["pipelines/x/dvc.yaml", "pipelines/x/src/a.txt"], folders: [marker])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: nil, from: project.root + "/pipelines/x/src")
        #expect(workspace.root == project.root)
        #expect(workspace.pipelineFiles == ["pipelines/x/dvc.yaml"])
        #expect(workspace.pipelineName == "pipelines/x/dvc.yaml")
        #expect(workspace.lockFiles == ["pipelines/x/dvc.lock"])
        #expect(workspace.stateDirectory == project.root + "/.sluice" && workspace.runsDirectory == project.root + "/runs")
    }

    @Test func aGitFileOfALinkedWorkTreeIsAMarkerToo() throws {
        let project = try Self.project(["sub/pipeline.yaml", ".git"])
        defer { project.directory.remove() }
        #expect(try Workspace.locate(file: nil, from: project.root + "/sub").root == project.root)
    }

    @Test func theNearestSluiceFolderWinsOverTheGitRoot() throws {
        let project = try Self.project(["ml/pipeline.yaml", "ml/sub/pipeline.yaml"], folders: [".git", "ml/.sluice"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: nil, from: project.root + "/ml/sub")
        #expect(workspace.root == project.root + "/ml")
        #expect(workspace.pipelineFiles == ["pipeline.yaml", "sub/pipeline.yaml"])
    }

    @Test func withoutAMarkerThePipelineFilesFolderIsTheRoot() throws {
        let project = try Self.project(["pipelines/x/dvc.yaml"])
        defer { project.directory.remove() }
        #expect(try Workspace.locate(file: nil, from: project.root + "/pipelines/x").root == project.root + "/pipelines/x")
    }

    @Test func aMarkedRootWithPipelineFilesOnlyInSubfoldersIsFoundFromTheRoot() throws {
        let project = try Self.project(["pipelines/b/dvc.yaml", "pipelines/a/dvc.yaml", "data/x.csv"], folders: [".sluice"])
        defer { project.directory.remove() }
        for start in ["", "/data"] {
            let workspace = try Workspace.locate(file: nil, from: project.root + start)
            #expect(workspace.root == project.root)
            #expect(workspace.pipelineFiles == ["pipelines/a/dvc.yaml", "pipelines/b/dvc.yaml"])
        }
    }

    @Test func collectsPipelineYamlFilesBelowTheRootTheRootsFirst() throws {
        let project = try Self.project([
            "pipeline.yaml", "b/pipeline.yaml", "a/deep/er/pipeline.yaml", "a/dvc.yaml", "A/pipeline.yaml",
            ".hidden/pipeline.yaml", "runs/x/pipeline.yaml", "data/runs/pipeline.yaml",
            "nested/pipeline.yaml", "nested/.sluice/config.yaml", "repo/pipeline.yaml", "repo/.git",
        ])
        defer { project.directory.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.root + "/linked", withDestinationPath: project.root + "/b")
        let workspace = try Workspace.locate(file: nil, from: project.root)
        // Hidden folders, the run store, projects of their own and symlinked folders are skipped.
        #expect(workspace.pipelineFiles == ["pipeline.yaml", "A/pipeline.yaml", "a/deep/er/pipeline.yaml", "b/pipeline.yaml",
                                            "data/runs/pipeline.yaml"])
        #expect(workspace.lockFiles == ["pipeline.lock", "A/pipeline.lock", "a/deep/er/pipeline.lock", "b/pipeline.lock",
                                        "data/runs/pipeline.lock"])
    }

    @Test(arguments: [
        // The root's file decides; without one, pipeline.yaml files win when there are any.
        (["dvc.yaml", "a/dvc.yaml", "b/pipeline.yaml"], ["dvc.yaml", "a/dvc.yaml"]),
        (["pipeline.yaml", "dvc.yaml", "a/dvc.yaml", "b/pipeline.yaml"], ["pipeline.yaml", "b/pipeline.yaml"]),
        ([".git", "a/dvc.yaml", "b/pipeline.yaml"], ["b/pipeline.yaml"]),
        ([".git", "a/dvc.yaml", "b/dvc.yaml"], ["a/dvc.yaml", "b/dvc.yaml"]),
    ])
    func oneKindOfPipelineFileIsCollected(files: [String], expected: [String]) throws {
        let project = try Self.project(files)
        defer { project.directory.remove() }
        #expect(try Workspace.locate(file: nil, from: project.root).pipelineFiles == expected)
    }

    @Test func sluiceignoreSkipsFoldersAndFiles() throws {
        let project = try Self.project([
            "pipeline.yaml", "Tests/Fixtures/basic/pipeline.yaml", "a/pipeline.yaml", "b/skip/pipeline.yaml",
            "c/pipeline.yaml", "d/old/pipeline.yaml",
        ])
        defer { project.directory.remove() }
        try project.write(".sluiceignore", "# fixtures are projects of their own\nTests/\n/c/pipeline.yaml\nold\nb/sk?p\n\n")
        #expect(try Workspace.locate(file: nil, from: project.root).pipelineFiles == ["pipeline.yaml", "a/pipeline.yaml"])
    }

    @Test func aFileTheRootDoesNotCollectIsAProjectOfItsOwn() throws {
        let project = try Self.project(["pipeline.yaml", "Tests/fixture/pipeline.yaml", "inner/dvc.yaml", "inner/src/a.txt"],
                                       folders: [".git"])
        defer { project.directory.remove() }
        try project.write(".sluiceignore", "Tests\n")
        // Skipped by .sluiceignore, or of the other kind than the root's: where it is, as before.
        let fixture = try Workspace.locate(file: nil, from: project.root + "/Tests/fixture")
        #expect(fixture.root == project.root + "/Tests/fixture" && fixture.pipelineFiles == ["pipeline.yaml"])
        let inner = try Workspace.locate(file: nil, from: project.root + "/inner/src")
        #expect(inner.root == project.root + "/inner" && inner.pipelineFiles == ["dvc.yaml"])
    }

    @Test func fileNamesOneFileAndTheRootFollowsTheMarkers() throws {
        let project = try Self.project(["pipeline.yaml", "sub/exp.yaml", "other/pipeline.yaml"], folders: [".sluice"])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: "sub/exp.yaml", from: project.root)
        #expect(workspace.root == project.root)
        #expect(workspace.pipelineFiles == ["sub/exp.yaml"])
        #expect(workspace.lockFiles == ["sub/exp.lock"])
    }

    @Test func loadsOnePipelineAndALockFileBesideEachPipelineFile() throws {
        let project = try TestProject([
            "pipeline.yaml": "stages:\n  report:\n    cmd: x\n    deps: [b/used.txt]\n",
            "b/pipeline.yaml": "stages:\n  use:\n    cmd: x\n    outs: [used.txt]\n",
            "b/pipeline.lock": "schema: '1.0'\nstages:\n  use:\n    cmd: x\n",
        ])
        defer { project.directory.remove() }
        let workspace = try Workspace.locate(file: nil, from: project.root)
        let pipeline = try workspace.loadPipeline()
        #expect(pipeline.stages.map(\.address) == ["report", "b/pipeline.yaml:use"])
        #expect(pipeline.graph.successors[1] == [0])
        let locks = try workspace.loadLocks()
        #expect(locks.entry(lock: "b/pipeline.lock", stage: "use")?.commands == ["x"])
        #expect(locks.entry(lock: "pipeline.lock", stage: "use") == nil)
    }
}
