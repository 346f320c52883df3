@testable import CommandLineKit
import Testing

@Suite struct TextWrapperTests {
    @Test func fillsWordsUpToTheWidth() {
        #expect(TextWrapper.fill(["aa", "bb", "cc"], width: 5) == ["aa bb", "cc"])
        #expect(TextWrapper.fill(["aa", "bb", "cc"], width: 5, prefix: "> ", indent: 2) == ["> aa", "  bb", "  cc"])
    }

    @Test func keepsOverlongUnitsWhole() {
        #expect(TextWrapper.fill(["a", "abcdefgh", "b"], width: 4) == ["a", "abcdefgh", "b"])
    }

    @Test func keepsLineBreaksBlankLinesAndIndentation() {
        let text = "one two three\n\n  - four five six"
        #expect(TextWrapper.wrap(text, width: 9) == ["one two", "three", "", "  - four", "    five", "    six"])
    }

    @Test func dropsTrailingSpaces() {
        #expect(TextWrapper.wrap("", prefix: "label   ") == ["label"])
    }

    @Test func helpRowsWrapBesideTheLabelColumn() throws {
        let help = try CommandParser(root: FakeSluice.self).helpText(for: ["repro"])
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains("                          Can be repeated."))
    }
}
