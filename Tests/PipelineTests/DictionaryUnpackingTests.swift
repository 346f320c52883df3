import Basics
import Pipeline
import Testing
import _TestSupport

/// `${mapping}` in `cmd` becomes command-line arguments, rule by rule as DVC writes
/// them. The expected strings are DVC's: its documentation (templating's "Dictionary
/// unpacking" and the `parsing` config section) and its test of the feature
/// (tests/func/parsing/test_interpolated_entry.py, `test_cmd_dict`).
@Suite struct DictionaryUnpackingTests {
    /// The params of DVC's `test_cmd_dict`.
    static let dvcTestParams = #"""
        dict:
          foo: foo
          bar: 2
          string: spaced string
          mixed_quote_string: "quote\"'d"
          bool: true
          bool-false: false
          list: [1, 2, foo, "quote\"'d"]
          nested:
            foo: foo
        """#

    /// The params of the `parsing` section's examples in DVC's configuration page.
    static let configDocParams = "dict:\n  bool-true: true\n  bool-false: false\n  list: [1, 2, 'foo']\n"

    /// The commands of the only stage (`s`) of `pipeline`, or the diagnostics.
    static func load(_ pipeline: String, params: String, parsing: ParsingOptions = ParsingOptions()) throws
        -> Result<[StageSpec], DiagnosticList> {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("params.yaml", params)
        do {
            return .success(try PipelineLoader.load(text: pipeline, root: dir.path, displayName: "pipeline.yaml",
                                                    parsing: parsing).stages)
        } catch let list as DiagnosticList {
            return .failure(list)
        }
    }

    /// The command of stage `s` whose `cmd` is `command`.
    static func command(_ command: String, params: String, parsing: ParsingOptions = ParsingOptions()) throws -> String? {
        try load("stages:\n  s:\n    cmd: \(command)\n", params: params, parsing: parsing).get().first?.commands.first
    }

    /// The diagnostics of loading stage `s` whose `cmd` is `command`.
    static func errors(_ pipeline: String, params: String) throws -> [String] {
        guard case .failure(let list) = try load(pipeline, params: params) else { return [] }
        return list.diagnostics.map(\.description)
    }

    @Test func dvcTestWithTheDefaultSettings() throws {
        #expect(try Self.command("python script.py ${dict}", params: Self.dvcTestParams) ==
            #"python script.py --foo foo --bar 2 --string 'spaced string' --mixed_quote_string 'quote"'"'"'d' --bool"#
            + #" --list 1 2 foo 'quote"'"'"'d' --nested.foo foo"#)
    }

    @Test func dvcTestWithBooleanOptionalAndAppend() throws {
        let parsing = ParsingOptions(bool: .booleanOptional, list: .append)
        #expect(try Self.command("python script.py ${dict}", params: Self.dvcTestParams, parsing: parsing) ==
            #"python script.py --foo foo --bar 2 --string 'spaced string' --mixed_quote_string 'quote"'"'"'d'"#
            + #" --bool --no-bool-false --list 1 --list 2 --list foo --list 'quote"'"'"'d' --nested.foo foo"#)
    }

    @Test func storeTrueWritesTrueAsABareFlagAndFalseAsNothing() throws {
        let params = "dict:\n  bool-true: true\n  bool-false: false\n"
        #expect(try Self.command("python foo.py ${dict}", params: params) == "python foo.py --bool-true")
    }

    @Test func booleanOptionalWritesFalseAsANoFlag() throws {
        let params = "dict:\n  bool-true: true\n  bool-false: false\n"
        #expect(try Self.command("python foo.py ${dict}", params: params, parsing: ParsingOptions(bool: .booleanOptional))
            == "python foo.py --bool-true --no-bool-false")
    }

    /// DVC's page shows `'foo'` quoted; DVC itself quotes only what needs it (its test above).
    @Test func nargsWritesTheKeyOnceThenEveryItem() throws {
        let params = "dict:\n  list: [1, 2, 'foo']\n"
        #expect(try Self.command("python foo.py ${dict}", params: params) == "python foo.py --list 1 2 foo")
    }

    @Test func appendWritesTheKeyBeforeEveryItem() throws {
        let params = "dict:\n  list: [1, 2, 'foo']\n"
        #expect(try Self.command("python foo.py ${dict}", params: params, parsing: ParsingOptions(list: .append))
            == "python foo.py --list 1 --list 2 --list foo")
    }

    @Test func nestedMappingsJoinTheirKeysWithDots() throws {
        let params = "train:\n  opt:\n    name: adam\n    beta: {one: 0.9, two: {x: 1}}\n  epochs: 3\n"
        #expect(try Self.command("train ${train}", params: params) == "train --opt.name adam --opt.beta.one 0.9 --opt.beta.two.x 1 --epochs 3")
    }

    /// Python's `shlex.quote`: unchanged when only `[A-Za-z0-9_@%+=:,./-]`, else single-quoted.
    @Test(arguments: [
        ("foo", "foo"),
        ("a-b_c.d/e:f,g=h+i@j%k", "a-b_c.d/e:f,g=h+i@j%k"),
        ("two words", "'two words'"),
        ("''", "''"),
        ("\"it's\"", #"'it'"'"'s'"#),
        ("$HOME", "'$HOME'"),
        ("wörld", "'wörld'"),
        ("\"a;b\"", "'a;b'"),
    ])
    func stringsAreQuotedForTheShellOnlyWhenTheyNeedIt(yaml: String, written: String) throws {
        #expect(try Self.command("run ${d}", params: "d:\n  name: \(yaml)\n") == "run --name \(written)")
    }

    /// Numbers in their shortest form, null as Python's `None`, and inside a list a
    /// boolean as Python's `True`/`False`, as DVC's `str()` writes them.
    @Test func otherValuesAreWrittenAsPythonWritesThem() throws {
        let params = "d:\n  lr: 0.10\n  tiny: 1.0e-5\n  n: 10\n  nothing: null\n  mixed: [true, false, null, 2.50]\n"
        #expect(try Self.command("run ${d}", params: params) == "run --lr 0.1 --tiny 1e-05 --n 10 --nothing None --mixed True False None 2.5")
    }

    @Test func emptyMappingsAndListsGiveNothing() throws {
        let params = "empty: {}\nd:\n  a: {}\n  b: []\n  c: 1\n"
        #expect(try Self.command("run ${empty} x", params: params) == "run  x")
        #expect(try Self.command("run ${d}", params: params) == "run --c 1")
    }

    @Test func aListHoldingACollectionIsALocatedError() throws {
        let errors = try Self.errors("stages:\n  s:\n    cmd: echo ${models}\n", params: "models:\n  list: [1, [2, 3]]\n")
        #expect(errors == ["pipeline.yaml:3:10: error: 'models' cannot be unpacked: 'list' is a list that holds a collection"])
    }

    @Test func twoKeysThatFlattenToTheSameArgumentAreALocatedError() throws {
        let errors = try Self.errors("stages:\n  s:\n    cmd: echo ${d}\n", params: "d:\n  a.b: 1\n  a: {b: 2}\n")
        #expect(errors == ["pipeline.yaml:3:10: error: 'd' cannot be unpacked: two of its keys both give '--a.b'"])
    }

    @Test(arguments: ["python train.py --x=${train}", "python train.py ${train}x", "\"python train.py '${train}'\""])
    func aMappingInsideALongerWordIsALocatedError(command: String) throws {
        let errors = try Self.errors("stages:\n  s:\n    cmd: \(command)\n", params: "train:\n  lr: 0.1\n")
        #expect(errors == ["pipeline.yaml:3:10: error: 'train' is a mapping: in 'cmd' it is unpacked into arguments only as a word of its own"])
    }

    /// Spaces and the shell's operators end a word: `;`, `&`, `|`, `(`, `)`, `<`, `>`.
    @Test(arguments: [
        ("(cd src && python t.py ${d}); echo ok", "(cd src && python t.py --a 1); echo ok"),
        ("t ${d}|tee log", "t --a 1|tee log"),
        ("t ${d}>log", "t --a 1>log"),
        ("t ${d}&&echo", "t --a 1&&echo"),
        ("\"t\t${d}\"", "t\t--a 1"),
    ])
    func aWordEndsAtSpacesAndShellOperators(command: String, expected: String) throws {
        #expect(try Self.command(command, params: "d:\n  a: 1\n") == expected)
    }

    /// Even as a word of its own: only `cmd` unpacks.
    @Test(arguments: [
        ("deps:\n      - data/${train} x", "5:9"),
        ("outs:\n      - out ${train}", "5:9"),
        ("wdir: ${train} x", "4:11"),
        ("desc: about ${train}", "4:11"),
    ])
    func aMappingOutsideCmdStaysAnError(entry: String, place: String) throws {
        let errors = try Self.errors("stages:\n  s:\n    cmd: echo\n    \(entry)\n", params: "train:\n  lr: 0.1\n")
        #expect(errors == ["pipeline.yaml:\(place): error: 'train' is a collection and cannot be placed inside text"])
    }

    @Test func everyCommandOfAListAndGeneratedStagesAreUnpacked() throws {
        let stages = try Self.load("""
            stages:
              s:
                cmd:
                  - prepare ${d}
                  - train ${d}
              g:
                foreach: [x, y]
                do:
                  cmd: run ${item} ${d}
              m:
                foreach:
                  small: {depth: 2}
                do:
                  cmd: fit ${item}
            """, params: "d:\n  a: 1\n").get()
        #expect(stages.map(\.commands) == [["prepare --a 1", "train --a 1"], ["run x --a 1"], ["run y --a 1"], ["fit --depth 2"]])
    }

    @Test func aCmdThatIsOnlyTheReferenceIsItsArguments() throws {
        #expect(try Self.command("${d}", params: "d:\n  a: 1\n  b: two words\n") == "--a 1 --b 'two words'")
    }

    /// The mapping is tracked as a whole, so changing any of its values makes the stage
    /// stale (and changes the command, as in DVC).
    @Test func theUnpackedMappingIsTrackedAsAParameter() throws {
        let stages = try Self.load("stages:\n  s:\n    cmd: train ${train}\n", params: "train:\n  lr: 0.1\n  epochs: 3\n").get()
        #expect(stages[0].parameters.map(\.key) == ["train"])
        #expect(stages[0].parameters.map(\.path) == ["params.yaml"])
    }

    /// A list on its own in `cmd` keeps sluice's earlier meaning (its items with spaces), which DVC refuses.
    @Test func aListOnItsOwnIsStillItsItems() throws {
        #expect(try Self.command("run ${d.l}", params: "d:\n  l: [1, two words]\n") == "run 1 two words")
    }

    @Test func theSettingsAreDeclaredOnceWithDVCsNamesAndDefaults() {
        let settings = ParsingOptions.settings
        #expect(ParsingOptions.section == "parsing")
        #expect(settings.map(\.name) == ["bool", "list"])
        #expect(settings.map(\.allowed) == [["store_true", "boolean_optional"], ["nargs", "append"]])
        #expect(settings.map(\.defaultValue) == ["store_true", "nargs"])
        var options = ParsingOptions()
        #expect(settings[0].apply("Boolean_Optional", to: &options))
        #expect(settings[1].apply("append", to: &options))
        #expect(!settings[1].apply("extend", to: &options))
        #expect(options == ParsingOptions(bool: .booleanOptional, list: .append))
    }
}
