@testable import Basics
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (3.968546622909052, "3.9685"), (3.9434219623092397, "3.9434"), (1_234_567, "1.2346e6"), (120_000, "120000"),
        (999_999.7, "1e6"), (0.00012, "0.00012"), (0.000012345678, "1.2346e-5"), (0, "0"), (-0.0, "0"), (-2.5, "-2.5"),
        (9.99996, "10"), (1e300, "1e300"), (0.1 + 0.2, "0.3"), (42, "42"), (-1e-7, "-1e-7"),
        (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ])
    func human(_ value: Double, _ expected: String) {
        #expect(NumberFormat.human(value) == expected)
    }

    @Test func significantDigitsAreBounded() {
        #expect(NumberFormat.human(3.968546622909052, significantDigits: 2) == "4")
        #expect(NumberFormat.human(3.968546622909052, significantDigits: 0) == "4")
        #expect(NumberFormat.human(1.0 / 3, significantDigits: 99) == "0.33333333333333331")
    }

    @Test func tickLabelsTellNeighboursApart() {
        let labels = [1000.001, 1000.002, 1000.003].map { NumberFormat.tick($0, step: 0.001) }
        #expect(labels == ["1000.001", "1000.002", "1000.003"])
        #expect(NumberFormat.tick(0.30000000000000004, step: 0.1) == "0.3")
        #expect(NumberFormat.tick(5.551115123125783e-17, step: 0.1) == "0")
        #expect(NumberFormat.tick(2e6, step: 1e6) == "2e6")
    }
}
