import CommandLineKit
import Testing

private struct Probe: ParsableCommand {
    static let count = Option<Int>(long: "count", short: "c", valueName: "n", help: "", default: 3)
    static let rate = Option<Double?>(long: "rate", valueName: "r", help: "")
    static let tag = Option<[String]>(long: "tag", help: "", default: ["main"])
    static let size = Option<[Int]>(long: "size", help: "")
    static let dry = Flag(long: "dry", help: "")
    static let paths = Positional<[String]>("paths", help: "", optional: true)

    static let configuration = CommandConfiguration(
        name: "probe", arguments: [count, rate, tag, size, dry, paths])

    let values: ParsedValues
    init(_ values: ParsedValues) { self.values = values }
}

/// Declared, but listed by no command of the probe's tree.
private let stray = Flag(long: "stray", help: "")

/// Reads a flag it forgot to list in its configuration.
private struct Forgetful: ParsableCommand {
    static let configuration = CommandConfiguration(name: "forgetful", abstract: "Forgets.")
    init(_ values: ParsedValues) throws { _ = try values[stray] }
}

private func probe(_ arguments: [String]) throws -> ParsedValues {
    guard case .run(let command, _) = try CommandParser(root: Probe.self).parse(arguments),
        let probe = command as? Probe
    else {
        Issue.record("expected the probe to run")
        return try #require(nil as ParsedValues?)
    }
    return probe.values
}

@Suite struct ParsedValuesTests {
    @Test func defaultsApplyUntilAValueIsGiven() throws {
        let values = try probe([])
        #expect(try values[Probe.count] == 3)
        #expect(!values.isGiven(Probe.count))
        #expect(try values[Probe.rate] == nil)
        #expect(try values[Probe.tag] == ["main"])
        #expect(try values[Probe.size] == [])
        #expect(try values[Probe.paths] == [])
        #expect(try values[Probe.dry] == false)
    }

    @Test func givenValuesReplaceDefaults() throws {
        let values = try probe(["-c", "7", "--tag", "a", "--tag", "b", "--size=2", "--size", "-3", "--rate", "0.5", "x", "y"])
        #expect(try values[Probe.count] == 7)
        #expect(values.isGiven(Probe.count))
        #expect(try values[Probe.rate] == 0.5)
        #expect(try values[Probe.tag] == ["a", "b"])
        #expect(try values[Probe.size] == [2, -3])
        #expect(try values[Probe.paths] == ["x", "y"])
    }

    @Test func readingADeclarationTheCommandDoesNotListIsAnError() throws {
        let values = try probe(["--dry"])
        #expect(!values.isGiven(stray))
        #expect(throws: ValidationError("internal error: the command reads '--stray', which it does not declare")) {
            try values[stray]
        }
    }

    @Test func aCommandThatReadsWhatItDoesNotListFailsToParse() {
        #expect(throws: UsageError(
            "internal error: the command reads '--stray', which it does not declare",
            usage: "USAGE: forgetful", commandPath: ["forgetful"])
        ) {
            try CommandParser(root: Forgetful.self).parse([])
        }
    }

    @Test func conversionErrorsNameTheSpellingAndIndex() throws {
        let values = try probe(["x", "-c", "1.5", "--rate=nan"])
        #expect(throws: ValidationError("invalid value '1.5' for '-c <n>': expected an integer", argumentIndex: 2)) {
            try values[Probe.count]
        }
        #expect(throws: ValidationError("invalid value 'nan' for '--rate <r>': expected a number", argumentIndex: 3)) {
            try values[Probe.rate]
        }
        #expect(values.invalidValue(Probe.paths, "no such file").message == "invalid value 'x' for '<paths>': no such file")
        #expect(values.invalidValue(Probe.paths, "no such file").argumentIndex == 0)
    }

    @Test func aRepeatingOptionBlamesTheWordThatDoesNotConvert() throws {
        let values = try probe(["--size", "1", "--size", "two", "--size", "3"])
        #expect(throws: ValidationError("invalid value 'two' for '--size <size>': expected an integer", argumentIndex: 3)) {
            try values[Probe.size]
        }
    }

    @Test func anUntouchedDefaultIsBlamedAsDeclared() throws {
        let values = try probe([])
        let error = values.invalidValue(Probe.count, "too many")
        #expect(error.message == "invalid value '3' for '--count <n>': too many")
        #expect(error.argumentIndex == nil)
        #expect(values.invalidValue(stray, "unknown").message == "invalid value for '--stray': unknown")
    }

    @Test func declarationsSpellTheirDefaultsAsAUserWouldTypeThem() {
        #expect(Option<Double>(long: "x", help: "", default: 0).definition.defaultValue == "0")
        #expect(Option<Double>(long: "x", help: "", default: 0.25).definition.defaultValue == "0.25")
        #expect(Option<Double>(long: "x", help: "", default: 1e300).definition.defaultValue == "1e+300")
        #expect(Probe.tag.definition.defaultValue == "main")
        #expect(Flag(long: "x", help: "", default: true, inversion: true).definition.defaultValue == "true")
    }

    @Test func theTypeOfADeclarationSaysWhetherItIsRequired() {
        #expect(Option<String>(long: "x", help: "").definition.isRequired)
        #expect(!Option<String?>(long: "x", help: "").definition.isRequired)
        #expect(!Option<String>(long: "x", help: "", default: "a").definition.isRequired)
        #expect(!Option<[String]>(long: "x", help: "").definition.isRequired)
        #expect(Positional<String>("x", help: "").definition.isRequired)
        #expect(!Positional<String?>("x", help: "").definition.isRequired)
        #expect(Positional<[String]>("x", help: "").definition.isRequired)
        #expect(!Positional<[String]>("x", help: "", optional: true).definition.isRequired)
    }
}
