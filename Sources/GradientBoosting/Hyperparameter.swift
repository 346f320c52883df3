import Basics

/// One hyperparameter of the trees: its name (XGBoost's), the values it allows, what
/// it does, and where `BoosterParameters` keeps it.
///
/// `BoosterParameters.hyperparameters` lists each once, as XGBoost's
/// `src/tree/param.h` declares its own; reading params.yaml, the validation
/// messages and the README's table all come from that list, so a new parameter or a
/// changed range is written in one place.
package struct Hyperparameter {
    /// The values a hyperparameter allows.
    package enum Domain: Sendable, Equatable {
        /// An integer in the range.
        case integer(ClosedRange<Int>)
        /// A finite number in the range; without its lower bound when `openBelow`
        /// (a learning rate of 0 would learn nothing).
        case real(ClosedRange<Double>, openBelow: Bool)
        /// One of these names.
        case choice([String])
        /// A starting prediction: a finite number, strictly between 0 and 1 for the logistic loss.
        case score
    }

    /// A value as params.yaml gives it and `BoosterParameters` holds it.
    package enum Value: Sendable, Equatable {
        /// A whole number.
        case integer(Int)
        /// A real number.
        case real(Double)
        /// One of a choice's names.
        case name(String)
        /// Not set: the parameter's rule for no value applies (every core, no early stopping).
        case unset
    }

    /// The name in params.yaml and in XGBoost.
    package let name: String
    /// The values it allows.
    package let domain: Domain
    /// Whether `null` is allowed, leaving it unset.
    package let isOptional: Bool
    /// What it does, in one line.
    package let help: String
    /// The default in words, where the value alone does not say it (`no limit`, `all cores`).
    package let defaultNote: String?
    /// More about the allowed values (`0: no limit, lossguide only`).
    package let allowedNote: String?
    private let read: (BoosterParameters) -> Value
    private let write: (inout BoosterParameters, Value) -> Void

    /// The value `parameters` hold.
    package func value(in parameters: BoosterParameters) -> Value { read(parameters) }

    /// Sets the value in `parameters`; a value of another kind than the domain's leaves them unchanged.
    package func set(_ value: Value, in parameters: inout BoosterParameters) { write(&parameters, value) }

    /// Whether `value` is allowed, given the other `parameters` (a score's range depends on the objective).
    package func allows(_ value: Value, given parameters: BoosterParameters) -> Bool {
        switch (domain, value) {
        case (_, .unset): isOptional
        case (.integer(let range), .integer(let number)): range.contains(number)
        case (.real(let range, let openBelow), .real(let number)):
            number.isFinite && range.contains(number) && !(openBelow && number == range.lowerBound)
        case (.choice(let names), .name(let name)): names.contains(name)
        case (.score, .real(let number)):
            parameters.objective == .logistic ? number > 0 && number < 1 : number.isFinite
        default: false
        }
    }

    /// What a value must be, as messages say it after "must be": `an integer in 0...64`.
    package func expectation(given parameters: BoosterParameters) -> String {
        switch domain {
        case .integer(let range):
            "an integer in \(range.lowerBound == Int.min ? "" : "\(range.lowerBound)")...\(range.upperBound == Int.max ? "" : "\(range.upperBound)")"
        case .real(let range, let openBelow):
            "a number in \(openBelow ? "(" : "[")\(JSONWriter.number(range.lowerBound)), "
                + (range.upperBound.isInfinite ? "inf)" : "\(JSONWriter.number(range.upperBound))]")
        case .choice(let names): "one of \(names.joined(separator: ", "))"
        case .score: parameters.objective == .logistic ? "a number in (0, 1) for \(Objective.logistic.rawValue)" : "a finite number"
        }
    }
}

extension Hyperparameter {
    /// An integer parameter kept at `keyPath`.
    static func integer<Number: BinaryInteger>(
        _ name: String, _ keyPath: WritableKeyPath<BoosterParameters, Number>, in range: ClosedRange<Int>,
        help: String, defaultNote: String? = nil, allowedNote: String? = nil
    ) -> Hyperparameter {
        Hyperparameter(
            name: name, domain: .integer(range), isOptional: false, help: help, defaultNote: defaultNote, allowedNote: allowedNote,
            read: { .integer(Int(clamping: $0[keyPath: keyPath])) },
            write: { if case .integer(let number) = $1 { $0[keyPath: keyPath] = Number(clamping: number) } })
    }

    /// An integer parameter kept at `keyPath` that may be unset (`null`).
    static func optionalInteger(
        _ name: String, _ keyPath: WritableKeyPath<BoosterParameters, Int?>, in range: ClosedRange<Int>,
        help: String, defaultNote: String, allowedNote: String? = nil
    ) -> Hyperparameter {
        Hyperparameter(
            name: name, domain: .integer(range), isOptional: true, help: help, defaultNote: defaultNote, allowedNote: allowedNote,
            read: { $0[keyPath: keyPath].map(Value.integer) ?? .unset },
            write: {
                switch $1 {
                case .integer(let number): $0[keyPath: keyPath] = number
                case .unset: $0[keyPath: keyPath] = nil
                default: break
                }
            })
    }

    /// A real parameter kept at `keyPath`.
    static func real(
        _ name: String, _ keyPath: WritableKeyPath<BoosterParameters, Double>, in range: ClosedRange<Double>,
        openBelow: Bool = false, help: String
    ) -> Hyperparameter {
        Hyperparameter(
            name: name, domain: .real(range, openBelow: openBelow), isOptional: false, help: help, defaultNote: nil, allowedNote: nil,
            read: { .real($0[keyPath: keyPath]) },
            write: { if case .real(let number) = $1 { $0[keyPath: keyPath] = number } })
    }

    /// A starting prediction kept at `keyPath`, unset by default.
    static func score(
        _ name: String, _ keyPath: WritableKeyPath<BoosterParameters, Double?>, help: String, defaultNote: String
    ) -> Hyperparameter {
        Hyperparameter(
            name: name, domain: .score, isOptional: true, help: help, defaultNote: defaultNote, allowedNote: nil,
            read: { $0[keyPath: keyPath].map(Value.real) ?? .unset },
            write: {
                switch $1 {
                case .real(let number): $0[keyPath: keyPath] = number
                case .unset: $0[keyPath: keyPath] = nil
                default: break
                }
            })
    }

    /// A parameter kept at `keyPath` whose values are the names of `Choice`'s cases.
    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, _ keyPath: WritableKeyPath<BoosterParameters, Choice>, help: String, allowedNote: String? = nil
    ) -> Hyperparameter where Choice.RawValue == String {
        Hyperparameter(
            name: name, domain: .choice(Choice.allCases.map(\.rawValue)), isOptional: false, help: help, defaultNote: nil,
            allowedNote: allowedNote,
            read: { .name($0[keyPath: keyPath].rawValue) },
            write: { if case .name(let text) = $1, let choice = Choice(rawValue: text) { $0[keyPath: keyPath] = choice } })
    }
}
