import Basics
import Foundation
import FuzzTargets

/// The worker process: makes inputs `from..<to` of one format and runs each in
/// process, writing it to the shared page first. It stops at the end of its range
/// or at the deadline; a crash or hang ends it, and the supervisor starts another
/// after the input that ended it.
struct Worker {
    /// Exit status of a worker whose watchdog saw an input run past the time limit.
    static let hangStatus: Int32 = 75
    /// Inputs slower than this are counted as slow (but not hangs).
    static let slowNanos: UInt64 = 100_000_000
    /// Where sandboxes go: memory (/dev/shm) when the machine has it, else the temporary folder.
    static var scratchBase: String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory), isDirectory.boolValue,
           access("/dev/shm", W_OK) == 0 {
            return "/dev/shm"
        }
        return FileManager.default.temporaryDirectory.path
    }

    var format: FuzzFormat
    var root: String
    var seed: UInt64
    var from: UInt64
    var to: UInt64
    var deadline: UInt64
    var timeoutNanos: UInt64
    var maximumSize: Int
    var memoryMegabytes: Int
    var statusPath: String
    var corpus: String

    /// The arguments that start a worker with this configuration (after `worker`).
    var arguments: [String] {
        ["format=\(format.rawValue)", "root=\(root)", "seed=\(seed)", "from=\(from)", "to=\(to)", "deadline=\(deadline)",
         "timeout=\(timeoutNanos)", "max-size=\(maximumSize)", "memory-mb=\(memoryMegabytes)", "status=\(statusPath)", "corpus=\(corpus)"]
    }

    func run() throws -> Int32 {
        var limit = rlimit(rlim_cur: rlim_t(memoryMegabytes) << 20, rlim_max: rlim_t(memoryMegabytes) << 20)
        if memoryMegabytes > 0 { setrlimit(Int32(RLIMIT_AS.rawValue), &limit) }
        let status = try SharedStatus(path: statusPath, capacity: maximumSize, create: false)
        CrashRecorder.install(status)
        let mutator = FuzzMutator(format: format, seeds: FuzzSeeds.collect(format, root: root), maximumSize: maximumSize)
        let sandbox = try FuzzSandbox(prefix: "sluice-fuzz-\(format.rawValue)", in: Worker.scratchBase)
        defer { sandbox.remove() }
        startWatchdog(status)
        var number = from
        while number < to, monotonicNanos() < deadline {
            let input = mutator.input(number: number, seed: seed)
            status.store(input)
            status[.index] = number
            let start = monotonicNanos()
            status[.startNanos] = start
            status[.running] = 1
            let outcome = FuzzTarget.run(format, input: input, in: sandbox)
            status[.running] = 0
            let elapsed = monotonicNanos() - start
            count(outcome, elapsed: elapsed, number: number, status: status)
            if case .mismatch(let message) = outcome { saveMismatch(input, message: message) }
            number += 1
        }
        return 0
    }

    private func count(_ outcome: FuzzOutcome, elapsed: UInt64, number: UInt64, status: SharedStatus) {
        status[.executed] += 1
        switch outcome {
        case .accepted: status[.accepted] += 1
        case .rejected: status[.rejected] += 1
        case .mismatch: status[.mismatched] += 1
        }
        status[.busyNanos] += elapsed
        if elapsed > Self.slowNanos { status[.slow] += 1 }
        if elapsed > status[.slowestNanos] {
            status[.slowestNanos] = elapsed
            status[.slowestIndex] = number
        }
    }

    /// A thread that, when an input runs past the limit, has the main thread record
    /// where it is (SIGUSR2 to that thread) and ends the process as hung.
    private func startWatchdog(_ status: SharedStatus) {
        let main = pthread_self()
        let timeout = timeoutNanos
        Thread.detachNewThread {
            while true {
                usleep(50_000)
                // Read the start first: the main thread may start another input meanwhile.
                let start = status[.startNanos]
                guard status[.running] == 1, monotonicNanos() > start + timeout, status[.startNanos] == start else { continue }
                status[.hang] = 1
                pthread_kill(main, SIGUSR2)
                usleep(200_000)
                _exit(Worker.hangStatus)
            }
        }
    }

    /// Keeps an input on which two readings disagreed, one per message (the smallest seen).
    private func saveMismatch(_ input: [UInt8], message: String) {
        let name = "mismatch-" + Findings.hash(Array((format.rawValue + message).utf8)) + "." + format.fileExtension
        Findings.keepSmallest(input, named: name, format: format, corpus: corpus)
    }
}

/// `sluice-fuzz worker key=value…`: how the supervisor starts a worker.
enum WorkerCommand {
    static func parse(_ arguments: [String]) throws -> Worker {
        var values: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else { throw FuzzError("worker: bad argument '\(argument)'") }
            values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        func text(_ key: String) throws -> String {
            guard let value = values[key] else { throw FuzzError("worker: missing \(key)") }
            return value
        }
        func number(_ key: String) throws -> UInt64 {
            guard let value = UInt64(try text(key)) else { throw FuzzError("worker: \(key) is not a number") }
            return value
        }
        guard let format = FuzzFormat(rawValue: try text("format")) else { throw FuzzError("worker: unknown format") }
        return Worker(
            format: format, root: try text("root"), seed: try number("seed"), from: try number("from"), to: try number("to"),
            deadline: try number("deadline"), timeoutNanos: try number("timeout"), maximumSize: Int(try number("max-size")),
            memoryMegabytes: Int(try number("memory-mb")), statusPath: try text("status"), corpus: try text("corpus"))
    }
}
