import Basics
import Pipeline
import Testing

/// The stage graph: an edge from the stage writing a path to each stage reading it,
/// a folder above it, or something inside it.
@Suite struct PipelineGraphTests {
    static let location = SourceLocation(file: "pipeline.yaml", line: 1, column: 1)

    static func stage(_ name: String, deps: [String], outs: [String]) -> StageSpec {
        StageSpec(
            name: name, commands: ["true"],
            dependencies: deps.map { DependencySpec(declaredPath: $0, path: $0, location: location) },
            outputs: outs.map { OutputSpec(declaredPath: $0, path: $0, location: location) }, location: location)
    }

    @Test func edgesFollowFoldersBothWays() {
        let pipeline = Pipeline(displayName: "pipeline.yaml", root: "/p", stages: [
            Self.stage("data", deps: [], outs: ["data/raw"]),
            Self.stage("file", deps: ["data/raw/x.csv"], outs: ["data-2"]),
            Self.stage("folder", deps: ["data"], outs: ["data.b/y"]),
            Self.stage("other", deps: ["data-2", "data.b"], outs: ["z"]),
            Self.stage("alone", deps: ["dat", "data/r"], outs: []),
        ])
        #expect(pipeline.graph.successors == [[1, 2], [3], [3], [], []])
        #expect(pipeline.producer(of: "data/raw/x.csv") == 0)
        #expect(pipeline.producer(of: "data/raw") == 0)
        #expect(pipeline.producer(of: "data") == nil)
        #expect(pipeline.producer(of: "data.b/y/z") == 2)
    }

    @Test func theRootAsAnOutputOrADependencyOverlapsEverything() {
        let pipeline = Pipeline(displayName: "pipeline.yaml", root: "/p", stages: [
            Self.stage("all", deps: [], outs: ["."]),
            Self.stage("reader", deps: ["a/b"], outs: ["c"]),
            Self.stage("everything", deps: ["."], outs: []),
        ])
        #expect(pipeline.graph.successors == [[1, 2], [2], []])
        #expect(pipeline.producer(of: "anything/at/all") == 0)
    }

    @Test func graphMatchesTheDefinitionOnRandomPaths() {
        // Components that sort between a folder and the paths inside it ("a-b", "a.b").
        let parts = ["a", "b", "a-b", "a.b", "a b", "é"]
        var random = SeededGenerator(seed: 7)
        func path() -> String {
            (0...random.nextIndex(below: 3)).map { _ in parts[random.nextIndex(below: parts.count)] }.joined(separator: "/")
        }
        for _ in 0..<30 {
            let stages = (0..<(1 + random.nextIndex(below: 12))).map { index in
                Self.stage("s\(index)", deps: (0..<random.nextIndex(below: 3)).map { _ in path() },
                           outs: (0..<random.nextIndex(below: 3)).map { _ in path() })
            }
            let pipeline = Pipeline(displayName: "pipeline.yaml", root: "/p", stages: stages)
            for (consumer, stage) in stages.enumerated() {
                let expected = stages.indices.filter { producer in
                    stage.dependencies.contains { dependency in
                        stages[producer].outputs.contains {
                            ProjectPath.isInside(dependency.path, $0.path) || ProjectPath.isInside($0.path, dependency.path)
                        }
                    }
                }
                #expect(pipeline.graph.predecessors[consumer] == expected)
                for dependency in stage.dependencies {
                    let producer = stages.indices.first { stages[$0].outputs.contains { ProjectPath.isInside(dependency.path, $0.path) } }
                    #expect(pipeline.producer(of: dependency.path) == producer)
                }
            }
        }
    }

    @Test func aLongChainLoadsWithEveryEdge() throws {
        let count = 12_000
        var text = "stages:\n"
        for i in 0..<count { text += "  s\(i):\n    cmd: echo \(i) > f_\(i + 1)\n    deps: [f_\(i)]\n    outs: [f_\(i + 1)]\n" }
        let pipeline = try PipelineLoaderTests.load(text).get()
        #expect(pipeline.stages.count == count)
        #expect(pipeline.graph.topologicalOrder() == Array(0..<count))
        #expect(pipeline.graph.successors[count - 2] == [count - 1])
        #expect(pipeline.graph.predecessors[0].isEmpty)
    }
}

/// Whether a missing dependency may yet be produced: some stage writes it, a folder
/// above it, or something inside it.
@Suite struct ProducerLookupTests {
    @Test(arguments: [
        ("data/raw/x.csv", true), ("data/raw", true), ("data", true), ("data/raw/x.csv/part", true),
        ("model/weights.bin", true), ("data/other.csv", false), ("dat", false), ("data.b", false), ("elsewhere", false),
    ])
    func producerIsFoundForPathsOverlappingAnOutput(path: String, produced: Bool) {
        let pipeline = Pipeline(displayName: "pipeline.yaml", root: "/p", stages: [
            PipelineGraphTests.stage("ingest", deps: [], outs: ["data/raw/x.csv"]),
            PipelineGraphTests.stage("train", deps: ["data/raw"], outs: ["model"]),
        ])
        #expect(pipeline.hasProducer(overlapping: path) == produced)
    }

    @Test func anOutputAtTheRootProducesEverything() {
        let pipeline = Pipeline(displayName: "pipeline.yaml", root: "/p", stages: [
            PipelineGraphTests.stage("all", deps: [], outs: ["."]),
        ])
        #expect(pipeline.hasProducer(overlapping: "anything/at/all"))
        #expect(!Pipeline(displayName: "pipeline.yaml", root: "/p", stages: []).hasProducer(overlapping: "a"))
    }
}
