/// Renders a command's help text in the layout of swift-argument-parser.
///
/// Sections, in order: OVERVIEW, the discussion, USAGE, ARGUMENTS, OPTIONS, GLOBAL
/// OPTIONS (inherited from ancestors), EXAMPLES and SUBCOMMANDS. Rows put the label
/// in a 26-column left margin and wrap the description beside it.
enum HelpFormatter {
    /// The column where descriptions start.
    static let descriptionColumn = 26
    private static let rowIndent = "  "

    /// The complete help text, without a trailing newline.
    static func help(for context: CommandContext) -> String {
        let configuration = context.configuration
        var sections: [String] = []
        if !configuration.abstract.isEmpty {
            sections.append(text(TextWrapper.wrap(configuration.abstract, prefix: "OVERVIEW: ")))
        }
        if !configuration.discussion.isEmpty {
            sections.append(text(TextWrapper.wrap(configuration.discussion)))
        }
        sections.append(UsageFormatter.usage(for: context))
        if !context.positionals.isEmpty {
            sections.append(section("ARGUMENTS", context.positionals.map(row)))
        }
        sections.append(section("OPTIONS", optionRows(context)))
        if !context.isRoot, !context.inherited.isEmpty {
            sections.append(section("GLOBAL OPTIONS", context.inherited.map(row)))
        }
        if let examples = configuration.examples, !examples.isEmpty {
            let lines = examples.flatMap { $0.split(separator: "\n").map { rowIndent + $0 } }
            sections.append(section("EXAMPLES", lines))
        }
        if configuration.isGroup {
            sections.append(subcommandSection(context))
        }
        return sections.joined(separator: "\n\n")
    }

    private static func optionRows(_ context: CommandContext) -> [String] {
        var rows = context.ownOptions.map(row)
        if context.offersVersion {
            rows.append(row(label: "--version", description: "Show the version."))
        }
        rows.append(row(label: "-h, --help", description: "Show help information."))
        return rows
    }

    private static func subcommandSection(_ context: CommandContext) -> String {
        let rows = context.configuration.subcommands.map { subcommand in
            let sub = subcommand.configuration
            return row(label: ([sub.name] + sub.aliases).joined(separator: ", "), description: sub.abstract)
        }
        let helpPath = ([context.path[0], "help"] + context.path.dropFirst() + ["<subcommand>"])
            .joined(separator: " ")
        return section("SUBCOMMANDS", rows) + "\n\n" + rowIndent
            + "See '\(helpPath)' for detailed help."
    }

    private static func row(_ definition: ArgumentDefinition) -> String {
        row(label: definition.helpLabel, description: definition.helpDescription)
    }

    /// One two-column row; a label too wide for the margin gets a line of its own.
    private static func row(label: String, description: String) -> String {
        let labelText = rowIndent + label
        let margin = String(repeating: " ", count: descriptionColumn)
        guard !description.isEmpty else { return labelText }
        if labelText.count + 2 > descriptionColumn {
            return text([labelText] + TextWrapper.wrap(description, prefix: margin, indent: descriptionColumn))
        }
        let padded = labelText + String(repeating: " ", count: descriptionColumn - labelText.count)
        return text(TextWrapper.wrap(description, prefix: padded, indent: descriptionColumn))
    }

    private static func section(_ title: String, _ rows: [String]) -> String {
        text(["\(title):"] + rows)
    }

    private static func text(_ lines: [String]) -> String {
        lines.joined(separator: "\n")
    }
}
