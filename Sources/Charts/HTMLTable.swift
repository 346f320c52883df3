import Basics
/// A table for an HTML page: a header row and body rows of cells.
package struct HTMLTable: Sendable, Equatable {
    /// One cell: its text, how it stands out, and whether it holds a number (right-aligned).
    package struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        /// The text shown (escaped when written).
        package var text: String
        /// The cell's emphasis class.
        package var emphasis: Emphasis
        /// Whether the cell is a number, aligned right in tabular digits.
        package var isNumeric: Bool

        /// A cell showing `text`.
        package init(_ text: String, emphasis: Emphasis = .none, isNumeric: Bool = false) {
            self.text = text
            self.emphasis = emphasis
            self.isNumeric = isNumeric
        }

        /// A cell showing `value` in the human number format.
        package static func number(_ value: Double, emphasis: Emphasis = .none) -> Cell {
            Cell(NumberFormat.human(value), emphasis: emphasis, isNumeric: true)
        }

        /// A plain text cell written as a literal.
        package init(stringLiteral text: String) {
            self.init(text)
        }
    }

    /// Column headings.
    package var header: [String]
    /// Body rows; a row shorter than the header is padded with empty cells when written.
    package var rows: [[Cell]]
    /// A line under the table saying what it shows (may be empty).
    package var caption: String

    /// A table with `header` and `rows`.
    package init(header: [String], rows: [[Cell]] = [], caption: String = "") {
        self.header = header
        self.rows = rows
        self.caption = caption
    }

    /// The table as HTML.
    func html() -> String {
        var html = "<table>\n"
        if !caption.isEmpty { html += "<caption>" + XMLText.escaped(caption) + "</caption>\n" }
        if !header.isEmpty {
            html += "<thead><tr>" + header.map { "<th>" + XMLText.escaped($0) + "</th>" }.joined() + "</tr></thead>\n"
        }
        html += "<tbody>\n"
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        for row in rows {
            html += "<tr>"
            for index in 0..<width {
                let cell = index < row.count ? row[index] : Cell("")
                var classes: [String] = []
                if cell.emphasis != .none { classes.append(cell.emphasis.rawValue) }
                if cell.isNumeric { classes.append("num") }
                let attribute = classes.isEmpty ? "" : " class=\"" + classes.joined(separator: " ") + "\""
                html += "<td" + attribute + ">" + XMLText.escaped(cell.text) + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
