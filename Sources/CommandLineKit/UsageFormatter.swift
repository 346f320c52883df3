/// Renders a command's usage line: `USAGE: sluice repro [--force] [<targets> ...]`.
enum UsageFormatter {
    private static let label = "USAGE: "

    /// The usage line of the command, wrapped to 80 columns.
    ///
    /// Only the command's own arguments are listed; inherited options belong to the
    /// commands that declare them. When listing every option would not fit on one
    /// line, the optional ones collapse into `[<options>]` (help lists them all), so
    /// the positionals stay visible where an error message shows the usage.
    static func usage(for context: CommandContext) -> String {
        let options = context.ownOptions
        let tail = context.configuration.isGroup
            ? ["<subcommand>"] : context.positionals.map(\.usageUnit)
        let full = context.path + options.map(\.usageUnit) + tail
        let line = label + full.joined(separator: " ")
        if line.count <= TextWrapper.width { return line }

        let required = options.filter(\.isRequired).map(\.usageUnit)
        let optional = options.contains { !$0.isRequired } ? ["[<options>]"] : []
        let collapsed = context.path + optional + required + tail
        return TextWrapper.fill(collapsed, prefix: label, indent: label.count)
            .joined(separator: "\n")
    }
}
