import CommandLineKit

/// `sluice plots`: a group for drawing the pipeline's declared plots.
struct PlotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "plots", abstract: "Draw the pipeline's plots, or compare them across runs, as one offline HTML page.",
        discussion: """
            Plots are the data files stages declare under 'plots:' (with x, y, template, title, \
            x_label, y_label) and the entries of the top-level 'plots:' list, as in DVC. The page \
            is inline SVG and CSS: it loads nothing from anywhere.
            """,
        subcommands: [PlotsShowCommand.self, PlotsDiffCommand.self])

    /// `--out`, where the page goes.
    static let out = Option<String>(long: "out", short: "o", valueName: "path", help: "The HTML page to write.", default: "plots.html")
    /// `--json`, the data and specs instead of a page.
    static let json = Flag(long: "json", help: "Print the plots' specs and data as JSON instead of writing a page.")
    /// `--open`, the page in the system's viewer.
    static let open = Flag(long: "open", help: "Open the page with the system's opener (xdg-open or open).")

    init(_ values: ParsedValues) throws {}
}
