import Basics

/// A condition on a run's metrics or params, as `sluice runs list --filter` takes it:
/// `rmse<3.5`, `r2 >= 0.8`, `train.lr==0.1`, `model.kind != gbdt`.
///
/// The name is looked up among the run's metrics first, then its params. Ordering
/// comparisons need numbers; `==` and `!=` also compare text. A run without the
/// name does not match.
package struct RunFilter: Sendable, Equatable {
    /// A comparison operator.
    package enum Operator: String, Sendable, CaseIterable {
        /// `<=`
        case lessOrEqual = "<="
        /// `>=`
        case greaterOrEqual = ">="
        /// `==` (also written `=`)
        case equal = "=="
        /// `!=`
        case notEqual = "!="
        /// `<`
        case less = "<"
        /// `>`
        case greater = ">"
    }

    /// Why an expression does not parse, and where (1-based column in the expression).
    package struct ParseError: Error, Sendable, Equatable {
        /// What is wrong.
        package var message: String
        /// Where, counting characters from 1.
        package var column: Int

        /// Creates an error.
        package init(message: String, column: Int) {
            self.message = message
            self.column = column
        }
    }

    /// The metric or param name.
    package var key: String
    /// The comparison.
    package var comparison: Operator
    /// The right-hand side as written (quotes removed).
    package var operand: String

    /// Parses `text`.
    package init(parsing text: String) throws(ParseError) {
        let characters = Array(text)
        var position = 0
        func skipSpaces() { while position < characters.count, characters[position].isWhitespace { position += 1 } }
        skipSpaces()
        let keyStart = position
        while position < characters.count, !characters[position].isWhitespace, !"<>=!".contains(characters[position]) { position += 1 }
        key = String(characters[keyStart..<position])
        guard !key.isEmpty else { throw ParseError(message: "expected a metric or param name", column: keyStart + 1) }
        skipSpaces()
        let rest = String(characters[position...])
        let spelled = Operator.allCases.map { ($0, $0.rawValue) } + [(.equal, "=")]
        guard let (found, spelling) = spelled.first(where: { rest.hasPrefix($0.1) }) else {
            throw ParseError(message: "expected a comparison (<, <=, >, >=, ==, !=) after '\(key)'", column: position + 1)
        }
        comparison = found
        position += spelling.count
        skipSpaces()
        let valueStart = position
        var value = String(characters[position...]).trimmingTrailingWhitespace()
        if value.count >= 2, let first = value.first, first == value.last, first == "'" || first == "\"" {
            value = String(value.dropFirst().dropLast())
        }
        guard !value.isEmpty else { throw ParseError(message: "expected a value after '\(spelling)'", column: valueStart + 1) }
        if found != .equal && found != .notEqual && Double(value) == nil {
            throw ParseError(message: "expected a number after '\(spelling)'", column: valueStart + 1)
        }
        operand = value
    }

    /// Whether `run` satisfies the condition.
    package func matches(_ run: StoredRun) -> Bool {
        guard let value = run.metrics[key] ?? run.params[key] else { return false }
        if let number = FlatValues.number(value), let target = Double(operand) {
            switch comparison {
            case .less: return number < target
            case .lessOrEqual: return number <= target
            case .greater: return number > target
            case .greaterOrEqual: return number >= target
            case .equal: return number == target
            case .notEqual: return number != target
            }
        }
        let text = if case .string(let string) = value { string } else { JSONWriter.canonical.string(value) }
        switch comparison {
        case .equal: return text == operand
        case .notEqual: return text != operand
        default: return false
        }
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
