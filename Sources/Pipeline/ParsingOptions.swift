/// How a mapping referenced in `cmd` (`python train.py ${train}`) is unpacked into
/// command-line arguments: DVC's `parsing` configuration section.
///
/// The loader never reads a configuration file: the project reads the settings
/// (declared once in `ParsingOptions.settings`) and passes them in.
package struct ParsingOptions: Sendable, Hashable {
    /// `parsing.bool`: how a boolean value is written, named after Python argparse's actions.
    package enum BoolStyle: String, CaseIterable, Sendable {
        /// `--flag` when true, nothing when false.
        case storeTrue = "store_true"
        /// `--flag` when true, `--no-flag` when false.
        case booleanOptional = "boolean_optional"
    }

    /// `parsing.list`: how a list value is written, named after Python argparse's actions.
    package enum ListStyle: String, CaseIterable, Sendable {
        /// `--key 1 2`.
        case nargs
        /// `--key 1 --key 2`.
        case append
    }

    /// How booleans are written.
    package var bool: BoolStyle
    /// How lists are written.
    package var list: ListStyle

    /// The options; the defaults are DVC's.
    package init(bool: BoolStyle = .storeTrue, list: ListStyle = .nargs) {
        self.bool = bool
        self.list = list
    }
}
