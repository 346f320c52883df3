import Basics
import Dispatch
import Foundation
@testable import Tabular
import Testing
import _TestSupport

/// A CSV file that another process truncates or rewrites while sluice reads it must
/// give an error or the table it held, never SIGBUS (which a memory map of the file
/// raised on the first touch of a page past the new end).
@Suite struct FileContentsTests {
    static func numericCSV(rows: Int) -> String {
        "a,b,c\n" + (0..<rows).map { "\($0),\(Double($0) / 4),\($0 % 7)\n" }.joined()
    }

    @Test func bytesStayReadableAfterTheFileIsTruncated() throws {
        let directory = try TemporaryDirectory(prefix: "sluice-filecontents")
        defer { directory.remove() }
        let text = Self.numericCSV(rows: 100_000)
        let path = try directory.write("data.csv", text)
        let sum = try FileContents.withContents(ofFile: path, displayName: "data.csv") { file in
            #expect(truncate(path, 10) == 0)
            // Every byte, including those past the file's new end: a mapped file would raise SIGBUS here.
            return file.bytes.reduce(0) { $0 &+ Int($1) }
        }
        #expect(sum == text.utf8.reduce(0) { $0 &+ Int($1) })
    }

    @Test func aFileThatShrankIsReportedWhenReadAgain() throws {
        let directory = try TemporaryDirectory(prefix: "sluice-filecontents")
        defer { directory.remove() }
        let path = try directory.write("data.csv", Self.numericCSV(rows: 50_000))
        try FileContents.withContents(ofFile: path, displayName: "data.csv") { file in
            #expect(truncate(path, 100) == 0)
            let error = #expect(throws: Diagnostic.self) { try file.reload() }
            #expect(error?.message == "'data.csv' became shorter while it was read (it had \(file.bytes.count) bytes)")
        }
    }

    @Test func aSecondPassOverATruncatedFileIsAnErrorNotACrash() throws {
        let directory = try TemporaryDirectory(prefix: "sluice-filecontents")
        defer { directory.remove() }
        // A text column makes the reader parse twice; the numeric pass hands pages back first.
        let text = "id,name\n" + (0..<200_000).map { "\($0),name \($0)\n" }.joined()
        let path = try directory.write("data.csv", text)
        try FileContents.withContents(ofFile: path, displayName: "data.csv") { file in
            #expect(truncate(path, 1000) == 0)
            #expect(throws: Diagnostic.self) {
                try CSVReader.read(bytes: file.bytes, fileName: "data.csv", options: CSVReadOptions(chunkSize: 1 << 16), file: file)
            }
        }
    }

    @Test func aSecondPassReadsTheSameBytesAgain() throws {
        let directory = try TemporaryDirectory(prefix: "sluice-filecontents")
        defer { directory.remove() }
        let text = "id,name\n" + (0..<200_000).map { "\($0),name \($0)\n" }.joined()
        let path = try directory.write("data.csv", text)
        let table = try CSVReader.read(path: path, options: CSVReadOptions(chunkSize: 1 << 16))
        #expect(table.rowCount == 200_000)
        #expect(try table.numericColumn(named: "id").last == 199_999)
        #expect(table["name"]?.stringValues?.last == "name 199999")
    }

    @Test func readingWhileAnotherThreadTruncatesAndRewritesNeverCrashes() throws {
        let directory = try TemporaryDirectory(prefix: "sluice-filecontents")
        defer { directory.remove() }
        let text = Self.numericCSV(rows: 200_000)
        let path = try directory.write("data.csv", text)
        let done = DispatchSemaphore(value: 0)
        let stop = StopFlag()
        DispatchQueue.global().async {
            var round = 0
            while !stop.isSet {
                // Cut to a varying length, then restore the whole file.
                _ = truncate(path, off_t(round % 7 * 100_000))
                try? text.write(toFile: path, atomically: false, encoding: .utf8)
                round += 1
            }
            done.signal()
        }
        var outcomes = (tables: 0, errors: 0)
        for _ in 0..<30 {
            do {
                let table = try CSVReader.read(path: path, options: CSVReadOptions(chunkSize: 1 << 16))
                #expect(table.columnCount == 3)
                outcomes.tables += 1
            } catch {
                outcomes.errors += 1
            }
        }
        stop.set()
        done.wait()
        #expect(outcomes.tables + outcomes.errors == 30)
    }
}

/// A flag one thread sets and another polls.
private final class StopFlag: @unchecked Sendable {
    // Unchecked: every access holds the lock.
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

@Suite struct FileRewrittenBetweenPassesTests {
    /// Rows after a stray quote in an unquoted field, then a quoted field with a line
    /// break: the splitter's quote parity is off by one, so a cut lands inside the
    /// quoted field and the reader must parse the file again in order.
    static let text: String = {
        var lines = ["a,b", "1,5'3\""]
        lines += (0..<40).map { "\($0),plain" }
        lines.append("2,\"x\ny\"")
        lines += (0..<40).map { "\($0),after" }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func theInOrderReadingFindsTheSameTableAsOnePass() throws {
        let table = try CSVReader.read(string: Self.text, options: CSVReadOptions(chunkSize: 64))
        #expect(table == (try CSVReader.read(string: Self.text, options: CSVReadOptions(chunkSize: Int.max))))
        #expect(table.rowCount == 82)
    }

    @Test func aFileWithMoreLineBreaksOnTheSecondReadingIsAnError() throws {
        let directory = try TemporaryDirectory(prefix: "sluice-filecontents")
        defer { directory.remove() }
        let path = try directory.write("data.csv", Self.text)
        // Same length, a valid record more per row: more records than the first reading made room for.
        let rewritten = Self.text.replacingOccurrences(of: "plain", with: "\n1,22").replacingOccurrences(of: "after", with: "\n3,44")
        #expect(rewritten.utf8.count == Self.text.utf8.count)
        try FileContents.withContents(ofFile: path, displayName: "data.csv") { file in
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data(rewritten.utf8))  // in place: the open descriptor reads it
            try handle.close()
            let error = #expect(throws: Diagnostic.self) {
                try CSVReader.read(bytes: file.bytes, fileName: "data.csv", options: CSVReadOptions(chunkSize: 64), file: file)
            }
            #expect(error?.message == "'data.csv' changed while it was read")
        }
    }
}
