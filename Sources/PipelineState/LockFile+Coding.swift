import Basics
import ContentStore
import YAML

/// Conversion between lock entries and their JSON/YAML form.
extension LockEntry {
    /// The entry as written to pipeline.lock.
    package var json: JSONValue {
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
    package var runCacheKey: String {
        var entry = self
        entry.outputs = []
        return JSONWriter.canonical.string(entry.json)
    }

    /// Reads an entry from its JSON form. `node`, when the entry was read from YAML,
    /// locates problems at the offending value (else they are at `location`). Every
    /// hash must be well formed (`ContentHash`): a hash names a cache path, and the
    /// file may have been edited by hand or by someone else.
    init(json: JSONValue, stage: String, location: SourceLocation, node: YAMLNode? = nil) throws(Diagnostic) {
        func fail(_ what: String, at place: SourceLocation? = nil) -> Diagnostic {
            .error("pipeline.lock: stage '\(stage)': \(what)", at: place ?? location,
                   hint: "the lock file is written by sluice; restore it from git or delete it to re-run")
        }
        switch json["cmd"] {
        case .string(let command)?: commands = [command]
        case .array(let items)?: commands = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: throw fail("missing 'cmd'")
        }
        func paths(_ key: String) throws(Diagnostic) -> [LockedPath] {
            guard let value = json[key] else { return [] }
            guard case .array(let items) = value else { throw fail("'\(key)' must be a list", at: node?[key]?.location) }
            let itemNodes = node?[key]?.sequenceValue
            var result: [LockedPath] = []
            for (index, item) in items.enumerated() {
                let itemNode = itemNodes.flatMap { index < $0.count ? $0[index] : nil }
                do {
                    result.append(try LockedPath(json: item))
                } catch {
                    guard case .invalidHash(let path, let hash) = error else {
                        throw fail("malformed entry in '\(key)'", at: itemNode?.location)
                    }
                    throw fail("'\(key)' entry '\(path)' has sha256 \(String(hash.prefix(80)).debugDescription), which is not a content hash "
                               + "(expected \(ContentHash.expectedForm))", at: (itemNode?["sha256"] ?? itemNode)?.location)
                }
            }
            return result
        }
        dependencies = try paths("deps")
        outputs = try paths("outs")
        parameters = [:]
        if case .object(let files)? = json["params"] {
            for file in files {
                guard case .object(let values) = file.value else {
                    throw fail("malformed params of '\(file.key)'", at: node?["params"]?[file.key]?.location)
                }
                parameters[file.key] = Dictionary(values.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            }
        }
    }
}

extension LockedPath {
    /// Why a recorded path could not be read.
    enum Problem: Error {
        /// Not an object with a string `path` (and, when present, a string `sha256` and integer sizes).
        case malformed
        /// A `sha256` that is not a well-formed hash for its kind (file or directory).
        case invalidHash(path: String, hash: String)
    }

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

    init(json: JSONValue) throws(Problem) {
        guard case .string(let path)? = json["path"] else { throw .malformed }
        self.path = path
        guard let recorded = json["sha256"] else {
            fingerprint = .missing
            return
        }
        guard case .string(let hash) = recorded else { throw .malformed }
        let size: Int64
        switch json["size"] {
        case nil: size = 0
        case .int(let s)? where s >= 0: size = Int64(s)
        default: throw .malformed
        }
        switch json["nfiles"] {
        case nil: fingerprint = .file(hash: hash, size: size)
        case .int(let files)? where files >= 0: fingerprint = .directory(hash: hash, size: size, files: files)
        default: throw .malformed
        }
        guard fingerprint.isWellFormed else { throw .invalidHash(path: path, hash: hash) }
    }
}

extension LockFile {
    /// Reads a lock file from its JSON form; `node`, when it was read from YAML,
    /// locates problems at the offending value.
    init(json: JSONValue, location: SourceLocation, node: YAMLNode? = nil) throws(Diagnostic) {
        guard case .object(let stageMembers)? = json["stages"] else {
            if json == .null { self.init(); return }
            throw .error("pipeline.lock has no 'stages'", at: location, hint: "delete the lock file to re-run every stage")
        }
        let stageNodes = node?["stages"].map(Self.entriesByKey) ?? [:]
        var stages: [String: LockEntry] = [:]
        stages.reserveCapacity(stageMembers.count)
        for member in stageMembers {
            let stageNode = stageNodes[member.key]
            stages[member.key] = try LockEntry(
                json: member.value, stage: member.key, location: stageNode?.location ?? location, node: stageNode)
        }
        self.init(stages: stages)
    }

    /// The values of a mapping by key, found as `YAMLNode`'s subscript finds them (a
    /// string key first, else the first scalar key with that text), in one pass:
    /// looking each stage up by subscript made reading a lock of n stages cost n².
    private static func entriesByKey(_ mapping: YAMLNode) -> [String: YAMLNode] {
        guard case .mapping(let pairs) = mapping.value else { return [:] }
        var byString: [String: YAMLNode] = [:], byText: [String: YAMLNode] = [:]
        byString.reserveCapacity(pairs.count)
        for pair in pairs {
            if case .string(let key) = pair.key.value {
                if byString[key] == nil { byString[key] = pair.value }
            } else if pair.key.isScalar, let text = pair.key.text, byText[text] == nil {
                byText[text] = pair.value
            }
        }
        return byString.merging(byText) { string, _ in string }
    }
}
