import Basics
import CommandLineKit
import Foundation
import MLflowTracking
import RunStore

extension RunsExportCommand {
    /// The server URL without a trailing slash when `destination` is an `http(s)://`
    /// URL, nil when it is a folder.
    static func server(_ destination: String) throws(Diagnostic) -> String? {
        let lowered = destination.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
        var url = destination
        while url.hasSuffix("/") { url.removeLast() }
        let host = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        guard let host, !host.isEmpty, !url.contains(where: { $0.isWhitespace || $0 == "\"" }) else {
            throw Diagnostic.error("'\(destination)' is not a server URL", hint: "give --mlflow http://HOST:PORT, or a folder for the file store")
        }
        return url
    }

    /// Exports to the tracking server at `server`; a server error exits 1.
    func export(_ runs: [StoredRun], to server: String, experiment name: String, console: Console) throws -> ExitCode {
        let exporter = MLflowServerExporter(transport: CurlTransport(server: server), experimentName: name)
        let result: MLflowServerExport
        do {
            result = try exporter.export(runs)
        } catch {
            throw error.diagnostic
        }
        for (run, key) in result.skippedKeys {
            console.warn(["run \(run): '\(key)' is not a name MLflow can store; left out"])
        }
        for kept in result.keptParams {
            console.warn(["run \(kept.run): param '\(kept.key)' is '\(kept.server)' on the server, '\(kept.local)' here; MLflow never changes a param, so it stays"])
        }
        for (run, uri) in result.unproxiedArtifacts {
            console.warn(["run \(run): artifacts not sent: the server does not proxy its artifact location \(uri) (start it with --serve-artifacts)"])
        }
        let created = result.runs.filter(\.created).count
        let count = result.runs.count
        console.out("Exported \(count) run\(count == 1 ? "" : "s") to \(server) (experiment \(result.experimentID), '\(name)'): "
                    + "\(created) created, \(count - created) updated, \(result.artifactCount) artifact file\(result.artifactCount == 1 ? "" : "s").")
        console.out("Browse them at: \(server)/#/experiments/\(result.experimentID)")
        return .success
    }
}
