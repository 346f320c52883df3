@testable import Charts
import Testing

@Suite struct XMLTextTests {
    @Test func specialCharactersBecomeEntities() {
        #expect(XMLText.escaped("<script>a & 'b' \"c\"</script>") == "&lt;script&gt;a &amp; &#39;b&#39; &quot;c&quot;&lt;/script&gt;")
        #expect(XMLText.escaped("naïve – ünïcode ✓") == "naïve – ünïcode ✓")
    }

    @Test func forbiddenControlCharactersAreReplaced() {
        #expect(XMLText.escaped("a\u{0}b\u{1B}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(WellFormed.parse("<t>" + XMLText.escaped("\u{1}\u{FFFE}&<") + "</t>") != nil)
    }

    @Test func shortenedKeepsShortTextWhole() {
        #expect(XMLText.shortened("abc", to: 5) == "abc")
        #expect(XMLText.shortened("abcdefgh", to: 5) == "abcd…")
    }
}
