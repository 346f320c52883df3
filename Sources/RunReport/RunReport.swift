// RunReport: one self-contained HTML page about one or more recorded runs.
//
// It reads runs as the run store gives them (params, metrics, stage records, step
// history) and builds the page from Charts' tables and charts. What it must not know:
// how runs are recorded, pipelines, files on disk, or the command line — the caller
// loads the runs and any extra pictures (plots) and writes the page.

import Basics
import Charts
import RunStore

/// The report on `runs` (oldest first): summary, params with the changed ones
/// highlighted, metrics with deltas from the first run (headline ones first, then
/// those that changed), the stage timeline, step
/// histories as curves (overlaid when there are several runs), the drift verdict
/// when a run has one, and any extra sections the caller adds (plots).
package struct RunReport: Sendable {
    /// The runs, oldest first; the first is the baseline deltas are taken from.
    package var runs: [StoredRun]
    /// Metrics to list first (the pipeline's headline metrics), as runs record their keys.
    package var headline: [String]
    /// Sections the caller adds after the run's own (pictures of declared plots).
    package var extraSections: [HTMLSection]

    /// A report on `runs`; none is allowed and yields a page that says so.
    package init(runs: [StoredRun], headline: [String] = [], extraSections: [HTMLSection] = []) {
        self.runs = runs
        self.headline = headline
        self.extraSections = extraSections
    }

    /// How a run is named in tables and legends: its name, else its id.
    static func label(_ run: StoredRun) -> String { run.record.name ?? run.id }

    /// The whole page.
    package func page() -> HTMLPage {
        let title = runs.count == 1 ? "Run \(Self.label(runs[0]))" : "\(runs.count) runs compared"
        var page = HTMLPage(title: runs.isEmpty ? "No runs" : title)
        guard !runs.isEmpty else {
            page.paragraph("There are no recorded runs to report on: 'sluice repro' records one.", emphasis: .muted)
            return page
        }
        page.summary(summaryItems())
        if let drift = driftSection() { page.blocks.append(.section(drift)) }
        page.blocks.append(.section(paramsSection()))
        page.blocks.append(.section(metricsSection()))
        page.blocks.append(.section(timelineSection()))
        page.blocks.append(.section(historySection()))
        page.blocks += extraSections.map(HTMLBlock.section)
        return page
    }

    /// The page as HTML text.
    package func html() -> String { page().html() }
}
