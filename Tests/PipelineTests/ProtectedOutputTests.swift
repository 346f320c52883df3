import Basics
import Pipeline
import Testing

/// Outputs that repro would delete before running a stage may not be what the
/// project cannot be rebuilt from, nor a folder above it.
@Suite struct ProtectedOutputTests {
    static func errors(outs: [String], kind: String = "outs", wdir: String? = nil,
                       files: [String: String] = [:], pipeline extra: String = "") throws -> [String] {
        let list = outs.map { "      - \"\($0)\"\n" }.joined()
        let text = "stages:\n  s:\n    cmd: echo\n" + (wdir.map { "    wdir: \($0)\n" } ?? "") + "    \(kind):\n" + list + extra
        guard case .failure(let failure) = try PipelineLoaderTests.load(text, files: files) else { return [] }
        return failure.diagnostics.map(\.description)
    }

    @Test(arguments: [
        (".git", "is the git repository ('.git')"),
        ("./.git/", "is the git repository ('.git')"),
        ("a/../.git", "is the git repository ('.git')"),
        (".GIT", "is the git repository ('.git')"),
        (".git/hooks", "is inside the git repository ('.git')"),
        ("pipeline.yaml", "is the pipeline file ('pipeline.yaml')"),
        ("pipeline.lock", "is the lock file ('pipeline.lock')"),
        ("dvc.lock", "is a lock file ('dvc.lock')"),
        ("params.yaml", "is a params file ('params.yaml')"),
        (".sluice", "is sluice's state and cache ('.sluice')"),
        (".sluice/cache", "is inside sluice's state and cache ('.sluice')"),
        ("runs", "is the run store ('runs')"),
        ("runs/20240101-abc", "is inside the run store ('runs')"),
        (".dvc/cache", "is inside DVC's state and cache ('.dvc')"),
    ])
    func protectedPathsAreRefused(out: String, reason: String) throws {
        let errors = try Self.errors(outs: [out])
        let normalized = ProjectPath.normalize(out, root: "/p") ?? out
        let written = normalized == out ? "" : " (written '\(out)')"
        #expect(errors == ["pipeline.yaml:5:9: error: output '\(normalized)'\(written) of stage 's' \(reason)"])
    }

    @Test func metricsAndPlotsAreCheckedToo() throws {
        #expect(try Self.errors(outs: ["params.yaml"], kind: "metrics")
            == ["pipeline.yaml:5:9: error: output 'params.yaml' of stage 's' is a params file ('params.yaml')"])
        #expect(try Self.errors(outs: ["runs/x.csv"], kind: "plots")
            == ["pipeline.yaml:5:9: error: output 'runs/x.csv' of stage 's' is inside the run store ('runs')"])
    }

    @Test func theRootAndFoldersAboveProtectedFilesAreRefused() throws {
        #expect(try Self.errors(outs: ["."]) == ["pipeline.yaml:5:9: error: path '.' is the project root itself"])
        #expect(try Self.errors(outs: ["a/.."]) == ["pipeline.yaml:5:9: error: path 'a/..' is the project root itself"])
        #expect(try Self.errors(outs: [".."], wdir: "src") == ["pipeline.yaml:6:9: error: path '..' is the project root itself"])
        let nested = try Self.errors(outs: ["conf"], files: ["conf/train.yaml": "lr: 1\n"],
                                     pipeline: "    params:\n      - conf/train.yaml: [lr]\n")
        #expect(nested == ["pipeline.yaml:5:9: error: output 'conf' of stage 's' would delete a params file 'conf/train.yaml'"])
    }

    @Test func everyOffendingOutputIsReported() throws {
        let errors = try Self.errors(outs: [".git", "model.json", "runs", "src/../pipeline.yaml"])
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0.contains("of stage 's'") })
        #expect(errors.map { $0.prefix(18) } == ["pipeline.yaml:5:9:", "pipeline.yaml:7:9:", "pipeline.yaml:8:9:"])
    }

    @Test func theHintSaysWhy() throws {
        guard case .failure(let list) = try PipelineLoaderTests.load("stages:\n  s:\n    cmd: echo\n    outs: [.git]\n") else {
            Issue.record("expected a failure")
            return
        }
        #expect(list.diagnostics.first?.hint == "repro deletes a stage's outputs before running it; write outputs to a path of their own")
    }

    @Test func ordinaryOutputsWithSimilarNamesAreFine() throws {
        #expect(try Self.errors(outs: [".gitignore-copy", "runs.csv", "my-runs/x", "data/params.yaml.bak", "sluice"]).isEmpty)
    }
}
