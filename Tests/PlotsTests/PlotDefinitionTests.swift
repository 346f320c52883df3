import Basics
import Pipeline
import Testing
import _TestSupport

/// pipeline.yaml's plot schema: stage outputs' properties and the top-level list.
@Suite struct PlotDefinitionTests {
    static func load(_ text: String) throws -> Pipeline {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try PipelineLoader.load(text: text, root: directory.path, displayName: "pipeline.yaml")
    }

    @Test func stagePlotsKeepTheirProperties() throws {
        let pipeline = try Self.load("""
            stages:
              train:
                cmd: train
                plots:
                  - history.csv
                  - importance.csv: {template: bar_horizontal, x: gain, y: feature, title: Importance, x_label: mean gain, y_label: name, cache: false}
                  - curves.csv: {y: [train, valid]}
            """)
        #expect(pipeline.plots.map(\.id) == ["history.csv", "importance.csv", "curves.csv"])
        #expect(pipeline.plots.allSatisfy { $0.stage == "train" })
        let importance = pipeline.plots[1]
        #expect(importance.template == "bar_horizontal")
        #expect(importance.title == "Importance" && importance.xLabel == "mean gain" && importance.yLabel == "name")
        #expect(importance.sources == [PlotDefinition.Source(declaredPath: "importance.csv", path: "importance.csv", x: "gain", y: ["feature"])])
        #expect(pipeline.plots[2].sources[0].y == ["train", "valid"])
        #expect(pipeline.plots[0].sources[0].x == nil && pipeline.plots[0].sources[0].y.isEmpty)
    }

    @Test func topLevelPlotsDrawSeveralFiles() throws {
        let pipeline = try Self.load("""
            stages:
              a:
                cmd: run
            plots:
              - eval/roc.json
              - Precision-Recall:
                  template: simple
                  x: recall
                  y:
                    eval/prc/train.json: precision
                    eval/prc/test.json: [precision, f1]
              - Mixed:
                  x: {a.csv: step, b.csv: epoch}
                  y: {a.csv: loss, b.csv: loss}
              - logs/acc.tsv:
                  y: acc
            """)
        #expect(pipeline.plots.map(\.id) == ["eval/roc.json", "Precision-Recall", "Mixed", "logs/acc.tsv"])
        let pr = pipeline.plots[1]
        #expect(pr.stage == nil && pr.template == "simple")
        #expect(pr.sources.map(\.path) == ["eval/prc/train.json", "eval/prc/test.json"])
        #expect(pr.sources.map(\.y) == [["precision"], ["precision", "f1"]])
        #expect(pr.sources.map(\.x) == ["recall", "recall"])
        #expect(pipeline.plots[2].sources.map(\.x) == ["step", "epoch"])
        #expect(pipeline.plots[3].sources == [PlotDefinition.Source(declaredPath: "logs/acc.tsv", path: "logs/acc.tsv", y: ["acc"])])
    }

    @Test func unknownPlotPropertyIsLocated() throws {
        do {
            _ = try Self.load("""
                stages:
                  a:
                    cmd: run
                plots:
                  - Loss:
                      x: step
                      ylabel: loss
                      y: {h.csv: loss}
                """)
            Issue.record("an unknown key loaded")
        } catch let list as DiagnosticList {
            let text = list.diagnostics.map(\.description).joined(separator: "\n")
            #expect(text.contains("pipeline.yaml:7:7"))
            #expect(text.contains("unknown key 'ylabel'"))
            #expect(list.diagnostics.first?.hint?.contains("y_label") == true)
        }
    }
}
