import Basics
import Tabular
import Testing

@Suite struct TableTests {
    static func sample() throws -> Table {
        try Table([
            ("id", .numeric([1, 2, 3, 4])),
            ("city name", .category(strings: ["Oslo", "Rome", "Oslo", ""])),
            ("price", .numeric([10, .nan, 30, 40])),
        ])
    }

    @Test func looksUpColumnsByName() throws {
        let table = try Self.sample()
        #expect(table.rowCount == 4)
        #expect(table.columnCount == 3)
        #expect(table.columnNames == ["id", "city name", "price"])
        #expect(table.index(ofColumn: "city name") == 1)
        #expect(table["price"]?.isNumeric == true)
        #expect(table["nope"] == nil)
        #expect(table.numericColumnNames == ["id", "price"])
        let error = #expect(throws: Diagnostic.self) { try table.column(named: "prise") }
        #expect(error?.description == "error: no column named 'prise'")
        #expect(error?.hint == "did you mean 'price'?")
        let textError = #expect(throws: Diagnostic.self) { try table.numericColumn(named: "city name") }
        #expect(textError?.message == "column 'city name' holds text (for example 'Oslo'), expected numbers")
        // The data lacks what was asked of it: a failure of the task (exit 1), not of its configuration.
        #expect(error?.cause == .failure && textError?.cause == .failure)
    }

    @Test func selectsDropsAndAppends() throws {
        let table = try Self.sample()
        #expect(try table.selecting(["price", "id"]).columnNames == ["price", "id"])
        #expect(try table.dropping(["city name"]).columnNames == ["id", "price"])
        #expect(throws: Diagnostic.self) { try table.dropping(["absent"]) }
        #expect(throws: Diagnostic.self) { try table.selecting(["absent"]) }
        let appended = try table.appending(.numeric([0, 0, 0, 0]), named: "zero")
        #expect(appended.columnNames.last == "zero")
        #expect(throws: Diagnostic.self) { try table.appending(.numeric([1]), named: "short") }
        #expect(throws: Diagnostic.self) { try table.appending(.numeric([1, 2, 3, 4]), named: "id") }
    }

    @Test func takesRowsInTheGivenOrder() throws {
        let rows = try Self.sample().takingRows([3, 0, 0])
        #expect(rows.rowCount == 3)
        #expect(rows["id"] == .numeric([4, 1, 1]))
        #expect(rows["city name"] == .category(strings: ["", "Oslo", "Oslo"]))
    }

    @Test func countsMissingCellsPerColumn() throws {
        let counts = try Self.sample().missingCounts
        #expect(counts.map(\.column) == ["id", "city name", "price"])
        #expect(counts.map(\.count) == [0, 1, 1])
    }

    @Test func findsAndRemovesDuplicateRows() throws {
        let table = try Table([
            ("a", .numeric([1, 2, 1, .nan, .nan, 0, -0.0, 1])),
            ("b", .category(strings: ["x", "y", "x", "z", "z", "w", "w", "X"])),
        ])
        #expect(table.duplicateRows == [2, 4, 6])
        let unique = table.removingDuplicateRows()
        #expect(unique == (try Table([("a", .numeric([1, 2, .nan, 0, 1])), ("b", .category(strings: ["x", "y", "z", "w", "X"]))])))
        #expect(unique.removingDuplicateRows() == unique)
    }

    @Test func missingCellsCompareEqual() throws {
        #expect(Column.numeric([1, .nan]) == Column.numeric([1, .nan]))
        #expect(Column.numeric([1, .nan]) != Column.numeric([1, 2]))
        #expect(Column.numeric([]) != Column.category(strings: []))
    }
}

@Suite struct ColumnDescriptionTests {
    @Test func describesACountAndTheFirstCells() {
        #expect(Column.numeric([1, .nan]).description == "numeric(2 cells: [1.0, nan])")
        #expect(Column.category(strings: ["a"]).description == "category(1 cell: [\"a\"])")
        #expect(Column.numeric((0..<10).map(Double.init)).description.hasSuffix("6.0, 7.0, …])"))
    }
}
