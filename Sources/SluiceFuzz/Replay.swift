import Foundation
import FuzzTargets

/// `sluice-fuzz run` and `sluice-fuzz make`: one input at a time, in this process,
/// to reproduce a finding under a debugger or check that a fix holds.
enum Replay {
    /// Runs each file as an input of the format and prints what it did and how long it took.
    static func run(_ arguments: [String]) throws -> Int32 {
        guard arguments.count >= 2, let format = FuzzFormat(rawValue: arguments[0]) else {
            throw FuzzError("usage: sluice-fuzz run FORMAT FILE...")
        }
        let sandbox = try FuzzSandbox(prefix: "sluice-fuzz-run", in: Worker.scratchBase)
        defer { sandbox.remove() }
        var mismatches: Int32 = 0
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else { throw FuzzError("cannot read \(file)") }
            let start = monotonicNanos()
            let outcome = FuzzTarget.run(format, input: [UInt8](data), in: sandbox)
            let milliseconds = Double(monotonicNanos() - start) / 1e6
            let what = switch outcome {
            case .accepted: "accepted"
            case .rejected(let message): "rejected: " + (message.split(separator: "\n").first.map(String.init) ?? "")
            case .mismatch(let message): "MISMATCH: " + message
            }
            if case .mismatch = outcome { mismatches += 1 }
            print("\(file): \(what) (\(String(format: "%.1f", milliseconds)) ms)")
        }
        return mismatches > 0 ? 1 : 0
    }

    /// Writes input NUMBER of a run (`--seed`, `--root`) to standard output.
    static func make(_ arguments: [String]) throws -> Int32 {
        guard arguments.count >= 2, let format = FuzzFormat(rawValue: arguments[0]), let number = UInt64(arguments[1]) else {
            throw FuzzError("usage: sluice-fuzz make FORMAT NUMBER [--seed N] [--root DIR]")
        }
        let options = try FuzzOptions(Array(arguments.dropFirst(2)))
        let mutator = FuzzMutator(format: format, seeds: FuzzSeeds.collect(format, root: options.root), maximumSize: options.maximumSize)
        FileHandle.standardOutput.write(Data(mutator.input(number: number, seed: options.seed)))
        return 0
    }
}
