import Basics
import ContentStore

/// Conversion between lock entries and their JSON/YAML form.
extension LockEntry {
    /// The entry as written to pipeline.lock.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("cmd", commands.count == 1 ? .string(commands[0]) : .array(commands.map(JSONValue.string))),
        ]
        if !dependencies.isEmpty { members.append(("deps", .array(dependencies.sorted { $0.path < $1.path }.map(\.json)))) }
        if !parameters.isEmpty {
            members.append(("params", .object(parameters.sorted { $0.key < $1.key }.map { file, values in
                (key: file, value: .object(values.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }))
            })))
        }
        if !outputs.isEmpty { members.append(("outs", .array(outputs.sorted { $0.path < $1.path }.map(\.json)))) }
        return .object(members)
    }

    /// The entry without outputs, in canonical JSON: the run-cache key of an execution.
    public var runCacheKey: String {
        var entry = self
        entry.outputs = []
        return JSONWriter.canonical.string(entry.json)
    }

    init(json: JSONValue, stage: String, location: SourceLocation) throws(Diagnostic) {
        func fail(_ what: String) -> Diagnostic {
            .error("pipeline.lock: stage '\(stage)': \(what)", at: location,
                   hint: "the lock file is written by sluice; restore it from git or delete it to re-run")
        }
        switch json["cmd"] {
        case .string(let command)?: commands = [command]
        case .array(let items)?: commands = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: throw fail("missing 'cmd'")
        }
        func paths(_ key: String) throws(Diagnostic) -> [LockedPath] {
            guard let value = json[key] else { return [] }
            guard case .array(let items) = value else { throw fail("'\(key)' must be a list") }
            var result: [LockedPath] = []
            for item in items {
                guard let locked = LockedPath(json: item) else { throw fail("malformed entry in '\(key)'") }
                result.append(locked)
            }
            return result
        }
        dependencies = try paths("deps")
        outputs = try paths("outs")
        parameters = [:]
        if case .object(let files)? = json["params"] {
            for file in files {
                guard case .object(let values) = file.value else { throw fail("malformed params of '\(file.key)'") }
                parameters[file.key] = Dictionary(values.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }
}

extension LockedPath {
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("path", .string(path))]
        switch fingerprint {
        case .missing: break
        case .file(let hash, let size):
            members += [("sha256", .string(hash)), ("size", .int(Int(size)))]
        case .directory(let hash, let size, let files):
            members += [("sha256", .string(hash)), ("size", .int(Int(size))), ("nfiles", .int(files))]
        }
        return .object(members)
    }

    init?(json: JSONValue) {
        guard case .string(let path)? = json["path"] else { return nil }
        self.path = path
        guard case .string(let hash)? = json["sha256"] else {
            fingerprint = .missing
            return
        }
        let size: Int64 = if case .int(let s)? = json["size"] { Int64(s) } else { 0 }
        if case .int(let files)? = json["nfiles"] {
            fingerprint = .directory(hash: hash, size: size, files: files)
        } else {
            fingerprint = .file(hash: hash, size: size)
        }
    }
}

extension LockFile {
    init(json: JSONValue, location: SourceLocation) throws(Diagnostic) {
        guard case .object(let stageMembers)? = json["stages"] else {
            if json == .null { self.init(); return }
            throw .error("pipeline.lock has no 'stages'", at: location, hint: "delete the lock file to re-run every stage")
        }
        var stages: [String: LockEntry] = [:]
        for member in stageMembers {
            stages[member.key] = try LockEntry(json: member.value, stage: member.key, location: location)
        }
        self.init(stages: stages)
    }
}
