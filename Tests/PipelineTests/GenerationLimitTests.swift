import Basics
import Pipeline
import Testing

/// `foreach` and `matrix` generate at most 100,000 stages, counted before any is built.
@Suite struct GenerationLimitTests {
    static func axes(_ count: Int, values: Int) -> String {
        (0..<count).map { "      a\($0): [\((0..<values).map(String.init).joined(separator: ", "))]\n" }.joined()
    }

    @Test func aMatrixOfTenMillionIsRefusedNamingTheProduct() throws {
        let errors = try PipelineLoaderTests.errors("stages:\n  train:\n    matrix:\n" + Self.axes(7, values: 10) + "    cmd: echo\n")
        #expect(errors == [
            "pipeline.yaml:3:5: error: 'matrix' of stage 'train' would generate 10000000 stages "
                + "(a0: 10 × a1: 10 × a2: 10 × a3: 10 × a4: 10 × a5: 10 × a6: 10), more than 100000",
        ])
    }

    @Test func aProductBeyondIntIsRefusedWithoutOverflowing() throws {
        let errors = try PipelineLoaderTests.errors("stages:\n  train:\n    matrix:\n" + Self.axes(20, values: 10) + "    cmd: echo\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(
            "pipeline.yaml:3:5: error: 'matrix' of stage 'train' would generate more than 9223372036854775807 stages (a0: 10 × ") == true)
    }

    @Test func aLargeForeachIsRefused() throws {
        let items = (0...100_000).map(String.init).joined(separator: ", ")
        let errors = try PipelineLoaderTests.errors("stages:\n  s:\n    foreach: [\(items)]\n    do:\n      cmd: echo ${item}\n")
        #expect(errors == ["pipeline.yaml:3:5: error: 'foreach' of stage 's' would generate 100001 stages, more than 100000"])
    }

    @Test func declarationsTogetherMayNotPassTheLimit() throws {
        let errors = try PipelineLoaderTests.errors("""
            stages:
              a:
                matrix:
            \(Self.axes(4, values: 10))    cmd: echo a
              b:
                matrix:
            \(Self.axes(4, values: 10))    cmd: echo b
              c:
                foreach: [x]
                do:
                  cmd: echo
            """)
        #expect(errors.isEmpty)
        // Ten matrices of 10,000 reach the limit exactly; the eleventh passes it.
        let over = try PipelineLoaderTests.errors(
            (["stages:"] + (0..<11).map { "  m\($0):\n    matrix:\n" + Self.axes(4, values: 10) + "    cmd: echo" }).joined(separator: "\n") + "\n")
        #expect(over == [
            "pipeline.yaml:73:5: error: 'matrix' of stage 'm10' would bring the pipeline to 110000 generated stages "
                + "(a0: 10 × a1: 10 × a2: 10 × a3: 10), more than 100000",
        ])
    }
}
