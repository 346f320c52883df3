import Basics
import Pipeline
import Testing
import _TestSupport

@Suite struct PipelineLoaderTests {
    /// Loads `pipeline` in a fresh project holding `params`; returns the pipeline or the diagnostics.
    static func load(_ pipeline: String, params: String? = "train:\n  lr: 0.1\n  depth: 6\nseed: 42\n",
                     files: [String: String] = [:]) throws -> Result<Pipeline, DiagnosticList> {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        if let params { try dir.write("params.yaml", params) }
        for (path, text) in files { try dir.write(path, text) }
        do {
            return .success(try PipelineLoader.load(text: pipeline, root: dir.path, displayName: "pipeline.yaml"))
        } catch let list as DiagnosticList {
            return .failure(list)
        }
    }

    static func errors(_ pipeline: String, params: String? = "train:\n  lr: 0.1\n") throws -> [String] {
        guard case .failure(let list) = try load(pipeline, params: params) else { return [] }
        return list.diagnostics.map(\.description)
    }

    @Test func readsTheDVCStageSchema() throws {
        let pipeline = try Self.load("""
            stages:
              prepare:
                cmd: python prepare.py
                deps: [data/raw.csv]
                outs:
                  - data/prepared
              train:
                cmd:
                  - python train.py
                  - echo done
                wdir: .
                deps: [data/prepared]
                params: [train]
                outs:
                  - models/model.json: {cache: false, persist: true, desc: the model}
                metrics:
                  - metrics.json: {cache: false}
                plots:
                  - history.csv: {x: step, y: loss}
                always_changed: false
                frozen: false
                desc: trains
                meta: {owner: me}
            """).get()
        #expect(pipeline.stages.map(\.name) == ["prepare", "train"])
        let train = pipeline.stages[1]
        #expect(train.commands == ["python train.py", "echo done"])
        #expect(train.parameters.map(\.key) == ["train"])
        #expect(train.outputs.map(\.path) == ["models/model.json", "metrics.json", "history.csv"])
        #expect(train.outputs.map(\.kind) == [.outs, .metrics, .plots])
        #expect(train.outputs[0].cache == false && train.outputs[0].persist == true)
        #expect(train.outputs[2].cache == true)
        #expect(pipeline.graph.successors[0] == [1])
    }

    @Test func interpolatesParamsAndTracksThem() throws {
        let pipeline = try Self.load("""
            stages:
              train:
                cmd: python train.py --lr ${train.lr} --seed ${seed}
                outs:
                  - model-${train.depth}.json
            """).get()
        let stage = pipeline.stages[0]
        #expect(stage.commands == ["python train.py --lr 0.1 --seed 42"])
        #expect(stage.outputs[0].path == "model-6.json")
        #expect(Set(stage.parameters.compactMap(\.key)) == ["train.lr", "seed", "train.depth"])
    }

    @Test func varsAndEscapes() throws {
        let pipeline = try Self.load("""
            vars:
              - name: world
            stages:
              hello:
                cmd: echo ${name} \\${literal}
            """).get()
        #expect(pipeline.stages[0].commands == ["echo world ${literal}"])
    }

    @Test func foreachOverListAndMapping() throws {
        let pipeline = try Self.load("""
            stages:
              build:
                foreach: [a, b]
                do:
                  cmd: make ${item}
                  outs:
                    - out/${item}
              fit:
                foreach:
                  small: {depth: 2}
                  large: {depth: 8}
                do:
                  cmd: fit --name ${key} --depth ${item.depth}
            """).get()
        #expect(pipeline.stages.map(\.name) == ["build@a", "build@b", "fit@small", "fit@large"])
        #expect(pipeline.stages[3].commands == ["fit --name large --depth 8"])
    }

    @Test func matrixGeneratesTheCartesianProduct() throws {
        let pipeline = try Self.load("""
            stages:
              train:
                matrix:
                  model: [cnn, xgb]
                  lr: [0.1, 1]
                cmd: train ${item.model} ${item.lr}
            """).get()
        #expect(pipeline.stages.map(\.name) == ["train@cnn-0.1", "train@cnn-1", "train@xgb-0.1", "train@xgb-1"])
        #expect(pipeline.stages[2].commands == ["train xgb 0.1"])
    }

    @Test func unknownKeysAreErrorsWithSuggestions() throws {
        let errors = try Self.errors("""
            stages:
              train:
                cmd: x
                dep: [a]
            """)
        #expect(errors == ["pipeline.yaml:4:5: error: unknown key 'dep' in stage 'train'"])
        guard case .failure(let list) = try Self.load("stages:\n  t:\n    cmd: x\n    dep: [a]\n") else { return }
        #expect(list.diagnostics[0].hint == "did you mean 'deps'?")
    }

    @Test func reportsEveryErrorAtOnce() throws {
        let errors = try Self.errors("""
            stages:
              a:
                cmd: x
                outs: [out.txt, .]
                params: [train.missing_key]
              b:
                cmd: y
                outs: [out.txt]
            """)
        #expect(errors.contains("pipeline.yaml:4:21: error: path '.' is the project root itself"))
        #expect(errors.contains("pipeline.yaml:5:14: error: 'train.missing_key' is missing from params.yaml"))
        #expect(errors.contains("pipeline.yaml:8:12: error: output 'out.txt' of stage 'b' is already an output of stage 'a'"))
    }

    @Test func cyclesArePrintedAlongTheCycle() throws {
        let errors = try Self.errors("""
            stages:
              a:
                cmd: x
                deps: [b.txt]
                outs: [a.txt]
              b:
                cmd: y
                deps: [a.txt]
                outs: [b.txt]
            """)
        #expect(errors == ["pipeline.yaml:2:3: error: dependency cycle: a -> b -> a"])
    }

    @Test func overlappingOutputsAreErrors() throws {
        let errors = try Self.errors("""
            stages:
              a:
                cmd: x
                outs: [data]
              b:
                cmd: y
                outs: [data/part.csv]
            """)
        #expect(errors == ["pipeline.yaml:7:12: error: output 'data/part.csv' of stage 'b' is inside output 'data' of stage 'a'"])
    }

    @Test func undefinedInterpolationNamesTheVariable() throws {
        let errors = try Self.errors("stages:\n  a:\n    cmd: echo ${trian.lr}\n")
        #expect(errors == ["pipeline.yaml:3:10: error: 'trian.lr' is not defined"])
    }

    @Test func otherParamsFilesAndWholeFiles() throws {
        let pipeline = try Self.load("""
            stages:
              a:
                cmd: x
                params:
                  - other.yaml: [opt.k]
                  - whole.yaml:
            """, files: ["other.yaml": "opt: {k: 1}\n", "whole.yaml": "x: 1\ny: 2\n"]).get()
        #expect(pipeline.stages[0].parameters.map(\.path) == ["other.yaml", "whole.yaml"])
        #expect(pipeline.stages[0].parameters.map(\.key) == ["opt.k", nil])
    }

    @Test func wdirMakesPathsRelativeToIt() throws {
        let pipeline = try Self.load("""
            stages:
              a:
                cmd: x
                wdir: src
                deps: [../data/in.csv]
                outs: [out.csv]
            """).get()
        #expect(pipeline.stages[0].dependencies[0].path == "data/in.csv")
        #expect(pipeline.stages[0].outputs[0].path == "src/out.csv")
        #expect(pipeline.stages[0].outputs[0].declaredPath == "out.csv")
    }
}

@Suite struct ProjectPathTests {
    @Test(arguments: [
        ("a/./b//c/", ".", "a/b/c"), ("../x", "src", "x"), ("x", "src", "src/x"), ("/root/p/a", ".", "a"),
    ])
    func normalizes(declared: String, wdir: String, expected: String) {
        #expect(ProjectPath.normalize(declared, workingDirectory: wdir, root: "/root/p") == expected)
    }

    @Test func refusesPathsOutsideTheRoot() {
        #expect(ProjectPath.normalize("../x", root: "/root/p") == nil)
        #expect(ProjectPath.normalize("/etc/passwd", root: "/root/p") == nil)
    }

    @Test(arguments: [
        ("data/x.csv", ".", "data/x.csv"), ("../shared/x.csv", ".", "/root/shared/x.csv"), ("../x", "src", "x"),
        ("../../x", "src", "/root/x"), ("/etc/passwd", ".", "/etc/passwd"), ("/root/p/../p/a", ".", "a"),
        ("/root/p", ".", "."), ("../p/a", ".", "a"), ("../../../../x", ".", "/x"),
        // Plain paths are joined without normalizing; anything else takes the long way.
        ("src/a.b/...", "w", "w/src/a.b/..."), (".hidden/x", "w/v", "w/v/.hidden/x"), ("./x", "w", "w/x"),
        ("a//b", ".", "a/b"), ("data/", ".", "data"), ("a/./b/../c", "w", "w/a/c"), (".", "w", "w"), ("..", "w", "."),
    ])
    func resolvesInsideAsRootRelativeAndOutsideAsAbsolute(declared: String, wdir: String, expected: String) {
        let resolved = ProjectPath.resolve(declared, workingDirectory: wdir, root: "/root/p")
        #expect(resolved == expected)
        #expect(ProjectPath.isExternal(resolved) == expected.hasPrefix("/"))
    }

    @Test func absolutePathsOfBothKinds() {
        #expect(ProjectPath.absolute("a/b", root: "/root/p") == "/root/p/a/b")
        #expect(ProjectPath.absolute(".", root: "/root/p") == "/root/p")
        #expect(ProjectPath.absolute("/etc/x", root: "/root/p") == "/etc/x")
    }

    @Test func relativeFromWorkingDirectory() {
        #expect(ProjectPath.relative("data/x.csv", from: "src") == "../data/x.csv")
        #expect(ProjectPath.relative("src/a", from: "src") == "a")
    }
}
