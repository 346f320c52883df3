import Foundation
import GradientBoosting
import Testing

/// The table of hyperparameters is the one place each is declared: the README's
/// table is rendered from it, and each entry reads and writes its own property.
@Suite struct HyperparameterTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    /// The table as the README shows it under "### Gradient-boosted trees".
    static func renderedTable() -> String {
        let defaults = BoosterParameters()
        var lines = ["| key | default | allowed | what it does |", "|---|---|---|---|"]
        for parameter in BoosterParameters.hyperparameters {
            let value: String? = switch parameter.value(in: defaults) {
            case .integer(let number): "\(number)"
            case .real(let number): compact(number)
            case .name(let name): "`\(name)`"
            case .unset: nil
            }
            let shownDefault = [value, parameter.defaultNote.map { value == nil ? $0 : "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            let allowed: String = switch parameter.domain {
            case .integer(let range): "\(range.lowerBound)…" + (range.upperBound == Int.max ? "" : "\(range.upperBound)")
            case .real(let range, let openBelow):
                (openBelow ? "(" : "[") + compact(range.lowerBound) + ", "
                    + (range.upperBound.isInfinite ? "inf)" : compact(range.upperBound) + "]")
            case .choice(let names): names.map { "`\($0)`" }.joined(separator: ", ")
            case .score: "a number ((0, 1) for binary)"
            }
            let shownAllowed = allowed + (parameter.allowedNote.map { " (\($0))" } ?? "")
            lines.append("| `\(parameter.name)` | \(shownDefault) | \(shownAllowed) | \(parameter.help) |")
        }
        return lines.joined(separator: "\n")
    }

    /// `1` rather than `1.0`, as people write bounds and defaults.
    static func compact(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
    }

    /// The first table after the `### Gradient-boosted trees` heading.
    static func readmeTable() throws -> String {
        let lines = try String(contentsOfFile: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(of: "### Gradient-boosted trees") else { return "" }
        let rest = lines[heading...].drop { !$0.hasPrefix("|") }
        return rest.prefix { $0.hasPrefix("|") }.joined(separator: "\n")
    }

    @Test func readmeTableIsRenderedFromTheTable() throws {
        let rendered = Self.renderedTable()
        #expect(try Self.readmeTable() == rendered, "replace the table in README.md with:\n\(rendered)")
    }

    @Test func namesAreUniqueAndDefaultsAllowed() throws {
        let names = BoosterParameters.hyperparameters.map(\.name)
        #expect(Set(names).count == names.count)
        let defaults = BoosterParameters()
        for parameter in BoosterParameters.hyperparameters {
            #expect(parameter.allows(parameter.value(in: defaults), given: defaults), "\(parameter.name)")
        }
        try defaults.validate()
    }

    /// A value each parameter allows that differs from its default.
    static func otherValue(_ parameter: Hyperparameter) -> Hyperparameter.Value {
        switch parameter.domain {
        case .integer(let range): .integer(range.lowerBound + 1)
        case .real(let range, _): .real(range.upperBound.isInfinite ? 2.5 : range.upperBound / 2)
        case .choice(let names): .name(names[1])
        case .score: .real(0.25)
        }
    }

    @Test func eachEntryWritesItsOwnPropertyOnly() {
        let defaults = BoosterParameters()
        for parameter in BoosterParameters.hyperparameters {
            var changed = defaults
            let value = Self.otherValue(parameter)
            parameter.set(value, in: &changed)
            #expect(parameter.value(in: changed) == value, "\(parameter.name)")
            #expect(changed != defaults, "\(parameter.name)")
            let others = BoosterParameters.hyperparameters.filter { $0.name != parameter.name }
            #expect(others.allSatisfy { $0.value(in: changed) == $0.value(in: defaults) }, "\(parameter.name)")
            if parameter.isOptional {
                parameter.set(.unset, in: &changed)
                #expect(parameter.value(in: changed) == .unset, "\(parameter.name)")
            }
        }
    }

    @Test func allowedValuesFollowTheDomain() {
        let parameters = BoosterParameters()
        func named(_ name: String) -> Hyperparameter { BoosterParameters.hyperparameters.first { $0.name == name }! }
        #expect(!named("learning_rate").allows(.real(0), given: parameters))
        #expect(named("learning_rate").allows(.real(1), given: parameters))
        #expect(named("reg_alpha").allows(.real(0), given: parameters))
        #expect(!named("reg_alpha").allows(.real(.infinity), given: parameters))
        #expect(!named("max_depth").allows(.real(3), given: parameters))
        #expect(!named("n_estimators").allows(.unset, given: parameters))
        #expect(named("n_jobs").allows(.unset, given: parameters))
        var logistic = parameters
        logistic.objective = .logistic
        #expect(named("base_score").allows(.real(7), given: parameters))
        #expect(!named("base_score").allows(.real(7), given: logistic))
        #expect(named("base_score").expectation(given: logistic) == "a number in (0, 1) for binary:logistic")
        #expect(named("seed").expectation(given: parameters) == "an integer in 0...")
    }
}
