import Basics
import ContentStore
import Foundation
import PipelineState

/// A generated project of many small stages, in one of two shapes: a chain (stage i
/// copies f(i-1) to f(i)) or a fan-out (one source, n consumers of its output, one
/// merge of all theirs). `upToDate` writes every output and the lock file that records
/// them, so a no-op is measured without first running thousands of stages.
struct ScaleProject {
    enum Shape: String {
        case chain
        case fanOut = "fan-out"
    }

    struct Stage {
        var name: String
        var command: String
        var deps: [String]
        var outs: [String]
    }

    let shape: Shape
    let count: Int
    let directory: String

    /// Every file holds this, so one hash serves all.
    static let content = "seed\n"

    var stages: [Stage] {
        switch shape {
        case .chain:
            return (1...count).map { Stage(name: "s\($0)", command: "cp f\($0 - 1).txt f\($0).txt", deps: ["f\($0 - 1).txt"], outs: ["f\($0).txt"]) }
        case .fanOut:
            let consumers = (1...count).map { Stage(name: "c\($0)", command: "cp src.txt o\($0).txt", deps: ["src.txt"], outs: ["o\($0).txt"]) }
            return [Stage(name: "source", command: "echo seed > src.txt", deps: [], outs: ["src.txt"])] + consumers
                + [Stage(name: "merge", command: "cat o1.txt > merged.txt", deps: consumers.flatMap(\.outs), outs: ["merged.txt"])]
        }
    }

    /// A fresh project of `count` stages shaped as `shape`, with its first input.
    init(_ shape: Shape, count: Int) throws {
        self.shape = shape
        self.count = count
        directory = try Bench.temporaryDirectory("\(shape.rawValue)\(count)")
        var yaml = "stages:\n"
        for stage in stages {
            yaml += "  \(stage.name):\n    cmd: \(stage.command)\n"
            if !stage.deps.isEmpty { yaml += "    deps:\n" + stage.deps.map { "      - \($0)\n" }.joined() }
            yaml += "    outs:\n" + stage.outs.map { "      - \($0)\n" }.joined()
        }
        try yaml.write(toFile: directory + "/pipeline.yaml", atomically: true, encoding: .utf8)
        if shape == .chain { try write("f0.txt") }
    }

    /// Writes every output and a lock file recording the project as up to date.
    func upToDate() throws {
        let fingerprint = Fingerprint.file(hash: SHA256.hash(Array(Self.content.utf8)).hex, size: Int64(Self.content.utf8.count))
        var lock = LockFile()
        for stage in stages {
            for output in stage.outs { try write(output) }
            lock.stages[stage.name] = LockEntry(
                commands: [stage.command], dependencies: stage.deps.map { LockedPath(path: $0, fingerprint: fingerprint) },
                outputs: stage.outs.map { LockedPath(path: $0, fingerprint: fingerprint) })
        }
        try lock.write(path: directory + "/pipeline.lock")
    }

    private func write(_ path: String) throws {
        try Self.content.write(toFile: directory + "/" + path, atomically: false, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
