import Foundation

/// HTTP through the system's `curl`, many requests per process: sluice links no HTTP
/// library (Foundation's networking would tie the static binary to libcurl and its
/// TLS libraries at link time). One curl process takes a whole batch from a config
/// file and runs it over reused connections, `--parallel`, so thousands of small
/// objects cost one process start, not thousands. Package-visible: the MLflow
/// tracking client sends its requests through it too.
package enum Curl {
    /// One exchange.
    package struct Request: Sendable {
        /// The HTTP method.
        var method: String
        /// The full URL.
        var url: String
        /// Headers to send (already signed).
        var headers: [(name: String, value: String)]
        /// A file to send as the body.
        var uploadFile: String?
        /// Where the response body goes (`/dev/null` when nil).
        var outputFile: String?
        /// Where the response headers go, when they are wanted (UploadPart's `ETag`).
        var headerFile: String? = nil
        /// The bytes to fetch (`first-last`, as HTTP's Range header counts them); nil for all.
        var range: String? = nil
    }

    /// How one exchange ended.
    package struct Response: Sendable, Equatable {
        /// The HTTP status; 0 when no response came.
        package var status: Int
        /// curl's message when the transfer itself failed (unreachable, refused, timed out).
        package var transferError: String?
    }

    /// Runs `requests`, at most `parallel` at once; one response per request, in order.
    /// `finished` hears of each exchange as it ends (curl writes one line per transfer
    /// as it completes), so progress moves within a batch.
    package static func run(_ requests: [Request], parallel: Int, finished: (Int, Response) -> Void = { _, _ in }) -> Result<[Response], CurlFailure> {
        guard !requests.isEmpty else { return .success([]) }
        guard let curl = executable() else { return .failure(CurlFailure("curl is not installed; sluice uses it for remotes: install curl")) }
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-curl-\(UUID().uuidString).conf").path
        defer { try? FileManager.default.removeItem(atPath: config) }
        var text = "parallel\nparallel-max = \(max(1, parallel))\n"
        for (index, request) in requests.enumerated() {
            if index > 0 { text += "next\n" }
            text += "url = \(quoted(request.url))\nrequest = \(quoted(request.method))\nsilent\nretry = 2\nconnect-timeout = 10\n"
            for header in request.headers { text += "header = \(quoted(header.name + ": " + header.value))\n" }
            if let file = request.uploadFile {
                // No `Expect: 100-continue` round trip before each body: against moto it
                // halved the throughput of 8 MiB parts (128 parts: 4.05 s with it, 2.02 s without).
                text += "upload-file = \(quoted(file))\nheader = \"Expect:\"\n"
            }
            if let file = request.headerFile { text += "dump-header = \(quoted(file))\n" }
            if let range = request.range { text += "range = \(quoted(range))\n" }
            text += "output = \(quoted(request.outputFile ?? "/dev/null"))\n"
            text += "write-out = \(quoted("%{urlnum} %{http_code} %{exitcode} %{errormsg}\\n"))\n"
        }
        do {
            // The config holds signed headers: readable by the user only.
            guard FileManager.default.createFile(atPath: config, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                return .failure(CurlFailure("could not write curl's request list in \(FileManager.default.temporaryDirectory.path)"))
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: curl)
            process.arguments = ["--config", config]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var results = [Response](repeating: Response(status: 0, transferError: "no response"), count: requests.count)
            var pending: [UInt8] = []
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                pending += chunk
                // Whole lines only; a line cut by the pipe waits for its end.
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending.removeFirst(newline + 1)
                    if let (index, response) = parsed(line), results.indices.contains(index) {
                        results[index] = response
                        finished(index, response)
                    }
                }
            }
            process.waitUntilExit()
            return .success(results)
        } catch {
            return .failure(CurlFailure("could not run curl: \(error.localizedDescription)"))
        }
    }

    /// One write-out line (`urlnum status exitcode message`), or nil when it is not one.
    static func parsed(_ line: String) -> (Int, Response)? {
        let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count >= 3, let index = Int(fields[0]), let status = Int(fields[1]), let exit = Int(fields[2]) else { return nil }
        let message = fields.count > 3 ? String(fields[3]) : ""
        return (index, Response(status: status, transferError: exit == 0 ? nil : (message.isEmpty ? "curl exit \(exit)" : message)))
    }

    /// The value of header `name` (any case) in a file curl dumped headers to; the
    /// last response's when curl followed or retried.
    static func header(_ name: String, inFile path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var found: String?
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() else { continue }
            found = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return found
    }

    /// `text` in double quotes, as curl's config format reads it.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Where curl is on PATH.
    static func executable() -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/curl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension Curl.Request {
    /// An exchange of `method` on `url`, for other modules (the memberwise init stays
    /// internal to Remote).
    package init(_ method: String, _ url: String, headers: [(name: String, value: String)], body: String?, response: String?) {
        self.init(method: method, url: url, headers: headers, uploadFile: body, outputFile: response)
    }
}

/// curl could not be run at all.
package struct CurlFailure: Error, Sendable {
    /// Why.
    package var message: String
    init(_ message: String) { self.message = message }
}
