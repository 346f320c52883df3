/// Plain-text columns for terminal output: each column as wide as its widest
/// cell, two spaces between columns, no trailing spaces.
struct TextTable {
    /// The header row; empty for a table without one.
    var header: [String]
    /// The rows; shorter rows are padded with empty cells.
    var rows: [[String]] = []
    /// Text put before every line (for tables nested under a heading).
    var indent = ""

    init(header: [String] = [], rows: [[String]] = [], indent: String = "") {
        self.header = header
        self.rows = rows
        self.indent = indent
    }

    /// The table as lines.
    var lines: [String] {
        let all = (header.isEmpty ? [] : [header]) + rows
        let count = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return all.map { row in
            var line = indent
            for index in 0..<count {
                let cell = index < row.count ? row[index] : ""
                line += index == count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            return line.trimmingTrailingSpaces()
        }
    }

    /// The table as one text.
    var text: String { lines.joined(separator: "\n") }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
