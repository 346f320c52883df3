import Basics
import Pipeline
import Testing

/// `${…}` in long strings and with many parameters.
@Suite struct InterpolationTests {
    @Test func thousandsOfReferencesToALongValue() throws {
        let value = String(repeating: "x", count: 1000)
        let references = Array(repeating: "${a}", count: 8000).joined(separator: " ")
        let pipeline = try PipelineLoaderTests.load(
            "stages:\n  s:\n    cmd: echo \(references)\n", params: "a: \(value)\n").get()
        let command = try #require(pipeline.stages.first?.commands.first)
        #expect(command == "echo " + Array(repeating: value, count: 8000).joined(separator: " "))
        #expect(pipeline.stages[0].parameters.compactMap(\.key) == ["a"])
    }

    @Test func textAroundReferencesIsKeptAsWritten() throws {
        let pipeline = try PipelineLoaderTests.load("""
            vars:
              - name: wörld
                list: [1, 2.50, x]
            stages:
              s:
                cmd: "é${name}ü \\\\${kept} ${list}${ name }"
            """).get()
        #expect(pipeline.stages[0].commands == ["éwörldü ${kept} 1 2.5 xwörld"])
    }

    @Test func anUnclosedReferenceInALongStringIsQuotedShort() throws {
        let long = String(repeating: "a", count: 500)
        let errors = try PipelineLoaderTests.errors("stages:\n  s:\n    cmd: echo ${\(long)\n")
        #expect(errors == ["pipeline.yaml:3:10: error: unclosed '${' in 'echo ${\(String(repeating: "a", count: 73))…'"])
    }

    @Test func everyDistinctParameterIsTrackedOnceAndSectionsCoverTheirKeys() throws {
        let count = 2000
        let params = "t:\n" + (0..<count).map { "  p\($0): \($0)\n" }.joined() + "u:\n  a: 1\n  b: 2\n"
        let references = (0..<count).map { "${t.p\($0)}" }.joined(separator: " ")
        let pipeline = try PipelineLoaderTests.load("""
            stages:
              s:
                cmd: echo \(references) ${t.p7} ${u.a} ${u.b}
                params: [u]
            """, params: params).get()
        let keys = pipeline.stages[0].parameters.compactMap(\.key)
        #expect(keys == ["u"] + (0..<count).map { "t.p\($0)" })
        #expect(pipeline.stages[0].commands[0].hasSuffix(" 1999 7 1 2"))
    }
}
