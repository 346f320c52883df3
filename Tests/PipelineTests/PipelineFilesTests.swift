import Basics
import Foundation
import Pipeline
import Testing
import _TestSupport

/// Several pipeline files loaded into one pipeline: paths relative to each file's
/// folder, normalized relative to the project root; one graph; every file's errors at once.
@Suite struct PipelineFilesTests {
    /// Loads `pipelineFiles` (root-relative path → text) from a project holding `files` too.
    static func load(_ pipelineFiles: [(String, String)], files: [String: String] = [:]) throws -> Result<Pipeline, DiagnosticList> {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (path, text) in pipelineFiles { try dir.write(path, text) }
        for (path, text) in files { try dir.write(path, text) }
        do {
            return .success(try PipelineLoader.load(files: pipelineFiles.map(\.0), root: dir.path))
        } catch let list as DiagnosticList {
            return .failure(list)
        }
    }

    static func errors(_ pipelineFiles: [(String, String)], files: [String: String] = [:]) throws -> [String] {
        guard case .failure(let list) = try load(pipelineFiles, files: files) else { return [] }
        return list.diagnostics.map(\.description)
    }

    @Test func pathsInASubfolderFileAreRelativeToItsFolderAndItsWdir() throws {
        let pipeline = try Self.load([("pipelines/x/dvc.yaml", """
            stages:
              prepare:
                wdir: ../..
                cmd: python prepare.py
                deps: [data/raw.csv, ../extra.csv]
                outs: [data/prepared.csv]
              count:
                cmd: wc -l
                deps: [../../data/prepared.csv]
                outs: [count.txt]
            """)]).get()
        let prepare = pipeline.stages[0], count = pipeline.stages[1]
        #expect(prepare.file == "pipelines/x/dvc.yaml" && prepare.address == "pipelines/x/dvc.yaml:prepare")
        #expect(prepare.workingDirectory == ".")
        // `wdir: ../..` reaches the root; from there `../extra.csv` is outside it.
        let parent = (pipeline.root as NSString).deletingLastPathComponent
        #expect(prepare.dependencies.map(\.path) == ["data/raw.csv", parent + "/extra.csv"])
        #expect(prepare.dependencies.map(\.isExternal) == [false, true])
        #expect(count.workingDirectory == "pipelines/x")
        #expect(count.dependencies[0].path == "data/prepared.csv" && count.outputs[0].path == "pipelines/x/count.txt")
        #expect(pipeline.graph.successors[0] == [1])
        #expect(pipeline.files == ["pipelines/x/dvc.yaml"])
    }

    @Test func aWdirOutsideTheRootIsALocatedErrorInItsFile() throws {
        let errors = try Self.errors([("sub/pipeline.yaml", "stages:\n  s:\n    wdir: ../..\n    cmd: x\n")])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("sub/pipeline.yaml:3:11: error: 'wdir' ../.. is outside the project root") == true, "\(errors)")
    }

    @Test func dependenciesAndOutputsOutsideTheRootLoadAsExternal() throws {
        let pipeline = try Self.load([("pipeline.yaml", """
            stages:
              s:
                cmd: x
                deps: [../shared/in.csv, /opt/data/table.csv]
                outs: [../shared/out.csv]
            """)]).get()
        let parent = (pipeline.root as NSString).deletingLastPathComponent
        #expect(pipeline.stages[0].dependencies.map(\.path) == [parent + "/shared/in.csv", "/opt/data/table.csv"])
        #expect(pipeline.stages[0].dependencies.allSatisfy { $0.isExternal })
        #expect(pipeline.stages[0].outputs[0].path == parent + "/shared/out.csv" && pipeline.stages[0].outputs[0].isExternal)
        // The lock file records what was written.
        #expect(pipeline.stages[0].dependencies[0].declaredPath == "../shared/in.csv")
    }

    @Test func aDependencyHoldingTheRootIsRefused() throws {
        let errors = try Self.errors([("pipeline.yaml", "stages:\n  s:\n    cmd: x\n    deps: [..]\n")])
        #expect(errors == ["pipeline.yaml:4:12: error: path '..' holds the project root"])
    }

    @Test func aStageInOneFileDependsOnAnOutputOfAnother() throws {
        let pipeline = try Self.load([
            ("pipeline.yaml", "stages:\n  report:\n    cmd: x\n    deps: [b/used.txt]\n    outs: [report.txt]\n"),
            ("a/pipeline.yaml", "stages:\n  make:\n    cmd: x\n    outs: [made.txt]\n"),
            ("b/pipeline.yaml", "stages:\n  use:\n    cmd: x\n    deps: [../a/made.txt]\n    outs: [used.txt]\n"),
        ]).get()
        #expect(pipeline.stages.map(\.address) == ["report", "a/pipeline.yaml:make", "b/pipeline.yaml:use"])
        #expect(pipeline.graph.topologicalOrder() == [1, 2, 0])
        #expect(pipeline.files == ["pipeline.yaml", "a/pipeline.yaml", "b/pipeline.yaml"])
    }

    @Test func everyFilesErrorsShowAtOnceAndDuplicateOutputsNameBothPlaces() throws {
        let errors = try Self.errors([
            ("a/pipeline.yaml", "stages:\n  make:\n    cmd: x\n    outs: [made.txt]\n    dep: [x]\n"),
            ("b/pipeline.yaml", "stages:\n  use:\n    cmd: x\n    outs: [../a/made.txt]\n"),
        ])
        #expect(errors == [
            "a/pipeline.yaml:5:5: error: unknown key 'dep' in stage 'make'",
            "b/pipeline.yaml:4:12: error: output 'a/made.txt' of stage 'b/pipeline.yaml:use' is already an output of stage "
                + "'a/pipeline.yaml:make' (a/pipeline.yaml:4:12)",
        ])
    }

    @Test func aCycleAcrossFilesIsNamedByAddresses() throws {
        let errors = try Self.errors([
            ("a/pipeline.yaml", "stages:\n  s:\n    cmd: x\n    deps: [../b/y]\n    outs: [x]\n"),
            ("b/pipeline.yaml", "stages:\n  s:\n    cmd: x\n    deps: [../a/x]\n    outs: [y]\n"),
        ])
        #expect(errors.first?.contains("dependency cycle: a/pipeline.yaml:s -> b/pipeline.yaml:s -> a/pipeline.yaml:s") == true, "\(errors)")
    }

    @Test func paramsAndVarsOfASubfolderFileAreBesideIt() throws {
        let pipeline = try Self.load([("sub/pipeline.yaml", """
            vars: [config.yaml]
            stages:
              train:
                cmd: train --lr ${train.lr} --seed ${seed}
                params: [train.depth]
            """)], files: [
                "params.yaml": "train:\n  lr: 9\n  depth: 9\n",
                "sub/params.yaml": "train:\n  lr: 0.1\n  depth: 6\n",
                "sub/config.yaml": "seed: 42\n",
            ]).get()
        let stage = pipeline.stages[0]
        #expect(stage.commands == ["train --lr 0.1 --seed 42"])
        #expect(stage.parameters.map(\.path) == ["sub/params.yaml", "sub/params.yaml", "sub/config.yaml"])
        #expect(stage.parameters.map(\.file) == ["params.yaml", "params.yaml", "config.yaml"])
        #expect(pipeline.paramsFiles["sub/params.yaml"]?.value(at: "train.depth") == .int(6))
    }

    @Test func theRootFilesOtherNamesAreProtectedAsOutputs() throws {
        let errors = try Self.errors([
            ("a/pipeline.yaml", "stages:\n  s:\n    cmd: x\n    outs: [../b/pipeline.lock]\n"),
            ("b/pipeline.yaml", "stages:\n  t:\n    cmd: x\n    outs: [out]\n"),
        ])
        #expect(errors.first?.contains("output 'b/pipeline.lock' (written '../b/pipeline.lock') of stage 'a/pipeline.yaml:s' is the lock file") == true,
                "\(errors)")
    }
}
