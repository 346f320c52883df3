import Basics
import Foundation
import Testing
@testable import SluiceCLI

@Suite struct RunFormatTests {
    @Test(arguments: [
        (nil, "-"), (0.0042, "0.00s"), (0.42, "0.42s"), (9.994, "9.99s"), (12.34, "12.3s"), (245.0, "4m 05s"),
        (7385.0, "2h 03m"), (-1.0, "-"),
    ] as [(Double?, String)])
    func durations(seconds: Double?, expected: String) {
        #expect(RunFormat.duration(seconds) == expected)
    }

    @Test(arguments: [(0.0, "0s"), (59, "59s"), (60, "1m"), (3599, "59m"), (3600, "1h"), (86_399, "23h"), (172_800, "2d"), (-5, "0s")])
    func ages(seconds: Double, expected: String) {
        let now = Date(timeIntervalSince1970: 1_795_343_400)
        #expect(RunFormat.age(now.addingTimeInterval(-seconds), now: now) == expected)
    }

    /// Values in tables go through the one formatter for people; strings stay as they are.
    @Test(arguments: [
        (JSONValue.double(3.968546622909052), "3.9685"), (.double(1e-5), "1e-5"), (.double(1234567), "1.2346e6"),
        (.double(.nan), "nan"), (.string("3.968546622909052"), "3.968546622909052"), (nil, "-"),
    ] as [(JSONValue?, String)])
    func values(value: JSONValue?, expected: String) {
        #expect(RunFormat.value(value) == expected)
    }

    @Test func deltasCarryTheirSign() {
        #expect(RunFormat.delta(0.25) == "+0.25")
        #expect(RunFormat.delta(-3.0000001) == "-3")
    }

    @Test func tablesAlignColumnsWithoutTrailingSpaces() {
        let table = TextTable(header: ["Run", "Name", "rmse"], rows: [["a", "long name", "3"], ["bb", "-"]], indent: "  ")
        #expect(table.lines == ["  Run  Name       rmse", "  a    long name  3", "  bb   -"])
    }

    @Test(arguments: [1e300, -1e300, 1.000001e15, 1e18, -1e18, 9.3e18, Double.infinity, -Double.infinity, Double.nan])
    func durationsNoRunCanHaveAreUnknown(seconds: Double) {
        #expect(RunFormat.duration(seconds) == "-")
    }

    @Test func longDurationsCountHoursPastThirtyTwoBits() {
        // %d would print the low 32 bits of 3_000_000_000 hours.
        #expect(RunFormat.duration(3_000_000_000 * 3600 + 125) == "3000000000h 02m")
        #expect(RunFormat.duration(3599.6) == "1h 00m")
    }

    @Test(arguments: [1e300, -1e300, 1e18, Double.infinity, Double.nan])
    func agesOfTimesFarFromNowNeverTrap(offset: Double) {
        let now = Date(timeIntervalSince1970: 1_795_343_400)
        let age = RunFormat.age(Date(timeIntervalSince1970: 1_795_343_400 - offset), now: now)
        #expect(age == (offset > 0 ? "-" : offset.isNaN ? "-" : "0s"))
        #expect(RunFormat.age(now, now: Date(timeIntervalSince1970: offset)) == (offset > 0 ? "-" : offset.isNaN ? "-" : "0s"))
    }

    @Test func agesOfTheEarliestRecordableTimeAreDays() {
        let now = Date(timeIntervalSince1970: 253_402_300_799)
        #expect(RunFormat.age(Date(timeIntervalSince1970: -62_135_596_800), now: now) == "3652058d")
    }

    @Test(arguments: [1e300, -1e300, Double.nan, 1e15])
    func timesFarFromNowPrintWithFourDigitYears(seconds: Double) {
        let text = RunFormat.time(Date(timeIntervalSince1970: seconds))
        #expect(text.wholeMatch(of: #/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/#) != nil, "\(text)")
    }
}
