import Basics
import Tabular
import Testing

/// `CSVReadOptions.schema` overriding the inferred column types.
@Suite struct SchemaTests {
    private func read(_ csv: String, _ schema: [String: ColumnSchema]) throws -> Table {
        try CSVReader.read(string: csv, fileName: "s.csv", options: CSVReadOptions(schema: schema))
    }

    @Test func declaredCategoryKeepsDigitsAsWritten() throws {
        let table = try read("zip,n\n01234,1\n1234,2\n,3\n", ["zip": ColumnSchema(type: .category)])
        #expect(table["zip"] == .category(strings: ["01234", "1234", ""]))
        #expect(table["n"] == .numeric([1, 2, 3]))
    }

    @Test func declaredCategoriesFixTheCodesAndKeepUnknownValuesAfterThem() throws {
        let table = try read("cut\nGood\nIdeal\nPoor\n", ["cut": ColumnSchema(categories: ["Fair", "Good", "Ideal"])])
        let column = try #require(table["cut"]?.categoryValues)
        #expect(column.categories == ["Fair", "Good", "Ideal", "Poor"])
        #expect(column.codes == [1, 2, 3])
    }

    @Test func declaredNumberWithTextNamesTheRow() {
        #expect {
            try read("price\n1\n2\n\"1,000\"\n", ["price": ColumnSchema(type: .number)])
        } throws: { error in
            (error as? Diagnostic)?.message == "'s.csv' row 4, column 'price' (field 1): '1,000' is not a number"
        }
    }

    @Test func declaredBooleanAcceptsWordsAndZeroOne() throws {
        let table = try read("f,g\nyes,1\n0,0\n", ["f": ColumnSchema(type: .boolean), "g": ColumnSchema(type: .boolean)])
        #expect(table["f"] == .numeric([1, 0]))
        #expect(table["g"] == .numeric([1, 0]))
        #expect(throws: Diagnostic.self) { try read("f\nyes\n2\n", ["f": ColumnSchema(type: .boolean)]) }
    }

    @Test func schemaForAColumnTheFileLacksIsAnError() {
        #expect {
            try read("city\nOslo\n", ["cty": ColumnSchema(type: .category)])
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.message == "the schema names column 'cty', which 's.csv' does not have"
                && diagnostic?.hint == "did you mean 'city'?"
        }
    }
}

/// Text is kept byte for byte, even where Swift's String equality would merge values.
@Suite struct CategoryBytesTests {
    @Test(arguments: [nil, 8])
    func canonicallyEqualSpellingsStayApart(chunkSize: Int?) throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let csv = "c\n\(composed)\n\(decomposed)\n\(composed)\n"
        for schema in [[:], ["c": ColumnSchema(categories: ["x"])]] {
            let table = try CSVReader.read(string: csv, options: CSVReadOptions(chunkSize: chunkSize, schema: schema))
            let column = try #require(table["c"]?.categoryValues)
            #expect(column.count == 3)
            let written = try CSVWriter.string(table)
            if schema.isEmpty {
                #expect(Array(written.utf8) == Array(csv.utf8))
                #expect(column.categories.count == 2)
            }
        }
    }
}
