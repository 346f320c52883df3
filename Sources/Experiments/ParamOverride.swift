// Experiments: `sluice exp` over any pipeline. Overrides of params files given with -S,
// sweeps expanded from them (SearchSpace), each experiment reproduced in a temporary
// copy of the workspace that shares the project's content cache and run-cache,
// recorded as a named run; showing, applying and removing experiments.
//
// What this module must not know: the command line's parsing, rendering and exit
// statuses (SluiceCLI), and ML (a stage is a command, whatever it runs). It never
// prints: progress comes back as events, outcomes as values.
import Basics
import Foundation

/// One `-S [file:]key=value` argument: which params file and key, and the text after
/// `=` (a value, or a sweep expression such as `range(3,9)`).
package struct ParamOverride: Sendable, Hashable {
    /// The params file, relative to the project root (`params.yaml` unless named).
    package var file: String
    /// The dotted key inside it (`train.max_depth`).
    package var key: String
    /// The text after the first `=`.
    package var expression: String
    /// The argument as given, for messages.
    package var argument: String
    /// The 1-based column (in Unicode scalars) of `expression` in `argument`.
    package var expressionColumn: Int

    /// The default params file.
    package static let defaultFile = "params.yaml"

    /// Reads `-S` text: `key=value` for params.yaml, `file.yaml:key=value` for another file.
    package init(argument: String) throws(Diagnostic) {
        self.argument = argument
        guard let equals = argument.firstIndex(of: "=") else {
            throw Self.error(argument, column: argument.unicodeScalars.count + 1, "expected '=' after the key",
                             hint: "write -S key=value, e.g. -S train.max_depth=8, or -S 'train.max_depth=range(3,9)' for a sweep")
        }
        let target = String(argument[..<equals])
        expression = String(argument[argument.index(after: equals)...])
        expressionColumn = target.unicodeScalars.count + 2
        if let colon = target.lastIndex(of: ":") {
            file = String(target[..<colon])
            key = String(target[target.index(after: colon)...])
            if file.isEmpty { throw Self.error(argument, column: 1, "the params file before ':' is empty", hint: "write file.yaml:key=value") }
        } else {
            file = Self.defaultFile
            key = target
        }
        let keyColumn = target.unicodeScalars.count - key.unicodeScalars.count + 1
        if key.isEmpty {
            throw Self.error(argument, column: keyColumn, "the key before '=' is empty", hint: "write -S key=value, e.g. -S train.max_depth=8")
        }
        if key.hasPrefix(".") || key.hasSuffix(".") || key.contains("..") {
            throw Self.error(argument, column: keyColumn, "'\(key)' is not a dotted key", hint: "separate the parts of a key with single dots, e.g. train.max_depth")
        }
        if expression.trimmingCharacters(in: .whitespaces).isEmpty {
            throw Self.error(argument, column: expressionColumn, "the value after '=' is empty",
                             hint: "give a value (-S \(target)=8) or a sweep (-S '\(target)=choice(4,8)')")
        }
    }

    /// The key as run records show it: bare for params.yaml, `file:key` for another file.
    package var displayKey: String { file == Self.defaultFile ? key : file + ":" + key }

    /// An error in this argument at `column` of its expression (1-based), as the sweep parser reports it.
    package func expressionError(_ message: String, column: Int?, hint: String?) -> Diagnostic {
        Self.error(argument, column: column.map { expressionColumn + $0 - 1 }, message, hint: hint)
    }

    /// An error in the `-S` argument `argument`, naming the column and quoting the argument.
    static func error(_ argument: String, column: Int?, _ message: String, hint: String? = nil) -> Diagnostic {
        let place = column.map { " at column \($0)" } ?? ""
        return .error("-S '\(argument)'\(place): \(message)", hint: hint)
    }
}
