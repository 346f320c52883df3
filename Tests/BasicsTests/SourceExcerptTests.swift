import Basics
import Foundation
import Testing
import _TestSupport

@Suite struct SourceExcerptTests {
    @Test func shortLinesAreQuotedWhole() {
        let excerpt = SourceExcerpt(source: "a: 1\nbb: [2\n", line: 2, column: 5)
        #expect(excerpt == SourceExcerpt(line: "bb: [2", column: 5))
        #expect(excerpt?.text == "bb: [2")
        #expect(excerpt?.caretColumn == 5)
    }

    @Test func longLinesAreCutAroundTheColumn() {
        let line = String(repeating: "a", count: 5000) + "X" + String(repeating: "b", count: 5000)
        let excerpt = SourceExcerpt(line: Substring(line), column: 5001)
        // 200 characters of the line and a mark at each cut.
        #expect(excerpt.text.count == SourceExcerpt.width + 2)
        #expect(excerpt.text.hasPrefix("…") && excerpt.text.hasSuffix("…"))
        #expect(Array(excerpt.text)[excerpt.caretColumn - 1] == "X")
    }

    @Test func aColumnNearTheStartKeepsTheStart() {
        let excerpt = SourceExcerpt(line: Substring(String(repeating: "x", count: 1000)), column: 3)
        #expect(!excerpt.text.hasPrefix("…") && excerpt.text.hasSuffix("…"))
        #expect(excerpt.caretColumn == 3)
    }

    @Test func aColumnNearTheEndKeepsTheEnd() {
        let excerpt = SourceExcerpt(line: Substring(String(repeating: "x", count: 1000) + "Y"), column: 1001)
        #expect(excerpt.text.hasPrefix("…") && !excerpt.text.hasSuffix("…"))
        #expect(Array(excerpt.text)[excerpt.caretColumn - 1] == "Y")
    }

    @Test func filesAreReadUpToTheLine() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/data.csv"
        // A 3 MB second line: the excerpt holds 200 characters of it.
        let text = "a,b\n" + String(repeating: "1,", count: 1_500_000) + "Z\nlast\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let excerpt = try #require(SourceExcerpt(path: path, line: 2, column: 2))
        #expect(excerpt.text.count == SourceExcerpt.width + 1)
        #expect(SourceExcerpt(path: path, line: 3, column: 1)?.text == "last")
        #expect(SourceExcerpt(path: path, line: 9, column: 1) == nil)
    }

    @Test func devicesAndMissingFilesGiveNoExcerpt() {
        #expect(SourceExcerpt(path: "/dev/zero", line: 2, column: 1) == nil)
        #expect(SourceExcerpt(path: "/nonexistent/file", line: 1, column: 1) == nil)
    }

    @Test func renderedDiagnosticsQuoteTheWindow() {
        let line = String(repeating: "q", count: 300) + "!"
        let diagnostic = Diagnostic.failure("bad", at: SourceLocation(file: "x.csv", line: 1, column: 301))
        let lines = diagnostic.rendered(source: line).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].count <= 4 + SourceExcerpt.width + 2)
        #expect(lines[2].hasSuffix("^") && lines[1].count == lines[2].count)
    }
}

@Suite struct ErrorCauseTests {
    @Test func diagnosticsSayWhoseMistakeItIs() {
        #expect(Diagnostic.error("x").cause == .configuration)
        #expect(Diagnostic.failure("x").cause == .failure)
        #expect(Diagnostic.error("x").asFailure.cause == .failure)
    }

    @Test func aListIsConfigurationWhenAnyErrorIs() {
        #expect(DiagnosticList([.failure("a"), .error("b")]).cause == .configuration)
        #expect(DiagnosticList([.failure("a"), .warning("b")]).cause == .failure)
    }
}

@Suite struct SystemErrorTextTests {
    @Test func foundationErrorsNameThePathAndReason() throws {
        #expect(throws: (any Error).self) { try Data().write(to: URL(fileURLWithPath: "/dev/null/x/y")) }
        do {
            try FileManager.default.createDirectory(atPath: "/dev/null/x", withIntermediateDirectories: true)
            Issue.record("creating a folder under /dev/null worked")
        } catch {
            let text = SystemErrorText.describe(error)
            #expect(text.contains("'/dev/null' is not a folder"), "\(text)")
            #expect(!text.contains("NSCocoaErrorDomain"))
        }
        do {
            _ = try String(contentsOfFile: "/nonexistent/pipeline.yaml", encoding: .utf8)
            Issue.record("reading a missing file worked")
        } catch {
            #expect(SystemErrorText.reason(error) == "No such file or directory")
        }
    }
}
