import Basics
import Drift
import Foundation
import Testing

/// scipy's answers, written by Fixtures/make_drift_fixtures.py.
enum DriftFixtures {
    /// The whole fixture document, read once.
    static let document: JSONValue = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
              let value = try? JSONReader.load(path: url.appendingPathComponent("drift_fixtures.json").path) else {
            return .null
        }
        return value
    }()

    /// The array of fixture objects under `key` (empty when missing, which the tests then catch).
    static func cases(_ key: String) -> [JSONValue] {
        if case .array(let items)? = document[key] { return items }
        return []
    }

    /// The numeric rows of a grid (`[[n, x, expected], …]`).
    static func grid(_ key: String) -> [[Double]] {
        cases(key).map { row in
            guard case .array(let cells) = row else { return [] }
            return cells.compactMap(\.number)
        }
    }
}

extension JSONValue {
    /// The value as a Double, for an integer or a floating-point number.
    var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The member `key` as a Double (NaN when absent, which no comparison accepts).
    func number(_ key: String) -> Double { self[key]?.number ?? .nan }

    /// The member `key` as an array of Doubles.
    func numbers(_ key: String) -> [Double] {
        guard case .array(let items)? = self[key] else { return [] }
        return items.compactMap(\.number)
    }

    /// The member `key`, an object of integers, as category counts.
    func counts(_ key: String) -> [String: Int] {
        guard case .object(let members)? = self[key] else { return [:] }
        var counts: [String: Int] = [:]
        for member in members { if case .int(let i) = member.value { counts[member.key] = i } }
        return counts
    }

    /// The member `name` as a string ("" when absent).
    var name: String { if case .string(let s)? = self["name"] { s } else { "" } }
}

/// Whether `actual` is within `relative` of `expected` (or within `absolute`, for
/// values so small that a relative bound means nothing).
func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0) -> Bool {
    if actual == expected { return true }
    let difference = abs(actual - expected)
    return difference <= absolute || difference <= relative * abs(expected)
}
