import Tabular
import Testing

@Suite struct CategoryColumnTests {
    @Test func stringsRoundTripThroughCodesAndDictionary() throws {
        let values = ["b", "a", "", "b", "c", "a"]
        let column = CategoryColumn(values)
        #expect(column.categories == ["a", "b", "c"])
        #expect(column.codes == [1, 0, CategoryColumn.missingCode, 1, 2, 0])
        #expect(column.strings == values)
        #expect(column.value(at: 2) == nil)
        #expect(column.missingCount == 1)
        #expect(column.counts == [2, 2, 1])
        let rebuilt = try #require(CategoryColumn(codes: column.codes, categories: column.categories))
        #expect(rebuilt == column)
    }

    @Test func invalidCodesOrRepeatedCategoriesAreRejected() {
        #expect(CategoryColumn(codes: [0, 2], categories: ["a", "b"]) == nil)
        #expect(CategoryColumn(codes: [0], categories: ["a", "a"]) == nil)
        #expect(CategoryColumn(codes: [CategoryColumn.missingCode], categories: []) != nil)
    }

    @Test func memoryIsOneCodePerCellAndOneStringPerCategory() throws {
        let cities = ["Oslo", "Rome", "Lima"]
        let table = try CSVReader.read(string: "city\n" + (0..<30_000).map { cities[$0 % 3] + "\n" }.joined())
        let column = try #require(table["city"]?.categoryValues)
        #expect(column.categories.count == 3)
        #expect(column.codes.count == 30_000)
        #expect(MemoryLayout.size(ofValue: column.codes[0]) == 4)
    }

    @Test func reorderingKeepsValuesAndPutsDeclaredCategoriesFirst() {
        let column = CategoryColumn(["m", "x", "s", "", "l"])
        let reordered = column.reordered(leading: ["s", "m", "l", "xl"])
        #expect(reordered.categories == ["s", "m", "l", "xl", "x"])
        #expect(reordered.strings == column.strings)
        #expect(reordered == column)
        #expect(reordered.codes == [1, 4, 0, CategoryColumn.missingCode, 2])
    }

    @Test func takingRowsSharesTheDictionary() {
        let column = CategoryColumn(["a", "b", "c"])
        let taken = column.taking([2, 2, 0])
        #expect(taken.categories == column.categories)
        #expect(taken.strings == ["c", "c", "a"])
        #expect(Column.category(taken).taking([1]) == .category(strings: ["c"]))
    }

    @Test func categoriesWriteAndReadBack() throws {
        let table = try Table([("size", .category(strings: ["S", "", "L,XL", "S"])), ("n", .numeric([1, 2, 3, 4]))])
        let back = try CSVReader.read(string: try CSVWriter.string(table))
        #expect(back == table)
    }
}
