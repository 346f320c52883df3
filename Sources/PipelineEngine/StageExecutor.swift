import Foundation
import Pipeline
import Synchronization

/// Runs a stage's commands with `/bin/sh -c` in its working directory, one after
/// another, teeing their output to a log file and to progress events.
struct StageExecutor: Sendable {
    /// Extra environment for every stage (e.g. `SLUICE_RUN_DIR`), on top of sluice's own.
    var environment: [String: String]
    /// Prepended to `PATH` so stages find this very `sluice` first.
    var binDirectory: String?
    /// Processes currently running, so an interrupt can reach them.
    let running: RunningProcesses

    struct Result {
        var exitCode: Int32
        var interrupted: Bool
        var failedCommand: String?
    }

    /// A stage that cannot start: its working directory is missing, or the shell cannot be started.
    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The stage's working directory (absolute). Throws, naming the stage and its
    /// `wdir`, when it does not exist or is not a folder: starting the shell there
    /// would fail with a message about `/bin/sh` instead.
    static func workingDirectory(of stage: StageSpec, root: String) throws(StartFailure) -> String {
        let path = stage.workingDirectory == "." ? root : root + "/" + stage.workingDirectory
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard !exists || !isDirectory.boolValue else { return path }
        let problem = exists ? "is not a folder" : "does not exist"
        throw StartFailure(description: "the working directory '\(stage.workingDirectory)' of stage '\(stage.address)' "
            + "(its 'wdir', declared at \(stage.location)) \(problem); create the folder or change the stage's 'wdir'")
    }

    func run(_ stage: StageSpec, root: String, logPath: String, concurrent: @Sendable () -> Bool,
             emit: @Sendable (ReproEvent) -> Void) throws -> Result {
        let workingDirectory = try Self.workingDirectory(of: stage, root: root)
        try FileManager.default.createDirectory(atPath: (logPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        defer { try? log.close() }
        for command in stage.commands {
            emit(.commandStarted(stage: stage.address, command: command))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
            process.environment = environment(for: stage)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                throw StartFailure(description: "cannot start '/bin/sh' for stage '\(stage.address)' in '\(stage.workingDirectory)': "
                    + "\((error as NSError).localizedDescription)")
            }
            running.add(process)
            defer { running.remove(process) }
            var pending = Data()
            let reader = pipe.fileHandleForReading
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                log.write(chunk)
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    emit(.output(stage: stage.address, line: line, concurrent: concurrent()))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
            if !pending.isEmpty {
                emit(.output(stage: stage.address, line: String(decoding: pending, as: UTF8.self), concurrent: concurrent()))
            }
            process.waitUntilExit()
            let interrupted = process.terminationReason == .uncaughtSignal || running.isInterrupted
            if process.terminationStatus != 0 || interrupted {
                let code = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
                return Result(exitCode: code, interrupted: interrupted, failedCommand: command)
            }
        }
        return Result(exitCode: 0, interrupted: false, failedCommand: nil)
    }

    private func environment(for stage: StageSpec) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        env["SLUICE_STAGE"] = stage.address
        if let binDirectory { env["PATH"] = binDirectory + ":" + (env["PATH"] ?? "/usr/bin:/bin") }
        return env
    }
}

/// The child processes of running stages, so Ctrl-C can be forwarded to them.
final class RunningProcesses: Sendable {
    private let state = Mutex<(processes: [ObjectIdentifier: Process], interrupted: Bool)>(([:], false))

    func add(_ process: Process) {
        let interruptNow = state.withLock { state in
            state.processes[ObjectIdentifier(process)] = process
            return state.interrupted
        }
        if interruptNow { kill(-process.processIdentifier, SIGINT) }
    }

    func remove(_ process: Process) { _ = state.withLock { $0.processes.removeValue(forKey: ObjectIdentifier(process)) } }

    /// Whether an interrupt was received.
    var isInterrupted: Bool { state.withLock { $0.interrupted } }

    /// Sends SIGINT to every running stage's process group (a stage's shell leads its
    /// own group, so a terminal's Ctrl-C does not reach it unless forwarded) and marks
    /// the repro interrupted.
    func interruptAll() {
        let processes = state.withLock { state in
            state.interrupted = true
            return Array(state.processes.values)
        }
        for process in processes where process.isRunning { kill(-process.processIdentifier, SIGINT) }
    }
}
