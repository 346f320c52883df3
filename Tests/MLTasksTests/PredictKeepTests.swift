import Foundation
import MLTasks
import Tabular
import Testing
import _TestSupport

/// `ml predict --keep` copies kept columns as the input spelt them.
@Suite struct PredictKeepTests {
    @Test func keptDatesAndBooleanWordsAreCopiedAsWrittenAndNumbersAsBefore() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("in.csv", "id,when,flag,bit,x\n007,2024-01-05T10:00:00+02:00,yes,1.0,1\n8,2024-01-06,No,0,2\n")
        let table = try CSVReader.read(path: path)
        #expect(table["when"]?.type == .datetime)
        #expect(table["flag"]?.isNumeric == true)
        let kept = try PredictTask.keptColumns(["id", "when", "flag", "bit"], of: table, path: path)
        #expect(try CSVWriter.string(kept) == "id,when,flag,bit\n7,2024-01-05T10:00:00+02:00,yes,1\n8,2024-01-06,No,0\n")
    }
}
