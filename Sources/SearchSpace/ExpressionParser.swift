import Basics

/// Reads one sweep expression, scalar by scalar, remembering columns for its errors.
///
/// The grammar, Hydra's for the forms DVC documents:
///
///     expression := call | item ("," item)*
///     call       := function "(" [argument ("," argument)*] ")"
///     argument   := [name "="] item
///     item       := quoted text | bare text (no `,()[]{}`), trimmed
struct ExpressionParser {
    /// One value as written, with where it was written.
    struct Item {
        var value: SearchValue
        var text: String
        var column: Int
        var keyword: String?
    }

    /// The sweep functions, with their parameters in positional order.
    static let functions: [(name: String, parameters: [String])] = [
        ("choice", []), ("range", ["start", "stop", "step"]), ("uniform", ["low", "high"]),
        ("loguniform", ["low", "high"]), ("randint", ["low", "high"]),
    ]

    private let scalars: [Unicode.Scalar]
    private let startColumn: Int
    private var position = 0

    /// A parser of `text`, whose first character is at `startColumn` of the caller's text.
    init(_ text: String, startColumn: Int) {
        scalars = Array(text.unicodeScalars)
        self.startColumn = startColumn
    }

    /// The domain the whole text declares.
    mutating func parseDomain() throws(SearchSpaceError) -> SearchDomain {
        skipSpaces()
        guard position < scalars.count else {
            throw error("expected a value or a sweep", at: position, hint: "for example 5, range(3,9), choice(0.1,0.3) or uniform(0.5,1)")
        }
        let domain: SearchDomain
        if let call = try parseCall() {
            domain = call
        } else {
            var items = [try parseItem()]
            while consume(",") { items.append(try parseItem()) }
            domain = items.count == 1 ? .value(items[0].value) : .choice(items.map(\.value))
        }
        skipSpaces()
        guard position == scalars.count else {
            throw error("unexpected `\(scalars[position])` after the end of the expression", at: position)
        }
        return domain
    }

    /// A function call at the current position, or `nil` (and nothing consumed) when there is none.
    private mutating func parseCall() throws(SearchSpaceError) -> SearchDomain? {
        let start = position
        guard let name = readIdentifier() else { return nil }
        skipSpaces()
        guard position < scalars.count, scalars[position] == "(" else {
            position = start
            return nil
        }
        guard let function = Self.functions.first(where: { $0.name == name }) else {
            let known = Self.functions.map(\.name)
            let nearest = name == "interval" ? "uniform" : Suggestion.closest(to: name, among: known)
            throw error(
                "unknown sweep function `\(name)`", at: start,
                hint: (nearest.map { "did you mean `\($0)`? " } ?? "") + "The functions are \(known.joined(separator: ", ")).")
        }
        position += 1
        var arguments: [Item] = []
        skipSpaces()
        if !consume(")") {
            while true {
                arguments.append(try parseArgument())
                skipSpaces()
                if consume(")") { break }
                if consume(",") { continue }
                if position == scalars.count { throw error("expected `)` to close \(name)(", at: position) }
                throw error("expected `,` or `)`, found `\(scalars[position])`", at: position)
            }
        }
        let call = SweepCall(name: name, parameters: function.parameters, column: column(start), closeColumn: column(position - 1), arguments: arguments)
        return try call.domain()
    }

    /// An argument of a call: an item, perhaps named (`step=2`).
    private mutating func parseArgument() throws(SearchSpaceError) -> Item {
        skipSpaces()
        let start = position
        var keyword: String?
        if let name = readIdentifier() {
            skipSpaces()
            if consume("=") { keyword = name } else { position = start }
        }
        var item = try parseItem()
        item.keyword = keyword
        if keyword != nil { item.column = column(start) }
        return item
    }

    /// One value: quoted text, or bare text classified as a number, a boolean or a name.
    private mutating func parseItem() throws(SearchSpaceError) -> Item {
        skipSpaces()
        let start = position
        if position < scalars.count, scalars[position] == "'" || scalars[position] == "\"" {
            let text = try readQuoted()
            return Item(value: .string(text), text: text, column: column(start), keyword: nil)
        }
        while position < scalars.count, !",()[]{}".unicodeScalars.contains(scalars[position]) { position += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<position])).trimmingWhitespace
        if position < scalars.count {
            switch scalars[position] {
            case "(":
                throw error("a sweep cannot take another sweep as a value", at: position, hint: "write the values out: choice(1,2,3)")
            case "[", "{":
                throw error("lists and mappings are not sweep values", at: position, hint: "list the values with choice(a,b,c)")
            default: break
            }
        }
        guard !text.isEmpty else { throw error("expected a value", at: position) }
        return Item(value: try Self.classify(text, column: column(start)), text: text, column: column(start), keyword: nil)
    }

    /// Text between matching quotes, where a backslash keeps the next character.
    private mutating func readQuoted() throws(SearchSpaceError) -> String {
        let quote = scalars[position], start = position
        position += 1
        var text = String.UnicodeScalarView()
        while position < scalars.count, scalars[position] != quote {
            if scalars[position] == "\\", position + 1 < scalars.count { position += 1 }
            text.append(scalars[position])
            position += 1
        }
        guard position < scalars.count else { throw error("unterminated quoted text", at: start, hint: "close it with \(quote)") }
        position += 1
        return String(text)
    }

    /// A name (`range`, `step`) at the current position, consumed; `nil` when none starts here.
    private mutating func readIdentifier() -> String? {
        let start = position
        func isStart(_ s: Unicode.Scalar) -> Bool { s == "_" || (s.isASCII && s.properties.isAlphabetic) }
        guard position < scalars.count, isStart(scalars[position]) else { return nil }
        while position < scalars.count, isStart(scalars[position]) || ("0"..."9").contains(scalars[position]) { position += 1 }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private mutating func skipSpaces() {
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        skipSpaces()
        guard position < scalars.count, scalars[position] == scalar else { return false }
        position += 1
        return true
    }

    private func column(_ index: Int) -> Int { startColumn + index }

    private func error(_ message: String, at index: Int, hint: String? = nil) -> SearchSpaceError {
        SearchSpaceError(message, column: column(index), hint: hint)
    }
}
