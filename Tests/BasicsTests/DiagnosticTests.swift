import Basics
import Testing

@Suite struct DiagnosticTests {
    @Test func rendersLocationLineAndCaret() {
        let source = "train:\n  lr: [0.1\n"
        let diagnostic = Diagnostic.error(
            "unclosed flow sequence", at: SourceLocation(file: "params.yaml", line: 2, column: 7),
            hint: "add the closing ']'")
        #expect(diagnostic.rendered(source: source) == """
            params.yaml:2:7: error: unclosed flow sequence
                  lr: [0.1
                      ^
              hint: add the closing ']'
            """)
    }

    @Test func rendersWithoutLocation() {
        #expect(Diagnostic.warning("stage 'x' is frozen").rendered() == "warning: stage 'x' is frozen")
    }
}
