import Basics
import Pipeline
import PipelineExport
import _TestSupport

/// Pipelines loaded from text in a fresh project, for the renderers' tests.
enum ExportFixtures {
    /// A diamond: `a` feeds `b` and `c`, both feed `d`; `d` has retries and a timeout.
    static let diamond = """
        stages:
          a:
            cmd: echo a > a.txt
            outs: [a.txt]
          b:
            cmd: cp a.txt b.txt
            deps: [a.txt]
            outs: [b.txt]
          c:
            cmd: cp a.txt c.txt
            deps: [a.txt]
            outs: [c.txt]
            meta: {timeout: 90s}
          d:
            desc: Joins b and c.
            cmd: cat b.txt c.txt > d.txt
            deps: [b.txt, c.txt]
            outs: [d.txt]
            meta: {retries: 2, timeout: 30m, owner: someone}
        """

    /// The pipeline of `text`, or the diagnostics loading it raised.
    static func load(_ text: String) throws -> Pipeline {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try PipelineLoader.load(text: text, root: dir.path, displayName: "pipeline.yaml")
    }

    /// The exported form of `text`.
    static func exported(_ text: String) throws -> ExportedPipeline {
        try ExportedPipeline(load(text))
    }
}
