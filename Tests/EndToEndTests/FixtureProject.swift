import Foundation
import Testing
import _TestSupport

/// A copy of a fixture project in a temporary directory, and ways to run sluice in it.
struct FixtureProject {
    let directory: TemporaryDirectory

    /// Copies `Fixtures/<name>` to a fresh temporary directory.
    init(_ name: String) throws {
        directory = try TemporaryDirectory(prefix: "sluice-e2e-\(name)")
        guard let source = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/\(name)") else {
            throw FixtureError(message: "fixture \(name) is not bundled")
        }
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(atPath: source.path + "/" + item, toPath: directory.url(item))
        }
    }

    var path: String { directory.path }

    /// Runs sluice here.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try SluiceProcess.run(arguments, in: directory.path, environment: environment)
    }

    /// Runs sluice in the folder `subfolder` of the project (or of the fixture's copy).
    func run(_ arguments: [String], in subfolder: String) throws -> ProcessResult {
        try SluiceProcess.run(arguments, in: directory.url(subfolder))
    }

    /// Starts sluice here in the background; its standard error is discarded. Give
    /// `stdout` a file, not a pipe: a pipe's write end can leak into processes that other
    /// tests start at the same moment, and reading it to the end then waits for them.
    func start(_ arguments: [String], stdout: FileHandle? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SluiceProcess.executablePath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path)
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits up to ten seconds for `relative` to appear.
    func waitFor(_ relative: String) {
        for _ in 0..<200 where !exists(relative) { usleep(50_000) }
    }

    /// Runs `sluice repro --json …` and returns its report.
    @discardableResult
    func repro(_ arguments: [String] = [], environment: [String: String] = [:], expectStatus: Int32 = 0,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> ReproReportJSON {
        let result = try run(["repro", "--json"] + arguments, environment: environment)
        #expect(result.status == expectStatus, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        return try ReproReportJSON(result.stdout)
    }

    func read(_ relative: String) throws -> String { try directory.read(relative) }
    func write(_ relative: String, _ text: String) throws { try directory.write(relative, text) }
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: directory.url(relative)) }
    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: directory.url(relative)) }
}

struct FixtureError: Error { var message: String }

/// The parts of `sluice repro --json` the tests read.
struct ReproReportJSON {
    /// The id of the run recorded in runs/, when one was.
    let run: String?
    let executed: [String]
    let skipped: [String]
    let failed: [String]
    let restored: [String]
    let stages: [[String: Any]]

    init(_ text: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw FixtureError(message: "repro did not print a JSON object: \(text)")
        }
        run = object["run"] as? String
        executed = object["executed"] as? [String] ?? []
        skipped = object["skipped"] as? [String] ?? []
        failed = object["failed"] as? [String] ?? []
        restored = object["restored"] as? [String] ?? []
        stages = object["stages"] as? [[String: Any]] ?? []
    }

    /// The reason kinds recorded for `stage`.
    func reasonKinds(_ stage: String) -> [String] {
        let entry = stages.first { $0["stage"] as? String == stage }
        return (entry?["reasons"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    }

    /// The outcome entry of `stage`.
    func outcome(_ stage: String) -> [String: Any]? { stages.first { $0["stage"] as? String == stage } }
}
