import CommandLineKit
import Testing

private struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "probe",
        arguments: [
            .option(long: "count", short: "c", valueName: "n", help: "", default: "3"),
            .option(long: "tag", help: "", default: "main", repeating: true),
            .flag(long: "dry", help: ""),
            .positional("paths", help: "", optional: true, repeating: true),
        ])

    let values: ParsedValues
    init(_ values: ParsedValues) { self.values = values }
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
        #expect(try values.int("count") == 3)
        #expect(!values.isGiven("count"))
        #expect(values.strings("tag") == ["main"])
        #expect(values.strings("paths") == [])
        #expect(values.flag("dry") == false)
    }

    @Test func givenValuesReplaceDefaults() throws {
        let values = try probe(["-c", "7", "--tag", "a", "--tag", "b", "x", "y"])
        #expect(try values.int("count") == 7)
        #expect(values.isGiven("count"))
        #expect(values.strings("tag") == ["a", "b"])
        #expect(values.string("tag") == "b")
        #expect(values.strings("paths") == ["x", "y"])
    }

    @Test func undeclaredNamesReadAsAbsent() throws {
        let values = try probe(["--dry"])
        #expect(values.string("nope") == nil)
        #expect(values.strings("nope") == [])
        #expect(values.flag("nope") == false)
        #expect(try values.int("nope") == nil)
    }

    @Test func conversionErrorsNameTheSpellingAndIndex() throws {
        let values = try probe(["x", "-c", "1.5"])
        #expect(throws: ValidationError("invalid value '1.5' for '-c <n>': expected an integer", argumentIndex: 2)) {
            try values.int("count")
        }
        #expect(try values.double("count") == 1.5)
        #expect(values.invalidValue("paths", "no such file").message == "invalid value 'x' for '<paths>': no such file")
        #expect(values.invalidValue("paths", "no such file").argumentIndex == 0)
    }
}
