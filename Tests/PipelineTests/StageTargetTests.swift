import Basics
import Pipeline
import Testing

/// Targets as commands accept them: DVC-style addresses, bare names where unique,
/// generated groups, pipeline files and folders.
@Suite struct StageTargetTests {
    static let here = SourceLocation(file: "pipeline.yaml", line: 1, column: 1)

    static func stage(_ file: String, _ name: String) -> StageSpec {
        StageSpec(name: name, file: file, commands: ["x"], location: here)
    }

    /// report (root file), a: make, train, sweep@1, sweep@2; b: use, train, sweep@1; deep/c: only.
    static let pipeline = Pipeline(root: "/p", files: [
        PipelineFile(path: "pipeline.yaml", stages: [stage("pipeline.yaml", "report")]),
        PipelineFile(path: "a/pipeline.yaml", stages: ["make", "train", "sweep@1", "sweep@2"].map { stage("a/pipeline.yaml", $0) }),
        PipelineFile(path: "b/pipeline.yaml", stages: ["use", "train", "sweep@1"].map { stage("b/pipeline.yaml", $0) }),
        PipelineFile(path: "b/deep/c/pipeline.yaml", stages: [stage("b/deep/c/pipeline.yaml", "only")]),
    ])

    func addresses(_ target: String) throws -> [String] {
        try Self.pipeline.stages(matching: target).map { Self.pipeline.stages[$0].address }
    }

    @Test(arguments: [
        ("report", ["report"]), ("pipeline.yaml:report", ["report"]), ("make", ["a/pipeline.yaml:make"]),
        ("a/pipeline.yaml:train", ["a/pipeline.yaml:train"]), ("./b/pipeline.yaml:train", ["b/pipeline.yaml:train"]),
        ("b/pipeline.yaml", ["b/pipeline.yaml:use", "b/pipeline.yaml:train", "b/pipeline.yaml:sweep@1"]),
        ("a/pipeline.yaml:sweep", ["a/pipeline.yaml:sweep@1", "a/pipeline.yaml:sweep@2"]),
        ("b/pipeline.yaml:sweep@1", ["b/pipeline.yaml:sweep@1"]), ("only", ["b/deep/c/pipeline.yaml:only"]),
    ])
    func targetsFindTheirStages(target: String, expected: [String]) throws {
        #expect(try addresses(target) == expected)
    }

    @Test(arguments: [
        ("train", "stage name 'train' is ambiguous: a/pipeline.yaml:train, b/pipeline.yaml:train"),
        ("sweep", "stage name 'sweep' is ambiguous: a/pipeline.yaml:sweep, b/pipeline.yaml:sweep"),
    ])
    func anAmbiguousBareNameListsTheAddresses(target: String, message: String) {
        let error = #expect(throws: Diagnostic.self) { try addresses(target) }
        #expect(error?.message == message)
        #expect(error?.cause == .configuration)
    }

    @Test func unknownTargetsSuggestTheClosestAddress() {
        let inFile = #expect(throws: Diagnostic.self) { try addresses("b/pipeline.yaml:trian") }
        #expect(inFile?.message == "no stage named 'trian' in b/pipeline.yaml")
        #expect(inFile?.hint == "did you mean 'b/pipeline.yaml:train'?")
        let bare = #expect(throws: Diagnostic.self) { try addresses("reprot") }
        #expect(bare?.message == "no stage named 'reprot' in the 4 pipeline files")
        #expect(bare?.hint == "did you mean 'report'?")
    }

    @Test func aFolderTakesTheStagesOfThePipelineFilesInAndBelowIt() throws {
        func folder(_ path: String) throws -> [String] {
            try Self.pipeline.stages(inFolder: path).map { Self.pipeline.stages[$0].address }
        }
        #expect(try folder("b") == ["b/pipeline.yaml:use", "b/pipeline.yaml:train", "b/pipeline.yaml:sweep@1", "b/deep/c/pipeline.yaml:only"])
        #expect(try folder("/p/b/deep") == ["b/deep/c/pipeline.yaml:only"])
        #expect(try folder(".").count == Self.pipeline.stages.count)
        #expect(throws: Diagnostic.self) { try folder("/elsewhere") }
        let none = #expect(throws: Diagnostic.self) { try folder("b/deep/c/data") }
        #expect(none?.message == "no pipeline file in 'b/deep/c/data' or below it")
    }

    @Test func indexOfTakesAnAddressOrAUniqueName() {
        #expect(Self.pipeline.index(of: "a/pipeline.yaml:train") == 2)
        #expect(Self.pipeline.index(of: "use") == 5)
        #expect(Self.pipeline.index(of: "train") == nil)
    }
}
