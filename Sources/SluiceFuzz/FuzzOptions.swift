import Foundation
import FuzzTargets

/// The command line of `sluice-fuzz`.
struct FuzzOptions {
    var formats = FuzzFormat.allCases
    /// Inputs per format.
    var count: UInt64 = 10_000
    /// Wall-clock seconds per format, at most.
    var seconds = 60.0
    /// Seeds the mutations: the same seed makes the same inputs.
    var seed: UInt64 = 1
    /// The number of the first input (to go on where a run stopped).
    var start: UInt64 = 0
    /// An input running longer than this is a hang.
    var timeout = 2.0
    /// The package root: seeds are read from it.
    var root = FileManager.default.currentDirectoryPath
    /// Where crashers and hangs are saved, by format.
    var corpus: String?
    /// Logs and the pages shared with workers.
    var work: String?
    var maximumSize = 1 << 20
    var memoryMegabytes = 4096

    static let usage = """
        USAGE: sluice-fuzz [--format F,...] [--count N] [--seconds S] [--seed N] [--start N]
                           [--timeout S] [--root DIR] [--corpus DIR] [--work DIR] [--max-size BYTES] [--memory-mb N]
               sluice-fuzz run FORMAT FILE...     run saved inputs in this process and print what each did
               sluice-fuzz make FORMAT NUMBER [--seed N] [--root DIR]   print input NUMBER of a run

        Mutates the seed files of each format (\(FuzzFormat.allCases.map(\.rawValue).joined(separator: ", ")))
        and runs them through the readers sluice uses, in a worker process that is
        restarted after a crash. Every input that crashes, or runs longer than --timeout
        (2 s), is saved as <corpus>/<format>/crash-…|hang-…, the smallest per failure;
        the default corpus is the regression corpus that FuzzTargetsTests replays.
        Defaults: every format, 10000 inputs and at most 60 s per format, seed 1.
        """

    /// Parses options from `arguments`; unknown ones are errors.
    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let value = rest.popFirst() else { throw FuzzError("\(name) needs a value") }
            return value
        }
        func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
            let text = try value(name)
            guard let number = T(text.replacingOccurrences(of: "_", with: "")) else { throw FuzzError("\(name): '\(text)' is not a number") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--format":
                formats = try value(argument).split(separator: ",").map { name in
                    guard let format = FuzzFormat(rawValue: String(name)) else {
                        throw FuzzError("unknown format '\(name)' (have: \(FuzzFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return format
                }
            case "--count": count = try number(argument)
            case "--seconds": seconds = try number(argument)
            case "--seed": seed = try number(argument)
            case "--start": start = try number(argument)
            case "--timeout": timeout = try number(argument)
            case "--root": root = try value(argument)
            case "--corpus": corpus = try value(argument)
            case "--work": work = try value(argument)
            case "--max-size": maximumSize = try number(argument)
            case "--memory-mb": memoryMegabytes = try number(argument)
            case "-h", "--help": throw FuzzError(Self.usage)
            default: throw FuzzError("unknown option '\(argument)'\n\n" + Self.usage)
            }
        }
        root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    var corpusDirectory: String { corpus ?? Findings.corpusDirectory(root: root) }
    var workDirectory: String { work ?? root + "/.build/fuzz" }
}
