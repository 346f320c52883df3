/// A type whose values can be read from one command-line word, so that `Option` and
/// `Positional` declarations can hold it.
package protocol ExpressibleByArgument: Sendable {
    /// Reads a value from `argument`; `nil` when the word does not hold one.
    init?(argument: String)

    /// What a valid word looks like, completing "expected …" in errors: `an integer`.
    static var expectedArgument: String { get }

    /// The value as help shows it after `default:`.
    var defaultValueDescription: String { get }
}

extension String: ExpressibleByArgument {
    /// Every word is a string.
    package init?(argument: String) { self = argument }

    /// Never shown: every word is a string.
    package static var expectedArgument: String { "a string" }

    /// The string itself.
    package var defaultValueDescription: String { self }
}

extension Int: ExpressibleByArgument {
    /// A decimal integer, optionally signed: `4`, `-1`.
    package init?(argument: String) { self.init(argument, radix: 10) }

    /// `an integer`.
    package static var expectedArgument: String { "an integer" }

    /// The number in decimal.
    package var defaultValueDescription: String { description }
}

extension Double: ExpressibleByArgument {
    /// A finite number: `0.25`, `-1e-3`.
    package init?(argument: String) {
        // `Double` also reads "nan" and "inf", which no option of ours means.
        guard let number = Double(argument), number.isFinite else { return nil }
        self = number
    }

    /// `a number`.
    package static var expectedArgument: String { "a number" }

    /// `0` rather than `0.0` for whole numbers, as a user would type them.
    package var defaultValueDescription: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return description
    }
}
