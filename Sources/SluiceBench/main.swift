// sluice-bench: prints the performance figures the issues set targets for.
// Run the release build: `swift build -c release && .build/release/sluice-bench all`.
//
// It may use any module; no module and no test may use it. It measures and does not
// judge: correctness is the tests' business, and the product never reads a figure.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: () throws -> Void] = [
    "repro": PipelineBenchmarks.noOpRepro,
    "scale": ScaleBenchmarks.noOp,
    "repro-run": ScaleBenchmarks.executingRepro,
    "status": PipelineBenchmarks.statusLargeDirectory,
    "hash": HashBenchmarks.largeFile,
    "cache": CacheBenchmarks.directoryOfSmallFiles,
    "csv": CSVBenchmarks.read,
    "gbdt": GBDTBenchmarks.run,
]
// `csv FILE` and `gbdt [--rows N] [--task reg|clf]` take the rest of the command line, so they run alone.
let names = arguments.first == "all" || arguments.isEmpty ? benchmarks.keys.sorted()
    : ["csv", "gbdt"].contains(arguments.first) ? [arguments[0]] : arguments
for name in names {
    guard let benchmark = benchmarks[name] else {
        FileHandle.standardError.write(Data("error: unknown benchmark '\(name)' (have: \(benchmarks.keys.sorted().joined(separator: ", ")), all)\n".utf8))
        exit(2)
    }
    do {
        try benchmark()
    } catch {
        FileHandle.standardError.write(Data("error: \(name): \(error)\n".utf8))
        exit(1)
    }
}
