import Basics
import Foundation
import Pipeline

/// Turns the `-S` arguments into the experiments to run: each point of the sweep they
/// describe, with its name and the new text of every params file it changes. Every
/// problem (a key no params file has, a malformed expression, a name taken) is found
/// here, before anything runs.
package struct ExperimentPlan: Sendable {
    /// How the points of a sweep are chosen.
    package enum Sampling: Sendable, Hashable {
        /// Every combination of the listed values.
        case grid
        /// `count` points drawn with `seed`.
        case random(count: Int, seed: UInt64)
    }

    /// The experiments, in sweep order.
    package var definitions: [ExperimentDefinition]

    /// Plans the experiments of `overrides` in the project at `root`. `name` names a single
    /// experiment, or prefixes the numbered names of a sweep's; `taken` are the names
    /// experiments already have.
    package init(overrides given: [ParamOverride], sampling: Sampling, name: String?, taken: Set<String>, root: String) throws {
        let overrides = try given.map { override in
            var normalized = override
            normalized.file = try Self.normalize(override.file, root: root)
            return normalized
        }
        var seen: [String: ParamOverride] = [:]
        for override in overrides {
            if let earlier = seen[override.displayKey] {
                throw Diagnostic.error("'\(override.displayKey)' is given twice (-S '\(earlier.argument)' and -S '\(override.argument)')",
                                       hint: "give each key once; list several values in one expression, e.g. choice(1,2)")
            }
            seen[override.displayKey] = override
        }
        let points = try SweepExpansion.points(of: overrides, sampling: sampling)
        let editors = try Self.editors(for: overrides, root: root)
        let names = try Self.names(count: points.count, name: name, points: points, taken: taken)
        var definitions: [ExperimentDefinition] = []
        for (point, experimentName) in zip(points, names) {
            var files: [String: String] = [:]
            var problems: [Diagnostic] = []
            for (file, editor) in editors {
                do {
                    files[file] = try editor.applying(point.filter { $0.file == file })
                } catch {
                    problems += error.diagnostics
                }
            }
            guard problems.isEmpty else { throw DiagnosticList(problems) }
            definitions.append(ExperimentDefinition(name: experimentName, assignments: point, files: files))
        }
        self.definitions = definitions
    }

    /// An editor of each params file the overrides name, read from the project.
    private static func editors(for overrides: [ParamOverride], root: String) throws -> [(String, ParamsEditor)] {
        var editors: [(String, ParamsEditor)] = []
        for file in overrides.map(\.file) where !editors.contains(where: { $0.0 == file }) {
            let path = root + "/" + file
            guard FileKind(path: path) == .regular else {
                throw Diagnostic.error("params file '\(file)' does not exist",
                                       hint: "overrides change keys of existing params files; create \(file) first, or check the name before ':'")
            }
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw Diagnostic.error("cannot read params file '\(file)': \(SystemErrorText.reason(error))", hint: "check its permissions")
            }
            editors.append((file, try ParamsEditor(name: file, text: text)))
        }
        return editors
    }

    /// A params file named in `-S` as a root-relative path.
    private static func normalize(_ file: String, root: String) throws(Diagnostic) -> String {
        guard let normalized = ProjectPath.normalize(file, root: root), normalized != ".", !ProjectPath.isExternal(normalized) else {
            throw .error("params file '\(file)' is outside the project", hint: "name a params file inside the project, relative to its root")
        }
        return normalized
    }

    /// The experiments' names: `name` alone, `name-1`… for a sweep, else `exp-` and a
    /// short hash of the point and the time (so a point run again gets a new name).
    private static func names(count: Int, name: String?, points: [[ParamAssignment]], taken: Set<String>) throws(Diagnostic) -> [String] {
        if let name {
            try validate(name)
            let width = String(count).count
            let names = count == 1 ? [name] : (1...count).map { index in
                name + "-" + String(repeating: "0", count: width - String(index).count) + String(index)
            }
            if let clash = names.first(where: taken.contains) {
                throw .error("an experiment named '\(clash)' exists", hint: "choose another --name, or remove it first (sluice exp remove \(clash))")
            }
            return names
        }
        let salt = "\(Date().timeIntervalSince1970)-\(UInt64.random(in: 0...UInt64.max))"
        var names: [String] = [], used = taken
        for (index, point) in points.enumerated() {
            var attempt = 0
            while true {
                let text = JSONWriter.canonical.string(.object(point.map { ($0.displayKey, $0.value) })) + "\(salt)-\(index)-\(attempt)"
                let candidate = "exp-" + SHA256.hash(Array(text.utf8)).hex.prefix(7)
                if used.insert(candidate).inserted {
                    names.append(candidate)
                    break
                }
                attempt += 1
            }
        }
        return names
    }

    /// A name is a folder name under `.sluice/tmp/exps/` and a word on a command line.
    private static func validate(_ name: String) throws(Diagnostic) {
        let allowed = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard !name.isEmpty, allowed, !name.hasPrefix("."), !name.hasPrefix("-") else {
            throw .error("'\(name)' cannot name an experiment", hint: "use letters, digits, '-', '_' and '.', not starting with '.' or '-'")
        }
    }
}
