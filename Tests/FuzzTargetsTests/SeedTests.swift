import Foundation
import FuzzTargets
import Testing

/// The fuzzer's own seeds (a trained model, a recorded run, a registry, a lock file,
/// a generating pipeline, CSV) are inputs the readers accept: mutations of them then
/// reach past the first check, into the code that uses what was read.
@Suite struct SeedTests {
    static var seedDirectory: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("FuzzSeeds").path
    }

    @Test(arguments: FuzzFormat.allCases)
    func everySeedIsAccepted(_ format: FuzzFormat) throws {
        let sandbox = try FuzzSandbox(prefix: "sluice-fuzz-test")
        defer { sandbox.remove() }
        let folder = Self.seedDirectory + "/" + format.rawValue
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty, "no seeds for \(format.rawValue)")
        for name in names {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            let outcome = FuzzTarget.run(format, input: [UInt8](bytes), in: sandbox)
            #expect(outcome == .accepted, "\(format.rawValue)/\(name): \(outcome)")
        }
    }

    @Test func aRejectedInputSaysWhyWithItsLocation() throws {
        let sandbox = try FuzzSandbox(prefix: "sluice-fuzz-test")
        defer { sandbox.remove() }
        let outcome = FuzzTarget.run(.lock, input: Array("schema: '1.0'\nstages: [".utf8), in: sandbox)
        guard case .rejected(let message) = outcome else {
            Issue.record("expected a rejection, got \(outcome)")
            return
        }
        #expect(message.hasPrefix("pipeline.lock:2:"))
    }
}
