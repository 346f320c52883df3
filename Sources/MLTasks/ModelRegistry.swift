import Basics
import Foundation

/// A file-based model registry: `<registry>/<name>/v<N>/{model.json, preprocessor.json,
/// metadata.json}` plus `<registry>/<name>/registry.json`, which records the versions
/// and which one is production. The production bundle is also copied to a fixed
/// folder (`models/production/latest/`) that serving and `ml predict` read.
package struct ModelRegistry: Sendable {
    /// One registered version.
    package struct Version: Sendable, Equatable {
        /// `v1`, `v2`, …
        package var name: String
        /// When it was registered (ISO 8601, UTC).
        package var created: String
        /// Its evaluation metrics.
        package var metrics: [String: Double]
    }

    /// The registry root (e.g. `models/registry`).
    package let root: String
    /// The model name (e.g. `housing`).
    package let name: String
    /// Where the production bundle is copied (e.g. `models/production/latest`).
    package let productionDirectory: String

    /// Creates a registry view.
    package init(root: String, name: String, productionDirectory: String) {
        self.root = root
        self.name = name
        self.productionDirectory = productionDirectory
    }

    /// The folder of this model's versions.
    package var modelDirectory: String { root + "/" + name }
    /// The folder of one version.
    package func directory(of version: String) -> String { modelDirectory + "/" + version }
    var indexPath: String { modelDirectory + "/registry.json" }

    /// The registered versions (oldest first) and the production version, if any.
    package func read() throws -> (versions: [Version], production: String?) {
        guard FileManager.default.fileExists(atPath: indexPath) else { return ([], nil) }
        let json = try JSONReader.load(path: indexPath)
        guard case .array(let items)? = json["versions"] else {
            throw Diagnostic.error("\(indexPath) has no 'versions' list", hint: "restore it from git")
        }
        let versions = items.compactMap { item -> Version? in
            // Only `v<N>` names: a version is a folder, and `../..` would name one outside the registry.
            guard case .string(let name)? = item["version"], Self.isVersionName(name) else { return nil }
            let created = if case .string(let text)? = item["created"] { text } else { "" }
            var metrics: [String: Double] = [:]
            if case .object(let members)? = item["metrics"] {
                for member in members {
                    if case .double(let d) = member.value, d.isFinite { metrics[member.key] = d }
                    if case .int(let i) = member.value { metrics[member.key] = Double(i) }
                }
            }
            return Version(name: name, created: created, metrics: metrics)
        }
        let production: String? = if case .string(let text)? = json["production"] { text } else { nil }
        return (versions, production)
    }

    /// Writes the index atomically.
    func write(versions: [Version], production: String?) throws {
        let json = JSONValue.object([
            ("name", .string(name)), ("production", production.map(JSONValue.string) ?? .null),
            ("versions", .array(versions.map { version in
                .object([("version", .string(version.name)), ("created", .string(version.created)),
                         ("metrics", .object(version.metrics.sorted { $0.key < $1.key }.map { (key: $0.key, value: .double($0.value)) }))])
            })),
        ])
        try AtomicFile.write(JSONWriter.pretty.string(json) + "\n", to: indexPath)
    }

    /// The next version name: one past the highest registered, or, past the largest
    /// integer (a hand-edited index), the least unused one.
    func nextVersion(after versions: [Version]) -> String {
        let numbers = versions.compactMap { Int($0.name.dropFirst()) }
        let (next, overflow) = (numbers.max() ?? 0).addingReportingOverflow(1)
        guard overflow else { return "v\(next)" }
        let used = Set(numbers)
        return "v\((1...).first { !used.contains($0) } ?? 1)"
    }

    /// Whether `name` has the form of a version: `v` and decimal digits.
    static func isVersionName(_ name: String) -> Bool {
        let digits = name.utf8.dropFirst()
        return name.hasPrefix("v") && !digits.isEmpty && digits.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Makes `version` production: copies its bundle to the production folder
    /// (swapped in whole) and records it in the index.
    package func promote(_ version: String) throws {
        let (versions, _) = try read()
        guard versions.contains(where: { $0.name == version }) else {
            throw Diagnostic.error("model '\(name)' has no version '\(version)'",
                                   hint: "registered: \(versions.map(\.name).joined(separator: ", "))")
        }
        try BundleFiles.replaceDirectory(productionDirectory, withCopyOf: directory(of: version))
        try write(versions: versions, production: version)
    }
}

/// Copying bundle folders so that a reader never sees half of one.
enum BundleFiles {
    /// Replaces `target` with a copy of `source`, built beside it and renamed into place.
    static func replaceDirectory(_ target: String, withCopyOf source: String) throws {
        // A bare name (`--production latest`) lives in the working directory.
        let parent = (target as NSString).deletingLastPathComponent.isEmpty ? "." : (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = parent + "/.\((target as NSString).lastPathComponent).tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.copyItem(atPath: source, toPath: staging)
        let old = staging + ".old"
        if FileManager.default.fileExists(atPath: target) { try FileManager.default.moveItem(atPath: target, toPath: old) }
        try FileManager.default.moveItem(atPath: staging, toPath: target)
        try? FileManager.default.removeItem(atPath: old)
    }
}

extension ModelRegistry {
    /// The names of the models registered under `root`.
    package static func names(in root: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .filter { FileManager.default.fileExists(atPath: root + "/" + $0 + "/registry.json") }.sorted()
    }
}
