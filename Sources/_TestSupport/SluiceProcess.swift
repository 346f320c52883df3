import Foundation

/// The outcome of running the built `sluice` binary once.
package struct ProcessResult: Sendable {
    /// The exit status (or 128 + signal number when killed by a signal).
    package var status: Int32
    /// Everything written to standard output, as UTF-8.
    package var stdout: String
    /// Everything written to standard error, as UTF-8.
    package var stderr: String
}

/// Runs the `sluice` executable that `swift build` put next to the test bundle.
package enum SluiceProcess {
    /// The binary: `$SLUICE_BIN` when set, else `sluice` in the build products folder.
    package static var executablePath: String {
        if let override = ProcessInfo.processInfo.environment["SLUICE_BIN"] { return override }
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [Bundle.main.bundleURL, products] {
            let path = candidate.appendingPathComponent("sluice").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return products.appendingPathComponent("sluice").path
    }

    /// Runs sluice with `arguments` in `directory`, with `environment` added to this process's own.
    package static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], stdin: String? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ProcessResult(
            status: status, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
