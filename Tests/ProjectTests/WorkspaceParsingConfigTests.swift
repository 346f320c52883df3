import Basics
import Pipeline
import Project
import Testing

/// The `parsing` settings: `.sluice/config.yaml`, else `.dvc/config`'s `[parsing]`, else DVC's defaults.
@Suite struct WorkspaceParsingConfigTests {
    static func options(_ files: [String: String]) throws -> ParsingOptions {
        let project = try TestProject(files.merging(["pipeline.yaml": "stages: {}\n"]) { mine, _ in mine })
        defer { project.directory.remove() }
        return try project.workspace.parsingOptions()
    }

    static func error(_ files: [String: String]) throws -> Diagnostic? {
        let project = try TestProject(files.merging(["pipeline.yaml": "stages: {}\n"]) { mine, _ in mine })
        defer { project.directory.remove() }
        return #expect(throws: Diagnostic.self) { try project.workspace.parsingOptions() }
    }

    @Test func withoutConfigurationTheDefaultsAreDVCs() throws {
        #expect(try Self.options([:]) == ParsingOptions(bool: .storeTrue, list: .nargs))
        #expect(try Self.options([".sluice/config.yaml": "cache: {link: copy}\n"]) == ParsingOptions())
    }

    @Test(arguments: [
        ("parsing:\n  bool: boolean_optional\n  list: append\n", ParsingOptions(bool: .booleanOptional, list: .append)),
        ("parsing: {list: append}\n", ParsingOptions(list: .append)),
        ("parsing: {bool: Boolean_Optional}\n", ParsingOptions(bool: .booleanOptional)),
        ("parsing:\n", ParsingOptions()),
    ])
    func readsTheSluiceConfig(config: String, expected: ParsingOptions) throws {
        #expect(try Self.options([".sluice/config.yaml": config]) == expected)
    }

    @Test(arguments: [
        ("[core]\n    remote = storage\n[parsing]\n    bool = boolean_optional\n    list = append\n",
         ParsingOptions(bool: .booleanOptional, list: .append)),
        ("# comment\n[parsing]\n; comment\nlist = \"append\"  \n['remote \"x\"']\n    bool = nothing\n", ParsingOptions(list: .append)),
        ("[parsing]\r\nbool = boolean_optional # as DVC 3 reads it\r\n", ParsingOptions(bool: .booleanOptional)),
        ("[core]\n    autostage = true\n", ParsingOptions()),
    ])
    func readsTheParsingSectionOfADVCConfig(config: String, expected: ParsingOptions) throws {
        #expect(try Self.options([".dvc/config": config]) == expected)
    }

    @Test func sluicesOwnFileWinsSettingBySetting() throws {
        let options = try Self.options([
            ".dvc/config": "[parsing]\n  bool = boolean_optional\n  list = append\n",
            ".sluice/config.yaml": "parsing: {list: nargs}\n",
        ])
        #expect(options == ParsingOptions(bool: .booleanOptional, list: .nargs))
    }

    @Test(arguments: [
        ("parsing:\n  bool: store_false\n", "parsing.bool must be 'store_true' or 'boolean_optional', not 'store_false'", 2, 9),
        ("parsing: {list: extend}\n", "parsing.list must be 'nargs' or 'append', not 'extend'", 1, 17),
        ("parsing: {list: [append]}\n", "parsing.list must be 'nargs' or 'append', not a sequence", 1, 17),
        ("parsing: {bools: store_true}\n", "unknown setting 'bools' in 'parsing'", 1, 11),
        ("parsing: boolean_optional\n", "'parsing' must be a mapping", 1, 10),
    ])
    func aBadSluiceSettingIsALocatedConfigurationError(config: String, message: String, line: Int, column: Int) throws {
        let error = try Self.error([".sluice/config.yaml": config])
        #expect(error?.message == message)
        #expect(error?.location == SourceLocation(file: ".sluice/config.yaml", line: line, column: column))
        #expect(error?.cause == .configuration)
    }

    @Test(arguments: [
        ("[parsing]\n  bool = yes\n", "parsing.bool must be 'store_true' or 'boolean_optional', not 'yes'", 2, 10),
        ("[core]\nremote = x\n[parsing]\nlist=extend\n", "parsing.list must be 'nargs' or 'append', not 'extend'", 4, 6),
        ("[parsing]\n  lists = append\n", "unknown setting 'lists' in 'parsing'", 2, 3),
        ("[parsing]\n  append\n", "expected 'key = value' in the [parsing] section", 2, 3),
    ])
    func aBadDVCSettingIsALocatedConfigurationError(config: String, message: String, line: Int, column: Int) throws {
        let error = try Self.error([".dvc/config": config])
        #expect(error?.message == message)
        #expect(error?.location == SourceLocation(file: ".dvc/config", line: line, column: column))
        #expect(error?.cause == .configuration)
    }

    @Test func theHintNamesTheAllowedValuesAndTheDefault() throws {
        let error = try Self.error([".sluice/config.yaml": "parsing: {bool: on}\n"])
        #expect(error?.hint?.contains("the default is 'store_true'") == true)
        #expect(error?.hint?.contains("--no-flag") == true)
    }

    @Test func thePipelineIsLoadedWithTheSettings() throws {
        let project = try TestProject([
            "pipeline.yaml": "stages:\n  s:\n    cmd: run ${d}\n",
            "params.yaml": "d:\n  x: false\n  l: [1, 2]\n",
            ".sluice/config.yaml": "parsing: {bool: boolean_optional, list: append}\n",
        ])
        defer { project.directory.remove() }
        #expect(try project.workspace.loadPipeline().stages[0].commands == ["run --no-x --l 1 --l 2"])
    }
}
