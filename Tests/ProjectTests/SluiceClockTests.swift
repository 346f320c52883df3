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
}
