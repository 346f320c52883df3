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

    /// CPU seconds a process used, in user space and in the kernel.
    struct CPUTime {
        var user: Double
        var system: Double
    }

    /// Runs sluice in `directory` with output discarded; throws when it exits non-zero.
    /// Spawned with posix_spawn, as a shell would, so the figure is sluice's own time
    /// and not the cost of Foundation's Process. Returns the CPU time it (and the
    /// stages it ran) used.
    @discardableResult
    static func sluice(_ arguments: [String], in directory: String) throws -> CPUTime {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([sluicePath] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The benchmark is single-threaded, so changing its own directory is safe.
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(directory) else { throw BenchError(message: "cannot enter \(directory)") }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, sluicePath, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError(message: "cannot start \(sluicePath): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        guard status == 0 else {
            throw BenchError(message: "sluice \(arguments.joined(separator: " ")) failed (wait status \(status)) in \(directory)")
        }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return CPUTime(user: seconds(usage.ru_utime), system: seconds(usage.ru_stime))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "sluice-bench-\(name)-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Prints one result line: name, measured value, target, and whether it was met when the benchmark judges that itself.
    static func report(_ name: String, _ value: String, target: String, met: Bool? = nil) {
        let verdict = met.map { $0 ? "  ok" : "  MISSED" } ?? ""
        print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(value.padding(toLength: 14, withPad: " ", startingAt: 0)) target \(target)\(verdict)")
    }
}

struct BenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
