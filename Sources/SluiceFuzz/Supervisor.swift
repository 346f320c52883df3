import Foundation
import FuzzTargets

/// Runs each format's inputs in a worker process, restarts it after the input that
/// crashed or hung it, saves those inputs, and prints the figures.
struct Supervisor {
    var options: FuzzOptions

    /// What happened to one format's inputs.
    struct Figures {
        var format: FuzzFormat
        var executed: UInt64 = 0, accepted: UInt64 = 0, rejected: UInt64 = 0, mismatched: UInt64 = 0
        var crashes: UInt64 = 0, hangs: UInt64 = 0, slow: UInt64 = 0
        var slowestNanos: UInt64 = 0, slowestNumber: UInt64 = 0
        var signatures: [String: Int] = [:]
        var seconds = 0.0
        var inputs: UInt64 { executed + crashes + hangs }
    }

    func run() throws -> Int32 {
        try FileManager.default.createDirectory(atPath: options.workDirectory, withIntermediateDirectories: true)
        let log = options.workDirectory + "/findings.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        say("sluice-fuzz: seed \(options.seed), inputs \(options.start)..<\(options.start + options.count) per format, "
              + "at most \(options.seconds) s per format, hang after \(options.timeout) s; saving to \(options.corpusDirectory)")
        var all: [Figures] = []
        for format in options.formats {
            all.append(try fuzz(format, log: log))
        }
        say(Self.table(all))
        let failures = all.reduce(0) { $0 + $1.crashes + $1.hangs + $1.mismatched }
        if failures > 0 { say("Findings are described in \(log).") }
        return failures > 0 ? 1 : 0
    }

    /// Fuzzes one format until its count or its time is used up.
    func fuzz(_ format: FuzzFormat, log: String) throws -> Figures {
        let statusPath = options.workDirectory + "/status-\(format.rawValue)"
        let status = try SharedStatus(path: statusPath, capacity: options.maximumSize, create: true)
        let workerLog = options.workDirectory + "/worker-\(format.rawValue).log"
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let symbolizer = Symbolizer(executable: executable)
        let modules = Findings.projectModules(root: options.root)
        var figures = Figures(format: format)
        var signaturesByPC: [UInt64: String] = [:]
        let started = monotonicNanos()
        let deadline = started + UInt64(options.seconds * 1e9)
        let timeout = UInt64(options.timeout * 1e9)
        var next = options.start
        let end = options.start + options.count
        var lastProgress = started
        while next < end, monotonicNanos() < deadline {
            status.clearFailure()
            let worker = Worker(
                format: format, root: options.root, seed: options.seed, from: next, to: end, deadline: deadline,
                timeoutNanos: timeout, maximumSize: options.maximumSize, memoryMegabytes: options.memoryMegabytes,
                statusPath: statusPath, corpus: options.corpusDirectory)
            let pid = try Self.spawn(executable, ["worker"] + worker.arguments, log: workerLog)
            var waitStatus: Int32 = 0
            var killedAsHung = false
            while true {
                if waitpid(pid, &waitStatus, WNOHANG) == pid { break }
                usleep(10_000)
                let now = monotonicNanos()
                // The worker's watchdog ends a hang itself; this is for one that cannot.
                if status[.running] == 1, now > status[.startNanos] + timeout + 5_000_000_000, !killedAsHung {
                    kill(pid, SIGKILL)
                    killedAsHung = true
                }
                if now - lastProgress > 10_000_000_000 {
                    lastProgress = now
                    Self.progress(format, status: status, figures: figures, seconds: Double(now - started) / 1e9)
                }
            }
            let exited = waitStatus & 0x7F == 0
            let exitCode = (waitStatus >> 8) & 0xFF
            let signal = waitStatus & 0x7F
            if exited && exitCode == 0 { break }
            let wasRunning = status[.running] == 1
            guard wasRunning else {
                throw FuzzError("the \(format.rawValue) worker ended outside an input (\(exited ? "exit \(exitCode)" : "signal \(signal)")); see \(workerLog)")
            }
            let number = status[.index]
            let hung = killedAsHung || (exited && exitCode == Worker.hangStatus)
            let finding = describe(status, format: format, hung: hung, signal: signal, workerLog: workerLog,
                                   symbolizer: symbolizer, modules: modules, cache: &signaturesByPC)
            if hung { figures.hangs += 1 } else { figures.crashes += 1 }
            let name = "\(finding.kind.rawValue)-\(Findings.hash(Array((format.rawValue + finding.signature).utf8))).\(format.fileExtension)"
            let saved = Findings.keepSmallest(finding.input, named: name, format: format, corpus: options.corpusDirectory)
            figures.signatures[finding.signature, default: 0] += 1
            if figures.signatures[finding.signature] == 1 || saved != nil {
                let text = Findings.describe(finding, savedAs: saved, modules: modules)
                if figures.signatures[finding.signature] == 1 { say(text) }
                if let handle = FileHandle(forWritingAtPath: log) {
                    handle.seekToEndOfFile()
                    handle.write(Data((text + "\n\n").utf8))
                    try? handle.close()
                }
            }
            next = number + 1
        }
        figures.seconds = Double(monotonicNanos() - started) / 1e9
        figures.executed = status[.executed]
        figures.accepted = status[.accepted]
        figures.rejected = status[.rejected]
        figures.mismatched = status[.mismatched]
        figures.slow = status[.slow]
        figures.slowestNanos = status[.slowestNanos]
        figures.slowestNumber = status[.slowestIndex]
        Self.progress(format, status: status, figures: figures, seconds: figures.seconds)
        saveSlowest(figures)
        return figures
    }

    /// Writes the slowest input of a format to the work folder: not a failure, but where
    /// a cost that grows faster than the input shows first.
    private func saveSlowest(_ figures: Figures) {
        guard figures.slowestNanos > 0 else { return }
        let mutator = FuzzMutator(format: figures.format, seeds: FuzzSeeds.collect(figures.format, root: options.root),
                                  maximumSize: options.maximumSize)
        let path = options.workDirectory + "/slowest-\(figures.format.rawValue).\(figures.format.fileExtension)"
        let input = mutator.input(number: figures.slowestNumber, seed: options.seed)
        if FileManager.default.createFile(atPath: path, contents: Data(input)) {
            say("  slowest input (\(String(format: "%.3f", Double(figures.slowestNanos) / 1e9)) s): \(path)")
        }
    }

    /// The finding the shared page describes, symbolized.
    private func describe(_ status: SharedStatus, format: FuzzFormat, hung: Bool, signal: Int32, workerLog: String,
                          symbolizer: Symbolizer, modules: Set<String>, cache: inout [UInt64: String]) -> Finding {
        let base = status[.imageBase]
        let pc = status[.pc], sp = status[.stackPointer], fault = status[.faultAddress]
        let recorded = Int32(truncatingIfNeeded: status[.signal])
        var cause: String
        if hung {
            cause = "over \(options.timeout) s"
        } else if recorded == SIGSEGV, sp != 0, fault < sp &+ (1 << 20), fault &+ (1 << 20) > sp {
            cause = "stack overflow"
        } else {
            cause = Self.signalName(recorded != 0 ? recorded : signal)
        }
        let message = Self.runtimeMessage(workerLog)
        let pcOffset = pc > base ? pc - base : 0
        // A trap at a program counter seen before is the same failure: no need to symbolize it again.
        if !hung, pcOffset != 0, let known = cache[pcOffset] {
            return Finding(kind: .crash, format: format, number: status[.index], input: status.input, cause: cause,
                           message: message, frames: [], signature: known)
        }
        let scanned = status.scannedAddresses.filter { $0 > base }.map { $0 - base - 1 }
        let groups = symbolizer.frames(ofOffsets: (pcOffset != 0 ? [pcOffset] : []) + scanned)
        let frames = groups.flatMap { $0 }
        // Unlocated, a failure is its own: named by its input, it never takes another's place.
        let signature = Findings.signature(cause: cause, frames: frames, modules: modules, hang: hung)
            ?? [cause, message, "unlocated, input \(Findings.hash(status.input))"].compactMap { $0 }.joined(separator: " | ")
        if !hung, pcOffset != 0 { cache[pcOffset] = signature }
        return Finding(kind: hung ? .hang : .crash, format: format, number: status[.index], input: status.input,
                       cause: cause, message: message, frames: frames, signature: signature)
    }

    /// The last message the Swift runtime printed before the worker ended, if any.
    static func runtimeMessage(_ log: String) -> String? {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").last { line in
            ["Fatal error", "Precondition failed", "Assertion failed", "Could not allocate", "error:"].contains { line.contains($0) }
        }.map { String($0.prefix(300)) }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        case SIGABRT: "SIGABRT"
        case SIGKILL: "SIGKILL"
        default: "signal \(signal)"
        }
    }

    /// Starts `executable` with `arguments`, its standard error going to `log`.
    static func spawn(_ executable: String, _ arguments: [String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard result == 0 else { throw FuzzError("cannot start a worker: \(String(cString: strerror(result)))") }
        return pid
    }

    static func progress(_ format: FuzzFormat, status: SharedStatus, figures: Figures, seconds: Double) {
        let executed = status[.executed]
        let rate = seconds > 0 ? Double(executed) / seconds : 0
        say("\(format.rawValue): \(executed + figures.crashes + figures.hangs) inputs in \(String(format: "%.0f", seconds)) s "
              + "(\(String(format: "%.0f", rate))/s), \(figures.crashes) crashes, \(figures.hangs) hangs, \(status[.mismatched]) mismatches")
    }

    /// The closing figures, one row per format.
    static func table(_ all: [Figures]) -> String {
        let header = ["format", "inputs", "accepted", "rejected", "mismatch", "crashes", "hangs", "failures", "slow>0.1s", "slowest", "inputs/s"]
        var rows = [header]
        for f in all {
            rows.append([
                f.format.rawValue, "\(f.inputs)", "\(f.accepted)", "\(f.rejected)", "\(f.mismatched)", "\(f.crashes)", "\(f.hangs)",
                "\(f.signatures.count)", "\(f.slow)", String(format: "%.3f s (#%llu)", Double(f.slowestNanos) / 1e9, f.slowestNumber),
                String(format: "%.0f", f.seconds > 0 ? Double(f.executed) / f.seconds : 0),
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        var text = lines.joined(separator: "\n")
        let failures = all.flatMap { f in f.signatures.sorted { $0.key < $1.key }.map { "  \(f.format.rawValue): \($0.value)× \($0.key)" } }
        if !failures.isEmpty { text += "\n\nDistinct failures:\n" + failures.joined(separator: "\n") }
        return text
    }
}

/// Prints a line at once (standard output may be a file that is being watched).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
