import Basics
import Foundation

/// A JSON value read from a test fixture, compared the way the conformance script
/// compares: numbers by value (1 == 1.0), objects without regard to member order.
indirect enum JSONExpectation: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONExpectation])
    case object([String: JSONExpectation])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONExpectation].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONExpectation].self))
        }
    }

    /// The expectation a `JSONValue` meets.
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .number(Double(i))
        case .double(let d): self = d.isFinite ? .number(d) : .null
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONExpectation.init))
        case .object(let members):
            var object: [String: JSONExpectation] = [:]
            for member in members { object[member.key] = JSONExpectation(member.value) }
            self = .object(object)
        }
    }

    /// Parses one JSON text.
    static func parse(_ data: Data) throws -> JSONExpectation {
        try JSONDecoder().decode(JSONExpectation.self, from: data)
    }
}
