import Basics
import MLTasks
import Tabular
import Testing
import _TestSupport

@Suite struct EncodingConfigurationTests {
    static func configuration(_ yaml: String) throws -> PrepareConfiguration {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("params.yaml", "prepare:\n" + yaml)
        return try PrepareConfiguration(ParamsSection.load(path: path, displayName: "params.yaml", section: "prepare"))
    }

    @Test func defaultsAndPerColumnOverrides() throws {
        let configuration = try Self.configuration("""
              encoding:
                min_frequency: 3
                drop: if_binary
                columns:
                  cut: {method: ordinal, order: [Fair, Good]}
                  zip: target
                  when: {date_parts: [year, is_weekend]}
            """)
        let encoding = configuration.encoding
        #expect(encoding.choice(for: "city").method == "native")  // the default: the trees split on categories
        #expect(encoding.choice(for: "city").onehot == OneHotEncoder(minFrequency: 3, drop: .ifBinary))
        #expect(encoding.choice(for: "cut").order == ["Fair", "Good"])
        #expect(encoding.choice(for: "cut").onehot.minFrequency == 3)  // inherited from the default
        #expect(encoding.choice(for: "zip").method == "target")
        #expect(encoding.choice(for: "when").dateParts == DateParts(parts: [.year, .isWeekend]))
    }

    @Test func badEncodingsAreLocated() {
        let cases = [
            ("  encoding: hashing\n", "prepare.encoding must be one of native, onehot, ordinal, target"),
            ("  encoding: {drop: last}\n", "prepare.encoding.drop must be one of first, if_binary, none"),
            ("  encoding: {columns: {cut: {method: ordinal}}}\n", "ordinal needs an order: list"),
            ("  encoding: {date_parts: [minute]}\n", "prepare.encoding.date_parts must be a list of year"),
        ]
        for (yaml, expected) in cases {
            do {
                _ = try Self.configuration(yaml)
                Issue.record("expected an error for \(yaml)")
            } catch {
                #expect("\(error)".contains(expected), "\(error)")
            }
        }
    }
}
