import Basics
import Tabular
import Testing

/// The CSV reader's choice of column type, made from the whole column.
@Suite struct ColumnInferenceTests {
    private func read(_ csv: String, chunkSize: Int? = nil, schema: [String: ColumnSchema] = [:]) throws -> Table {
        try CSVReader.read(string: csv, fileName: "t.csv", options: CSVReadOptions(chunkSize: chunkSize, schema: schema))
    }

    @Test func leadingZerosAndQuotedNumbersAreNumbers() throws {
        let table = try read("a,b\n1,\"1\"\n01,\"01\"\n007,\" 2 \"\n")
        #expect(table["a"] == .numeric([1, 1, 7]))
        #expect(table["b"] == .numeric([1, 1, 2]))
    }

    @Test func thousandsSeparatorsMakeCategories() throws {
        // As pandas without `thousands=`: "1,000" is not a number, so the column is text.
        let table = try read("n\n\"1,000\"\n\"2,500\"\n12\n")
        #expect(table["n"]?.type == .category)
        #expect(table["n"]?.stringValues == ["1,000", "2,500", "12"])
    }

    @Test(arguments: [
        ("true\nfalse\nTRUE\nFalse\n", [1.0, 0, 1, 0]),
        ("yes\nNo\nYES\nNA\n", [1, 0, 1, .nan]),
        ("true\nno\nNA\n", [1, 0, .nan]),
    ])
    func booleansBecomeOnesAndZeros(cells: String, expected: [Double]) throws {
        let table = try read("flag\n" + cells)
        #expect(table["flag"] == .numeric(expected))
    }

    @Test func zeroOneColumnsStayNumbersAndMixedWithWordsAreCategories() throws {
        let table = try read("a,b,c\n0,1,true\n1,true,t\n")
        #expect(table["a"] == .numeric([0, 1]))
        #expect(table["b"]?.type == .category)  // 1 and true in one column: pandas keeps it object too
        #expect(table["c"]?.type == .category)  // "t" is not a boolean spelling
    }

    @Test func isoDatesAndDateTimesMixInOneColumn() throws {
        let table = try read("when\n2024-01-05\n2024-01-05 10:30:00\n2024-01-05T10:30:00.5Z\n2024-01-05T12:30+02:00\nNA\n")
        let day = 19_727.0 * 86_400  // 2024-01-05
        #expect(table["when"] == .datetime([day, day + 37_800, day + 37_800.5, day + 37_800, .nan]))
    }

    @Test func otherDateSpellingsAreCategories() throws {
        // Day-first and month-first cannot be told apart, so 05/01/2024 is left as text.
        let table = try read("when\n2024-01-05\n05/01/2024\n")
        #expect(table["when"]?.type == .category)
        #expect(try read("when\n2024-02-30\n")["when"]?.type == .category)  // no such day
    }

    @Test func allMissingColumnIsNumeric() throws {
        let table = try read("a,b\nNA,x\n,y\nnull,z\n")
        #expect(table["a"] == .numeric([.nan, .nan, .nan]))
    }

    @Test(arguments: [nil, 16])
    func oneTextCellAmongNumbersMakesTheColumnCategory(chunkSize: Int?) throws {
        var csv = "v\n"
        for row in 0..<200 { csv += "\(row % 5)\n" }
        csv += "unknown\n"
        let table = try read(csv, chunkSize: chunkSize)
        guard case .category(let column)? = table["v"] else {
            Issue.record("expected a category column, got \(String(describing: table["v"]))")
            return
        }
        #expect(column.categories == ["0", "1", "2", "3", "4", "unknown"])
        #expect(column.codes.count == 201)
        #expect(column.codes.last == 5)
        #expect(column.codes[7] == 2)
    }

    @Test func chunkedReadsGiveTheSameCodesAndDictionary() throws {
        var csv = "city\n"
        let cities = ["Rome", "Oslo", "", "Lima", "Oslo", "Kyiv"]
        for row in 0..<600 { csv += cities[(row * 7) % cities.count] + "\n" }
        let whole = try read(csv)["city"]?.categoryValues
        let chunked = try read(csv, chunkSize: 40)["city"]?.categoryValues
        #expect(whole?.categories == ["Kyiv", "Lima", "Oslo", "Rome"])
        #expect(whole?.codes == chunked?.codes)
        #expect(whole?.categories == chunked?.categories)
    }
}
