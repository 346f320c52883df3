import Basics
import Charts
import RunStore

extension RunReport {
    /// Metrics side by side, numeric ones with their change from the first run: the
    /// headline ones first, then those that changed, then the rest.
    func metricsSection() -> HTMLSection {
        let comparison = ValueComparison(runs.map(\.metrics))
        let numeric = comparison.rows.filter { row in row.values.contains { $0.flatMap(FlatValues.number) != nil } }
        let first = headline.compactMap { key in numeric.first { $0.key == key } }
        let shown = Set(first.map(\.key))
        let rest = numeric.filter { !shown.contains($0.key) }
        let rows = first + rest.filter(\.changed) + rest.filter { !$0.changed }
        guard !rows.isEmpty else { return HTMLSection("Metrics", [.paragraph("No numeric metrics were recorded.", .muted)]) }
        var header = ["metric"] + runs.map(Self.label)
        if runs.count > 1 { header += runs.dropFirst().map { "Δ " + Self.label($0) } }
        var table = HTMLTable(header: header)
        for row in rows {
            var cells: [HTMLTable.Cell] = [.init(row.key, emphasis: row.changed ? .highlight : .none)]
            cells += row.values.map(Self.cell)
            if runs.count > 1 {
                cells += row.deltas.dropFirst().map { delta in
                    delta.map { HTMLTable.Cell((($0 > 0) ? "+" : "") + NumberFormat.human($0), emphasis: $0 == 0 ? .muted : .none, isNumeric: true) }
                        ?? HTMLTable.Cell("-", emphasis: .muted)
                }
            }
            table.rows.append(cells)
        }
        return HTMLSection("Metrics", [.table(table)])
    }

    /// Params side by side; a param whose value differs between the runs is highlighted
    /// and listed first.
    func paramsSection() -> HTMLSection {
        let comparison = ValueComparison(runs.map(\.params))
        guard !comparison.rows.isEmpty else { return HTMLSection("Params", [.paragraph("No params were tracked.", .muted)]) }
        let ordered = comparison.rows.filter(\.changed) + comparison.rows.filter { !$0.changed }
        var table = HTMLTable(header: ["param"] + runs.map(Self.label))
        for row in ordered {
            let emphasis: Emphasis = row.changed ? .highlight : .none
            table.rows.append([.init(row.key, emphasis: emphasis)] + row.values.map { value in
                var cell = Self.cell(value)
                if row.changed { cell.emphasis = .highlight }
                return cell
            })
        }
        let changed = comparison.changedRows.count
        let note = runs.count > 1 ? "\(changed) of \(comparison.rows.count) params differ between the runs (highlighted, listed first)." : ""
        return HTMLSection("Params", (note.isEmpty ? [] : [.paragraph(note, .none)]) + [.table(table)])
    }

    /// The longest text a cell shows; longer values (lists of columns) are cut with `…`
    /// so that a table of several runs stays as wide as the page.
    static let cellTextLimit = 32

    /// One value as a table cell: numbers for people, text as it is (cut at
    /// `cellTextLimit`), `-` when absent.
    static func cell(_ value: JSONValue?) -> HTMLTable.Cell {
        switch value {
        case nil, .null?: HTMLTable.Cell("-", emphasis: .muted)
        case .string(let text)?: HTMLTable.Cell(shortened(text))
        case let value?:
            if let number = FlatValues.number(value) { .number(number) } else { HTMLTable.Cell(shortened(JSONWriter.canonical.string(value))) }
        }
    }

    /// `text`, or its first `cellTextLimit - 1` characters and `…`.
    static func shortened(_ text: String) -> String {
        text.count <= cellTextLimit ? text : String(text.prefix(cellTextLimit - 1)) + "…"
    }
}
