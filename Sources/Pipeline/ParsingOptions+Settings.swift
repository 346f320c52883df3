/// One setting of the `parsing` section as configuration files name it: its name,
/// the values it takes, its default and what it does.
///
/// Readers of configuration files go through `ParsingOptions.settings`, so a new
/// setting is declared in one place and every file that can hold it accepts it.
package struct ParsingSetting: Sendable {
    /// The key inside the section (`bool`), as in `parsing.bool`.
    package let name: String
    /// The values it takes, in the order messages list them.
    package let allowed: [String]
    /// The value when no file sets it.
    package let defaultValue: String
    /// One sentence on what it changes.
    package let help: String
    private let assign: @Sendable (inout ParsingOptions, String) -> Bool

    init<Style: RawRepresentable & CaseIterable & Sendable>(
        name: String, default defaultStyle: Style, help: String,
        set: @escaping @Sendable (inout ParsingOptions, Style) -> Void
    ) where Style.RawValue == String {
        self.name = name
        allowed = Style.allCases.map(\.rawValue)
        defaultValue = defaultStyle.rawValue
        self.help = help
        assign = { options, text in
            // DVC lowercases these values before checking them, so `Store_True` is accepted there too.
            guard let style = Style(rawValue: text.lowercased()) else { return false }
            set(&options, style)
            return true
        }
    }

    /// Sets this setting of `options` to `value`; `false` (and `options` unchanged)
    /// when `value` is not one of `allowed`.
    package func apply(_ value: String, to options: inout ParsingOptions) -> Bool {
        assign(&options, value)
    }

    /// `'store_true' or 'boolean_optional'`, for messages.
    package var allowedList: String {
        let quoted = allowed.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.joined() }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }
}

extension ParsingOptions {
    /// The section's name in configuration files.
    package static let section = "parsing"

    /// Every setting of the section.
    package static let settings: [ParsingSetting] = [
        ParsingSetting(name: "bool", default: BoolStyle.storeTrue,
                       help: "how a boolean in an unpacked mapping is written: 'store_true' gives --flag when true "
                           + "and nothing when false, 'boolean_optional' gives --flag or --no-flag") { $0.bool = $1 },
        ParsingSetting(name: "list", default: ListStyle.nargs,
                       help: "how a list in an unpacked mapping is written: 'nargs' gives --key 1 2, "
                           + "'append' gives --key 1 --key 2") { $0.list = $1 },
    ]

    /// The setting called `name`, if there is one.
    package static func setting(named name: String) -> ParsingSetting? {
        settings.first { $0.name == name }
    }
}
