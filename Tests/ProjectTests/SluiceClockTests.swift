import Basics
import Foundation
import Project
import Testing

@Suite struct SluiceClockTests {
    @Test(arguments: [
        ("1795343415", 1_795_343_415.0), ("2026-11-22T10:30:15Z", 1_795_343_415), ("2026-11-22T10:30:15.5Z", 1_795_343_415.5),
    ])
    func fixedClock(text: String, seconds: Double) throws {
        #expect(try SluiceClock.now(["SLUICE_NOW": text]) == Date(timeIntervalSince1970: seconds))
    }

    @Test func aClockThatIsNotATimeSaysWhatToGive() {
        #expect(throws: (any Error).self) { try SluiceClock.now(["SLUICE_NOW": "tomorrow"]) }
    }

    @Test(arguments: ["1e300", "1e18", "-1e18", "-1", "253402300800", "0999-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "nan", "inf", "-inf"])
    func aClockOutsideTheRecordableYearsIsRefused(text: String) {
        #expect(throws: Diagnostic.self) { try SluiceClock.now(["SLUICE_NOW": text]) }
    }

    @Test(arguments: [("0", 0.0), ("253402300799", 253_402_300_799), ("9999-12-31T23:59:59Z", 253_402_300_799)])
    func theRecordableYearsAreAccepted(text: String, seconds: Double) throws {
        #expect(try SluiceClock.now(["SLUICE_NOW": text]) == Date(timeIntervalSince1970: seconds))
    }
}
