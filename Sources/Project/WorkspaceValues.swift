import Basics
import Foundation
import Pipeline
import RunStore
import YAML

/// What a run records from the workspace, read the same way for recording and
/// for `params diff` / `metrics diff`: the values of every param the pipeline
/// tracks, and the flattened values of its metrics files.
///
/// Keys are flattened (`train.lr`). Keys from params.yaml are bare; those of another
/// params file carry its path (`config/model.yaml:depth`). A metrics key already
/// taken by an earlier metrics file is prefixed with its file's path the same way,
/// so the first file's keys stay short (`rmse`).
package enum WorkspaceValues {
    /// The tracked params' current values, in stage order.
    package static func params(of pipeline: Pipeline) -> FlatValues {
        var values = FlatValues()
        for stage in pipeline.stages {
            for reference in stage.parameters {
                guard let file = pipeline.paramsFiles[reference.path] else { continue }
                let prefix = reference.path == "params.yaml" ? "" : reference.path + ":"
                let flat = if let key = reference.key {
                    file.value(at: key)?.flattened(prefix: key) ?? []
                } else {
                    file.root.json.flattened()
                }
                for entry in flat where values[prefix + entry.key] == nil { values[prefix + entry.key] = entry.value }
            }
        }
        return values
    }

    /// The metrics files the pipeline declares (stages' `metrics`, then top-level `metrics`), root-relative.
    package static func metricsFiles(of pipeline: Pipeline) -> [String] {
        var files: [String] = [], seen: Set<String> = []
        let declared = pipeline.stages.flatMap { $0.outputs.filter { $0.kind == .metrics }.map(\.path) } + pipeline.extraMetrics
        for path in declared where seen.insert(path).inserted { files.append(path) }
        return files
    }

    /// One metrics file as JSON (`.json` files strictly, others as YAML); `nil` when it does not exist.
    package static func readMetricsFile(_ path: String, root: String) throws(Diagnostic) -> JSONValue? {
        let full = ProjectPath.absolute(path, root: root)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return try YAML.loadValues(path: full, displayName: path)
    }

    /// Every metrics file that exists and holds a mapping, by path, and a warning
    /// for each one that does not parse or is not a mapping (a plain-text file).
    package static func metricsByFile(of pipeline: Pipeline) -> (files: [(path: String, value: JSONValue)], warnings: [String]) {
        var files: [(path: String, value: JSONValue)] = [], warnings: [String] = []
        for path in metricsFiles(of: pipeline) {
            do {
                guard let value = try readMetricsFile(path, root: pipeline.root) else { continue }
                guard case .object = value else {
                    warnings.append("metrics file '\(path)' is not a JSON or YAML mapping; its values are not recorded")
                    continue
                }
                files.append((path, value))
            } catch {
                warnings.append("metrics file '\(path)' does not parse (\(error.description)); its values are not recorded")
            }
        }
        return (files, warnings)
    }

    /// The metrics files' values flattened into one set of keys.
    package static func metrics(of pipeline: Pipeline) -> (values: FlatValues, warnings: [String]) {
        let (files, warnings) = metricsByFile(of: pipeline)
        var values = FlatValues()
        for file in files {
            for entry in file.value.flattened() {
                let key = values[entry.key] == nil ? entry.key : file.path + ":" + entry.key
                values[key] = entry.value
            }
        }
        return (values, warnings)
    }
}
