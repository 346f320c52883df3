import Basics

/// Values under flattened keys (`train.lr`), in the order they were added: a run's
/// params or metrics, as params.json and metrics.json hold them.
package struct FlatValues: Sendable, Equatable {
    /// The entries; keys are unique.
    package private(set) var entries: [(key: String, value: JSONValue)] = []
    private var positions: [String: Int] = [:]

    /// No values.
    package init() {}

    /// Values from a JSON object, flattening any nested objects (a hand-written file
    /// may nest them); another JSON value gives no values.
    package init(json: JSONValue) {
        for entry in json.flattened() { self[entry.key] = entry.value }
    }

    /// The keys, in order.
    package var keys: [String] { entries.map(\.key) }

    /// Whether there are no values.
    package var isEmpty: Bool { entries.isEmpty }

    /// The value of `key`; setting replaces it in place or appends it.
    package subscript(key: String) -> JSONValue? {
        get { positions[key].map { entries[$0].value } }
        set {
            if let index = positions[key] {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                    positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
                }
            } else if let newValue {
                positions[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    /// The value of `key` as a number, when it is one (booleans are not).
    package func number(_ key: String) -> Double? { self[key].flatMap(Self.number) }

    /// A JSON value as a number, when it is an integer or a double.
    package static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        default: nil
        }
    }

    /// The values as one flat JSON object.
    package var json: JSONValue { .object(entries) }

    /// Same keys in the same order with equal values.
    package static func == (lhs: FlatValues, rhs: FlatValues) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
