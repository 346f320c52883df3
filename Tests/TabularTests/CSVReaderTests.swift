import Basics
import Tabular
import Testing
import _TestSupport

@Suite struct CSVReaderTests {
    static let readCases: [(name: String, csv: String, expected: [(String, Column)])] = [
        ("numbers and text", "a,b\n1,x\n2.5,y\n", [("a", .numeric([1, 2.5])), ("b", .category(strings: ["x", "y"]))]),
        ("no trailing newline", "a,b\n1,2", [("a", .numeric([1])), ("b", .numeric([2]))]),
        ("CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", [("a", .numeric([1, 3])), ("b", .numeric([2, 4]))]),
        ("quoted fields", "a,b\n\"1\",\"x,y\"\n", [("a", .numeric([1])), ("b", .category(strings: ["x,y"]))]),
        ("doubled quotes", "a\n\"say \"\"hi\"\"\"\n", [("a", .category(strings: ["say \"hi\""]))]),
        ("embedded newline", "a,b\n\"line 1\nline 2\",3\n", [("a", .category(strings: ["line 1\nline 2"])), ("b", .numeric([3]))]),
        ("embedded CRLF kept", "a\n\"x\r\ny\"\n", [("a", .category(strings: ["x\r\ny"]))]),
        ("names with spaces", "first name,\"last, name\"\nAda,Lovelace\n",
         [("first name", .category(strings: ["Ada"])), ("last, name", .category(strings: ["Lovelace"]))]),
        ("missing tokens in numbers", "a\n1\n\nNA\nNaN\nnan\nnull\nN/A\nNULL\n\"\"\n2\n",
         [("a", .numeric([1, .nan, .nan, .nan, .nan, .nan, .nan, .nan, 2]))]),
        ("empty fields are missing", "a,b\n,x\n1,\n", [("a", .numeric([.nan, 1])), ("b", .category(strings: ["x", ""]))]),
        ("missing tokens in text", "a\nx\nNA\n", [("a", .category(strings: ["x", ""]))]),
        ("all missing is numeric", "a,b\nNA,1\n,2\n", [("a", .numeric([.nan, .nan])), ("b", .numeric([1, 2]))]),
        ("text anywhere makes text", "a\n1\n2\nthree\n", [("a", .category(strings: ["1", "2", "three"]))]),
        ("spaces around numbers", "a\n 1.5 \n\t2\n", [("a", .numeric([1.5, 2]))]),
        ("number forms", "a\n-1\n+2\n.5\n3.\n1e3\n-2.5E-2\ninf\n-Infinity\n",
         [("a", .numeric([-1, 2, 0.5, 3, 1000, -0.025, .infinity, -.infinity]))]),
        ("blank lines skipped", "a\n\n1\n\r\n2\n\n\n", [("a", .numeric([1, 2]))]),
        ("quote inside unquoted field is text", "a\n5'3\"\n", [("a", .category(strings: ["5'3\""]))]),
        ("trailing delimiter makes an empty last field", "a,b\n1,\n", [("a", .numeric([1])), ("b", .numeric([.nan]))]),
        ("header only", "a,b\n", [("a", .numeric([])), ("b", .numeric([]))]),
        ("byte order mark", "\u{FEFF}a\n1\n", [("a", .numeric([1]))]),
        ("stray CR is text", "a\nx\ry\n", [("a", .category(strings: ["x\ry"]))]),
    ]

    @Test(arguments: readCases)
    func reads(name: String, csv: String, expected: [(String, Column)]) throws {
        let table = try CSVReader.read(string: csv, fileName: "t.csv")
        #expect(table == (try Table(expected)), "\(name)")
    }

    @Test func customDelimiterAndMissingTokens() throws {
        let options = CSVReadOptions(delimiter: ";", missingTokens: ["-"])
        let table = try CSVReader.read(string: "a;b\n1,5;-\n-;NA\n", options: options)
        #expect(table == (try Table([("a", .category(strings: ["1,5", ""])), ("b", .category(strings: ["", "NA"]))])))
        let tabs = try CSVReader.read(string: "a\tb\n1\t2\n", options: CSVReadOptions(delimiter: "\t"))
        #expect(tabs == (try Table([("a", .numeric([1])), ("b", .numeric([2]))])))
    }

    static let errorCases: [(name: String, csv: String, message: String)] = [
        ("too few fields", "a,b,c\n1,2,3\n4,5\n", "t.csv:3:3: error: row 3 has 2 fields, expected 3"),
        ("too many fields", "a,b\n1,2,3\n", "t.csv:2:3: error: row 2 has 3 fields, expected 2"),
        ("one field", "a,b\n1,2\n\n7\n", "t.csv:4:2: error: row 3 has 1 field, expected 2"),
        ("row after an embedded newline", "a,b\n\"x\ny\",1\n2\n", "t.csv:4:2: error: row 3 has 1 field, expected 2"),
        ("unterminated quote", "a,b\n1,2\n3,\"open\n4,5\n",
         "t.csv:3:2: error: row 3: the quote that opens field 2 is never closed"),
        ("text after a closing quote", "a\n\"x\"y\n", "t.csv:2:1: error: row 2: text follows the closing quote of field 1"),
        ("duplicate header", "a,b,a\n1,2,3\n",
         "t.csv:1:3: error: column name 'a' appears twice in the header (fields 1 and 3)"),
        ("unterminated quote in header", "\"a,b\n", "t.csv:1:1: error: row 1: the quote that opens column name 1 is never closed"),
        ("empty file", "", "t.csv:1:1: error: the file is empty, expected a header row with column names"),
        ("blank file", "\n\n", "t.csv:1:1: error: the file is empty, expected a header row with column names"),
    ]

    @Test(arguments: errorCases)
    func reportsErrors(name: String, csv: String, message: String) {
        #expect(throws: Diagnostic.self, "\(name)") { try CSVReader.read(string: csv, fileName: "t.csv") }
        do {
            _ = try CSVReader.read(string: csv, fileName: "t.csv")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.description == message, "\(name)")
            #expect(diagnostic.hint != nil, "\(name)")
        } catch {
            Issue.record("\(name): unexpected error \(error)")
        }
    }

    @Test func raggedRowHintsAtMissingFields() throws {
        let error = #expect(throws: Diagnostic.self) {
            try CSVReader.read(string: "a,b\n1\n", fileName: "data/raw.csv")
        }
        #expect(error?.rendered(source: "a,b\n1\n") == """
            data/raw.csv:2:2: error: row 2 has 1 field, expected 2
                1
                 ^
              hint: every row needs 2 fields; leave a field empty for a missing value
            """)
    }

    @Test(arguments: ["\"", "\n", "\r", "\r\n", "é"] as [Character])
    func rejectsUnusableDelimiters(delimiter: Character) {
        #expect(throws: Diagnostic.self) {
            try CSVReader.read(string: "a\n1\n", options: CSVReadOptions(delimiter: delimiter))
        }
    }

    @Test func readsFilesAndNamesThemInErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("d.csv", "x,y\n1,2\n3\n")
        let error = #expect(throws: Diagnostic.self) { try CSVReader.read(path: path, displayName: "data/d.csv") }
        #expect(error?.description == "data/d.csv:3:2: error: row 3 has 1 field, expected 2")
        #expect(throws: Diagnostic.self) { try CSVReader.read(path: directory.path + "/absent.csv") }
    }
}
