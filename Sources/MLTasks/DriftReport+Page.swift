import Basics
import Charts

extension DriftReport {
    /// The report as a self-contained HTML page: the verdict, the table of columns,
    /// and per column the reference and current distributions overlaid.
    package func page(reference: String, current: String) -> HTMLPage {
        var page = HTMLPage(title: "Drift: \(level.rawValue)")
        let emphasis: Emphasis = level == .none ? .good : level == .moderate ? .highlight : .bad
        page.blocks.append(.summary([
            SummaryItem("level", level.rawValue, emphasis: emphasis),
            SummaryItem("drifted columns", "\(drifted.count) of \(features.count) (share \(NumberFormat.human(share, significantDigits: 3)))"),
            SummaryItem("reference", "\(reference) (\(referenceRows) rows)"),
            SummaryItem("current", "\(current) (\(currentRows) rows)"),
        ]))
        let all = [prediction, target].compactMap { $0 } + features
        let rows: [[HTMLTable.Cell]] = all.map { feature in
            let verdict = feature.drift ? "drift (\(feature.level.rawValue))" : "ok"
            return [HTMLTable.Cell(feature.name), HTMLTable.Cell(feature.kind), HTMLTable.Cell(feature.test),
                    feature.decidingValue.map { HTMLTable.Cell.number($0) } ?? "–", feature.threshold.map { HTMLTable.Cell.number($0) } ?? "–",
                    feature.psi.map { HTMLTable.Cell.number($0) } ?? "–",
                    HTMLTable.Cell.number(feature.missingRateReference), HTMLTable.Cell.number(feature.missingRateCurrent),
                    HTMLTable.Cell(verdict, emphasis: feature.level >= .severe ? .bad : feature.drift ? .highlight : .none)]
        }
        page.blocks.append(.table(HTMLTable(
            header: ["column", "type", "test", "value", "threshold", "PSI", "missing (reference)", "missing (current)", "verdict"], rows: rows)))
        let charts = all.compactMap { feature -> Chart? in
            guard let distribution = feature.distribution else { return nil }
            let bars = { (values: [Double]) in zip(distribution.labels, values).map { Bar($0, $1) } }
            return Chart(title: "\(feature.name) — \(feature.drift ? "drift (\(feature.level.rawValue))" : "ok")",
                         x: Axis(feature.kind == "numeric" ? "reference decile bin" : "category"), y: Axis("share of rows"),
                         series: [.bars("reference", bars(distribution.reference)), .bars("current", bars(distribution.current))],
                         barLayout: .overlaid, notes: feature.note.map { [$0] } ?? [])
        }
        if !charts.isEmpty { page.blocks.append(.section(HTMLSection("Distributions", [.charts(charts, width: 460, height: 300)]))) }
        let notes = notes + (onlyInReference.isEmpty ? [] : ["only in the reference (not compared): " + onlyInReference.joined(separator: ", ")])
            + (onlyInCurrent.isEmpty ? [] : ["only in the current data (not compared): " + onlyInCurrent.joined(separator: ", ")])
        for note in notes { page.blocks.append(.paragraph(note, .none)) }
        return page
    }
}
