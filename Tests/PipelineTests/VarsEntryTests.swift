import Basics
import Pipeline
import Testing

/// `vars:` entries that name no file are located errors, never a crash.
@Suite struct VarsEntryTests {
    @Test(arguments: [
        (#"vars: [""]"#, "an empty name"),
        (#"vars: [":"]"#, "':', which has no file name before ':'"),
        (#"vars: [":a,b"]"#, "':a,b', which has no file name before ':'"),
        ("vars: [[]]", "a sequence"),
        ("vars: [~]", "null"),
    ])
    func entriesNamingNoFileAreLocatedErrors(vars: String, found: String) throws {
        let errors = try PipelineLoaderTests.errors(vars + "\nstages:\n  s:\n    cmd: echo\n")
        #expect(errors == [
            "pipeline.yaml:1:8: error: each entry of 'vars' must be a mapping of variables or a file name, found \(found)",
        ])
    }

    @Test func theHintSaysWhatAnEntryMayBe() throws {
        guard case .failure(let list) = try PipelineLoaderTests.load(#"vars: [""]"# + "\nstages: {}\n") else {
            Issue.record("expected a failure")
            return
        }
        #expect(list.diagnostics.first?.hint == "write 'name: value' pairs, 'file.yaml', or 'file.yaml:key1,key2'")
    }

    @Test func fileEntriesStillWork() throws {
        let pipeline = try PipelineLoaderTests.load("""
            vars:
              - other.yaml:size
              - all.yaml
              - "both.yaml:"
            stages:
              s:
                cmd: echo ${size} ${colour} ${mode}
            """, files: ["other.yaml": "size: 3\nskipped: 1\n", "all.yaml": "colour: red\n", "both.yaml": "mode: fast\n"]).get()
        #expect(pipeline.stages[0].commands == ["echo 3 red fast"])
    }
}
