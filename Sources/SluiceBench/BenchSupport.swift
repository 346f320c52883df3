import Foundation

/// Timing and process helpers for the benchmarks.
enum Bench {
    /// The median of `runs` timings of `body`, in seconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    /// The `sluice` binary beside this benchmark binary.
    static var sluicePath: String {
        let here = (Bundle.main.executablePath! as NSString).deletingLastPathComponent
        return here + "/sluice"
    }

    /// Runs sluice in `directory`; throws when it exits non-zero.
    static func sluice(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sluicePath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError(message: "sluice \(arguments.joined(separator: " ")) exited \(process.terminationStatus) in \(directory)")
        }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "sluice-bench-\(name)-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Prints one result line: name, measured value, target.
    static func report(_ name: String, _ value: String, target: String) {
        print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(value.padding(toLength: 14, withPad: " ", startingAt: 0)) target \(target)")
    }
}

struct BenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
