import Basics
import Tabular
import Testing

@Suite struct DateTimeTests {
    /// 2024-01-05 00:00:00 UTC.
    static let january5: Double = 19_727 * 86_400

    @Test(arguments: [
        ("1970-01-01", 0.0),
        ("2000-03-01", 951_868_800),
        ("1969-12-31 23:59:59", -1),
        ("2024-02-29T00:00:00Z", 1_709_164_800),
        ("2024-02-29T01:00:00+01:00", 1_709_164_800),
        ("2024-02-29T00:00:00-0130", 1_709_170_200),
        ("2024-02-29 00:00", 1_709_164_800),
        ("2024-02-29 00:00:01.25", 1_709_164_801.25),
    ])
    func isoFormsParse(text: String, seconds: Double) {
        #expect(DateTimeParser.parse(text) == seconds)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-1-05", "2024-01-05 24:00", "2024-01-05T10:61",
                      "2024-01-05 10:00:00 UTC", "20240105", "", "2024-01-05T", "2024-01-05 10:00:00.", "２０２４-01-05"])
    func nonDatesDoNotParse(text: String) {
        #expect(DateTimeParser.parse(text) == nil)
    }

    @Test func formatterWritesWhatTheParserReads() {
        let samples: [Double] = [0, -1, 86_400 * 19_727, 1_709_164_801.25, -86_400 * 600_000 + 3_600, 4_102_444_800]
        for seconds in samples {
            let text = DateTimeFormatter.format(seconds)
            #expect(DateTimeParser.parse(text) == seconds, "\(text)")
        }
        #expect(DateTimeFormatter.format(.nan) == "")
        #expect(DateTimeFormatter.format(.infinity) == "")
        // Before year 1 or after 9999 there is no ISO spelling: the seconds are written.
        #expect(DateTimeFormatter.format(-86_400 * 800_000) == "-69120000000")
    }

    @Test func explicitFormats() throws {
        let dayFirst = try #require(DateFormat("%d/%m/%Y"))
        #expect(dayFirst.parse("05/01/2024") == Self.january5)
        #expect(dayFirst.parse("5/1/2024") == Self.january5)
        #expect(dayFirst.parse("31/02/2024") == nil)
        #expect(DateFormat("%Y%m%d")?.parse("20240105") == Self.january5)
        #expect(DateFormat("%Y-%m-%d %H:%M:%S%z")?.parse("2024-01-05 01:00:00+01:00") == Self.january5)
        #expect(DateFormat("%d/%m") == nil)  // no year
        #expect(DateFormat("%Y-%m-%d %Q") == nil)
    }

    @Test func badDateInADeclaredColumnNamesRowAndColumn() throws {
        let csv = "id,when\n1,2024-01-05\n2,NA\n3,2024-01-5\n4,yesterday\n"
        let schema = ["when": ColumnSchema(type: .datetime)]
        #expect {
            try CSVReader.read(string: csv, fileName: "d.csv", options: CSVReadOptions(schema: schema))
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.message == "'d.csv' row 4, column 'when' (field 2): '2024-01-5' is not an ISO 8601 date"
                && diagnostic?.cause == .failure
        }
    }

    @Test func declaredFormatReadsDigitsAsDates() throws {
        let schema = ["day": ColumnSchema(format: DateFormat("%Y%m%d"))]
        let table = try CSVReader.read(string: "day\n20240105\n\n20240106\n", options: CSVReadOptions(schema: schema))
        #expect(table["day"] == .datetime([19_727 * 86_400, 19_728 * 86_400]))
    }

    @Test func datesWriteAndReadBack() throws {
        let table = try Table([("when", .datetime([0, .nan, 1_709_164_801.25]))])
        let text = try CSVWriter.string(table)
        #expect(text == "when\n1970-01-01\n\"\"\n2024-02-29 00:00:01.25\n")
        #expect(try CSVReader.read(string: text) == table)
    }
}
