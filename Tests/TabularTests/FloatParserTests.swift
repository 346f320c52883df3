import Foundation
import Tabular
import Testing

@Suite struct FloatParserTests {
    /// Inputs around the fast path's limits, where a parser most often rounds wrongly.
    static let edgeCases = [
        "0", "-0", "+0", "0.0", "00012", "1", "-1", "+1", "1.", ".5", "-.5", "0.1", "0.3", "1e5", "1E-5", "1e+5",
        "123.456e-2", "9007199254740992", "9007199254740993", "9007199254740994", "18014398509481985",
        "1e22", "1e23", "123e25", "9e37", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "1e309", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "2.2250738585072011e-308", "2.2250738585072014e-308", "1e-400", "0e999999999", "1e-22", "1e-23",
        "12345678901234567890", "1234567890123456789", "0.1234567890123456789", "0.12345678901234567890",
        "3.141592653589793238462643383279", "0.000000000000000000000000000001", "100000000000000000000000",
        "inf", "-inf", "Infinity", "-INFINITY", "+inf",
    ]

    @Test(arguments: edgeCases)
    func matchesStandardLibraryOnEdgeCases(text: String) throws {
        let expected = try #require(Double(text))
        let parsed = try #require(FloatParser.parse(text))
        #expect(parsed.bitPattern == expected.bitPattern, "\(text): \(parsed) vs \(expected)")
    }

    @Test(arguments: ["", "-", "+", ".", "-.", "e5", "1e", "1e+", "1.2.3", "0x10", "nan", "NaN", "1,5", " 1", "1 ",
                      "in", "infinit", "--1", "1e5x", "١"])
    func rejectsNonNumbers(text: String) {
        #expect(FloatParser.parse(text) == nil)
    }

    @Test(arguments: ["%.17g", "%.9g", "%.3g", "%.15e", "%.6f"])
    func matchesStandardLibraryOnRandomValues(format: String) {
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        for index in 0..<40_000 {
            // Half uniform in [0, 1) and scaled, half any finite bit pattern.
            let value: Double
            if index % 2 == 0 {
                value = Double.random(in: 0..<1, using: &generator) * pow(10, Double(Int.random(in: -30...30, using: &generator)))
            } else {
                let bits = UInt64.random(in: 0...UInt64.max, using: &generator)
                let candidate = Double(bitPattern: bits)
                value = candidate.isFinite ? candidate : 1
            }
            let text = String(format: format, value)
            if FloatParser.parse(text)?.bitPattern != Double(text)?.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func matchesStandardLibraryOnShortDecimals() {
        // Every mantissa/exponent pair in the fast path's range, for short mantissas.
        var mismatches: [String] = []
        for mantissa in [1, 7, 9, 11, 123, 4567, 99_999, 1_234_567, 87_654_321, 999_999_999] {
            for exponent in -40...40 {
                let text = "\(mantissa)e\(exponent)"
                if FloatParser.parse(text)?.bitPattern != Double(text)?.bitPattern { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}

@Suite struct PowersOfTenTests {
    /// Entries as published in Go's strconv and Rust's dec2flt tables.
    @Test(arguments: [
        (-348, 0xFA8F_D5A0_081C_0288 as UInt64, 0x1732_C869_CD60_E453 as UInt64),
        (-347, 0x9C99_E584_0511_8195, 0x0E7F_BD42_205C_8EB4),
        (-346, 0xC3C0_5EE5_0655_E1FA, 0x521F_AC92_A873_B261),
        (-1, 0xCCCC_CCCC_CCCC_CCCC, 0xCCCC_CCCC_CCCC_CCCC),
        (0, 0x8000_0000_0000_0000, 0),
        (346, 0xA765_5D1D_2103_911F, 0x6F8E_118F_0F0E_2195),
        (347, 0xD13E_B464_6944_7567, 0x4B71_95F2_D2D1_A9FB),
    ])
    func tableMatchesPublishedEntries(exponent: Int, high: UInt64, low: UInt64) {
        let index = exponent - PowersOfTen.minimumExponent
        #expect(PowersOfTen.highs[index] == high)
        #expect(PowersOfTen.lows[index] == low)
    }

    @Test func nineteenDigitMantissasAtEveryExponent() {
        var generator = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        for exponent in -360...330 {
            for _ in 0..<60 {
                let digits = Int.random(in: 1...19, using: &generator)
                let mantissa = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
                let text = "\(mantissa)e\(exponent)"
                if FloatParser.parse(text)?.bitPattern != Double(text)?.bitPattern { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
