/// One piece of an HTML page, in reading order.
package indirect enum HTMLBlock: Sendable, Equatable {
    /// A heading one level below the heading of the section it is in.
    case heading(String)
    /// A paragraph of plain text, optionally emphasised.
    case paragraph(String, Emphasis)
    /// A table.
    case table(HTMLTable)
    /// One chart drawn at `width` × `height` pixels.
    case chart(Chart, width: Int, height: Int)
    /// Several charts side by side, wrapping to the page's width (one per feature, say).
    case charts([Chart], width: Int, height: Int)
    /// Short facts as a list of name–value pairs, each value optionally emphasised.
    case summary([SummaryItem])
    /// A titled section holding more blocks.
    case section(HTMLSection)
}

/// A name–value pair of a summary block (`rows 506`, `level severe`).
package struct SummaryItem: Sendable, Equatable {
    /// What the value is.
    package var name: String
    /// The value as shown.
    package var value: String
    /// How the value stands out.
    package var emphasis: Emphasis

    /// The pair `name`: `value`.
    package init(_ name: String, _ value: String, emphasis: Emphasis = .none) {
        self.name = name
        self.value = value
        self.emphasis = emphasis
    }
}

/// A section of a page: a heading and the blocks under it.
package struct HTMLSection: Sendable, Equatable {
    /// The section's heading.
    package var title: String
    /// What the section holds.
    package var blocks: [HTMLBlock]

    /// A section titled `title` holding `blocks`.
    package init(_ title: String, _ blocks: [HTMLBlock] = []) {
        self.title = title
        self.blocks = blocks
    }
}
