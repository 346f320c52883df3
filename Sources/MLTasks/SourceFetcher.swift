import Foundation

/// Reads a data source: a local file, or an http(s) URL fetched once.
package enum SourceFetcher {
    /// The bytes of `source` (a path relative to the working directory, or a URL).
    package static func read(_ source: String) throws -> Data {
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            guard URL(string: source) != nil else { throw TaskFailure("'\(source)' is not a valid URL") }
            return try fetch(source)
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw TaskFailure("source '\(source)' does not exist or cannot be read", hint: "check the --source path")
        }
        return data
    }

    /// The programs that can fetch a URL, in the order tried, with their arguments.
    private static func fetchers(_ url: String) -> [(name: String, arguments: [String])] {
        [
            ("curl", ["--fail", "--silent", "--show-error", "--location", "--retry", "2", url]),
            ("wget", ["--quiet", "--output-document=-", url]),
        ]
    }

    /// Fetches with curl, or with wget where curl is missing. sluice links no HTTP or
    /// TLS library: its release binary carries the Swift runtime statically, so that it
    /// runs anywhere and starts fast, and a TLS stack would cost every command, a no-op
    /// `repro` among them, its start-up time.
    private static func fetch(_ url: String) throws -> Data {
        guard let (path, arguments) = fetchers(url).lazy.compactMap({ tool in
            executablePath(tool.name).map { ($0, tool.arguments) }
        }).first else {
            throw TaskFailure("cannot fetch \(url): neither curl nor wget is installed",
                              hint: "install curl, or download the file and pass its path as --source")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw TaskFailure("cannot fetch \(url): cannot start \(path): \(error.localizedDescription)")
        }
        // The tools print at most a line of error, so reading the body first cannot block them.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let reason = message.trimmingCharacters(in: .whitespacesAndNewlines)
            throw TaskFailure("cannot fetch \(url): \(reason.isEmpty ? "\((path as NSString).lastPathComponent) failed" : reason)",
                              hint: "check the address and the network, or download the file and pass its path")
        }
        return data
    }

    /// The first executable named `name` on PATH.
    private static func executablePath(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.lazy.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
