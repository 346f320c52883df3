import Foundation
import Tabular
import Testing
import _TestSupport

@Suite struct CSVWriterTests {
    @Test(arguments: [
        (1.0, "1"), (-3.0, "-3"), (0.0, "0"), (-0.0, "-0"), (0.1, "0.1"), (1e-5, "1e-05"), (2.5e16, "2.5e+16"),
        (9007199254740992.0, "9007199254740992.0"), (-9007199254740991.0, "-9007199254740991"), (Double.nan, ""), (Double.infinity, "inf"),
        (-Double.infinity, "-inf"), (123456.789, "123456.789"),
    ])
    func formatsNumbersShortest(value: Double, expected: String) {
        #expect(CSVWriter.format(value) == expected)
    }

    @Test func quotesOnlyWhenNeeded() throws {
        let table = try Table([
            ("plain", .category(strings: ["a", "b c", "x,y", "say \"hi\"", "two\nlines", " lead", "trail\t", "", "cr\rhere"])),
            ("n", .numeric([1, .nan, 2.5, 3, 4, 5, 6, 7, 8])),
        ])
        let expected = [
            "plain,n", "a,1", "b c,", "\"x,y\",2.5", "\"say \"\"hi\"\"\",3", "\"two\nlines\",4", "\" lead\",5",
            "\"trail\t\",6", ",7", "\"cr\rhere\",8",
        ]
        #expect(try CSVWriter.string(table) == expected.map { $0 + "\n" }.joined())
    }

    @Test func headerNamesAreQuotedLikeFields() throws {
        let table = try Table([("a,b", .numeric([1])), ("c \"d\"", .numeric([2]))])
        #expect(try CSVWriter.string(table) == "\"a,b\",\"c \"\"d\"\"\"\n1,2\n")
        #expect(try CSVWriter.string(table, delimiter: ";") == "a,b;\"c \"\"d\"\"\"\n1;2\n")
    }

    @Test func loneMissingCellIsWrittenSoTheRowSurvives() throws {
        let table = try Table([("x", .numeric([1, .nan, 3]))])
        let text = try CSVWriter.string(table)
        #expect(text == "x\n1\n\"\"\n3\n")
        #expect(try CSVReader.read(string: text) == table)
    }

    @Test func roundTripIsBitExact() throws {
        var generator = SystemRandomNumberGenerator()
        var numbers: [Double] = [0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                 .leastNormalMagnitude, 0x1p53, -0x1p53 + 1, 1e22, 1e23, 0.1, 1 / 3]
        while numbers.count < 20_000 {
            let value = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            if value.isFinite { numbers.append(value) }
            numbers.append(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 64)
        }
        let texts = numbers.indices.map { ["x", "a,b", "q\"q", "l1\nl2", " s ", "", "é ü", "\r\n"][$0 % 8] }
        let table = try Table([("value", .numeric(numbers)), ("text col", .category(strings: texts))])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url("out/round.csv")
        try CSVWriter.write(table, to: path)
        let back = try CSVReader.read(path: path)
        #expect(back.columnNames == ["value", "text col"])
        let readNumbers = try back.numericColumn(named: "value")
        #expect(readNumbers.count == numbers.count)
        let mismatches = zip(numbers, readNumbers).filter { a, b in
            a.isNaN ? !b.isNaN : a.bitPattern != b.bitPattern
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(back["text col"] == .category(strings: texts))
    }
}
