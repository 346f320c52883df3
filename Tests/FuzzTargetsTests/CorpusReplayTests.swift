import Foundation
import FuzzTargets
import Testing

/// Replays every input that once crashed or hung `sluice-fuzz` (Fixtures/FuzzCorpus)
/// through the same entry points the fuzzer uses. A regression crashes or stalls
/// this test; an input on which two readings disagree fails it.
@Suite struct CorpusReplayTests {
    static var corpusDirectory: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("FuzzCorpus").path
    }

    @Test(arguments: FuzzFormat.allCases)
    func savedInputsNoLongerCrashOrHang(_ format: FuzzFormat) throws {
        let sandbox = try FuzzSandbox(prefix: "sluice-fuzz-test")
        defer { sandbox.remove() }
        for input in FuzzSeeds.corpus(format, directory: Self.corpusDirectory) {
            let outcome = FuzzTarget.run(format, input: input.bytes, in: sandbox)
            if case .mismatch(let message) = outcome {
                Issue.record("\(format.rawValue)/\(input.name): \(message)")
            }
        }
    }

    @Test func pendingInputsNameSavedFilesAndSayWhy() throws {
        let pending = FuzzSeeds.pending(directory: Self.corpusDirectory)
        for (name, reason) in pending {
            #expect(FileManager.default.fileExists(atPath: Self.corpusDirectory + "/" + name), "pending.txt names \(name), which is not in the corpus")
            #expect(!reason.isEmpty, "pending.txt gives no reason for \(name)")
        }
    }
}
