import Basics
import Pipeline
import Testing

/// A params file a stage names but that does not exist: the pipeline still loads (as
/// in DVC, `dag` needs no values), unless `${}` or `vars` needs the file.
@Suite struct AbsentParamsFileTests {
    @Test(arguments: [
        ("    params:\n      - configs/x.yml: [lr, train.depth]\n", "configs/x.yml", 2),
        ("    params:\n      - configs/x.yml:\n", "configs/x.yml", 1),
        ("    params: [lr]\n", "params.yaml", 1),
    ])
    func stageParamsNeedNoFileToLoad(params: String, path: String, references: Int) throws {
        let pipeline = try PipelineLoaderTests.load("stages:\n  a:\n    cmd: echo hi\n" + params, params: nil).get()
        #expect(pipeline.stages[0].parameters.map(\.path) == Array(repeating: path, count: references))
        #expect(pipeline.paramsFiles[path] == nil)
    }

    @Test func theFileIsLocatedWhereItIsNamed() throws {
        let pipeline = try PipelineLoaderTests.load(
            "stages:\n  a:\n    cmd: echo hi\n    params:\n      - configs/x.yml: [lr]\n", params: nil).get()
        let ref = try #require(pipeline.stages[0].parameters.first)
        #expect(ref.fileLocation.description == "pipeline.yaml:5:9")
        #expect(ref.location.description == "pipeline.yaml:5:25")
    }

    @Test(arguments: [
        ("vars: [configs/x.yml]\nstages:\n  a:\n    cmd: echo hi\n",
         "pipeline.yaml:1:8: error: params file 'configs/x.yml' does not exist"),
        ("vars: ['configs/x.yml:lr']\nstages:\n  a:\n    cmd: echo hi\n",
         "pipeline.yaml:1:8: error: params file 'configs/x.yml' does not exist"),
        ("stages:\n  a:\n    cmd: echo ${lr}\n    params: [lr]\n", "pipeline.yaml:3:10: error: 'lr' is not defined"),
    ])
    func interpolationThatNeedsTheFileIsStillALocatedError(pipeline: String, expected: String) throws {
        let errors = try PipelineLoaderTests.errors(pipeline, params: nil)
        #expect(errors.first == expected, "\(errors)")
    }

    @Test func aFileThatExistsButDoesNotParseIsStillAnError() throws {
        let result = try PipelineLoaderTests.load(
            "stages:\n  a:\n    cmd: echo hi\n    params:\n      - configs/x.yml: [lr]\n",
            files: ["configs/x.yml": "lr: [0.1\n"])
        guard case .failure(let list) = result else {
            Issue.record("a params file that does not parse must not load")
            return
        }
        #expect(list.diagnostics.contains { $0.description.hasPrefix("configs/x.yml:") }, "\(list.diagnostics)")
    }

    @Test func aKeyMissingFromAFileThatExistsIsStillAnError() throws {
        let errors = try PipelineLoaderTests.errors(
            "stages:\n  a:\n    cmd: echo hi\n    params: [train.missing]\n", params: "train:\n  lr: 0.1\n")
        #expect(errors == ["pipeline.yaml:4:14: error: 'train.missing' is missing from params.yaml"])
    }
}
