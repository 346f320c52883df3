import Basics
import Foundation
import MLTasks
import Tabular
import Testing
import _TestSupport

/// `ingest.schema` and the column types in the ingest report.
@Suite struct IngestSchemaTests {
    static let csv = "price,cut,city,sold\n1,Good,Oslo,2024-01-05\n2,Ideal,Rome,2024-01-06\n3,Poor,Oslo,NA\n4,Good,Oslo,2024-01-07\n"

    private func configuration(_ yaml: String, in dir: TemporaryDirectory) throws -> IngestTask.Configuration {
        let path = try dir.write("params.yaml", "ingest:\n" + yaml)
        return try IngestTask.Configuration(ParamsSection.load(path: path, displayName: "params.yaml", section: "ingest"))
    }

    @Test func reportListsTypesCardinalityTopAndUnknownCategories() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let configuration = try configuration("""
              schema:
                cut: {categories: [Fair, Good, Ideal]}
                price: number
            """, in: dir)
        let report = try IngestTask(configuration: configuration).run(
            sourceBytes: Data(Self.csv.utf8), sourceName: "d.csv", output: dir.url("raw.csv"))
        let types = report.columnSummaries.map { "\($0.column):\($0.summary.type.rawValue)" }
        #expect(types == ["price:number", "cut:category", "city:category", "sold:datetime"])
        let city = try #require(report.columnSummaries.first { $0.column == "city" }?.summary)
        #expect(city.cardinality == 2)
        #expect(city.top.map(\.value) == ["Oslo", "Rome"])
        #expect(city.top.map(\.count) == [3, 1])
        let cut = try #require(report.columnSummaries.first { $0.column == "cut" }?.summary)
        #expect(cut.unknown.map(\.value) == ["Poor"])
        #expect(report.unknownCategoryValues == 1)
        #expect(report.json["unknown_category_values"] == .int(1))
        #expect(report.json["column_types"]?["cut"]?["unknown"]?["Poor"] == .int(1))
        #expect(FileManager.default.fileExists(atPath: dir.url("raw.csv")))
    }

    @Test func failOnUnknownCategoryStopsBeforeWriting() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let configuration = try configuration("""
              fail_on_unknown_category: true
              schema:
                cut: {type: category, categories: [Fair, Good, Ideal]}
            """, in: dir)
        #expect {
            try IngestTask(configuration: configuration).run(
                sourceBytes: Data(Self.csv.utf8), sourceName: "d.csv", output: dir.url("raw.csv"))
        } throws: { error in
            (error as? TaskFailure)?.message == "1 values are outside their declared categories (cut: 'Poor' x1)"
        }
        #expect(!FileManager.default.fileExists(atPath: dir.url("raw.csv")))
    }

    @Test(arguments: [
        ("  schema:\n    cut: text\n", "params.yaml:3:10: error: ingest.schema.cut must be one of number, boolean, datetime, category, not 'text'"),
        ("  schema:\n    cut: {type: category, order: [a]}\n", "params.yaml:3:27: error: unknown option 'ingest.schema.cut.order'"),
        ("  schema:\n    d: {format: '%d/%q/%Y'}\n", "params.yaml:3:17: error: ingest.schema.d.format must be a date pattern with a year, month and day, using %Y %m %d %H %M %S %f %z %%, not '%d/%q/%Y'"),
        ("  schema:\n    d: {type: number, categories: [a]}\n", "params.yaml:3:35: error: ingest.schema.d.categories must be given only for a category column (type: category), not a sequence"),
    ])
    func badSchemasAreLocated(yaml: String, message: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect {
            try configuration(yaml, in: dir)
        } throws: { error in
            let text = "\(error)"
            if !text.contains(message) { Issue.record("got: \(text)") }
            return text.contains(message)
        }
    }
}

/// A text column with a distinct value in most rows is flagged as an identifier.
@Suite struct IngestIdentifierTests {
    @Test(arguments: [(3000, 2000, true), (3000, 1000, false), (10_000, 4000, false)])
    func identifierLikeColumnsAreFlagged(rows: Int, distinct: Int, flagged: Bool) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let csv = "id,y\n" + (0..<rows).map { "u\($0 % distinct),\($0)\n" }.joined()
        let report = try IngestTask(configuration: .init()).run(
            sourceBytes: Data(csv.utf8), sourceName: "d.csv", output: dir.url("raw.csv"))
        let id = try #require(report.columnSummaries.first?.summary)
        #expect(id.cardinality == distinct)
        #expect(id.looksLikeIdentifier == flagged)
        #expect(report.columnSummaries.last?.summary.looksLikeIdentifier == false)
    }
}
