import Foundation
import FuzzTargets

/// A crash or hang the supervisor saw, with where it happened.
struct Finding {
    enum Kind: String { case crash, hang }

    var kind: Kind
    var format: FuzzFormat
    /// The input's number in the run.
    var number: UInt64
    var input: [UInt8]
    /// What ended the process: `SIGILL`, `stack overflow`, `over 2 s`, …
    var cause: String
    /// The runtime's own message, when it printed one (`Fatal error: …`).
    var message: String?
    /// Where: the program counter's frames, then frames found on the stack.
    var frames: [Symbolizer.Frame]
    /// What tells this failure from others: the cause and the first frame in sluice's own code.
    var signature: String
}

/// Naming, keeping and describing findings.
enum Findings {
    /// Where saved inputs go unless `--corpus` says otherwise.
    static func corpusDirectory(root: String) -> String { root + "/" + FuzzSeeds.corpusDirectory }

    /// A short stable hash (FNV-1a, 64 bits, as 12 hex digits).
    static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let text = String(value, radix: 16)
        return String((String(repeating: "0", count: 16 - text.count) + text).prefix(12))
    }

    /// Writes `input` as `corpus/<format>/<name>` unless a file of that name is
    /// already as small, so each failure keeps its smallest known input. Returns the
    /// path when it wrote.
    @discardableResult
    static func keepSmallest(_ input: [UInt8], named name: String, format: FuzzFormat, corpus: String) -> String? {
        let folder = corpus + "/" + format.rawValue
        let path = folder + "/" + name
        if let existing = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, existing <= input.count { return nil }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(input)) else { return nil }
        return path
    }

    /// sluice's own modules: the folders of Sources/ but the harness's.
    static func projectModules(root: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: root + "/Sources")) ?? []).filter { $0 != "FuzzTargets" && $0 != "SluiceFuzz" })
    }

    /// A frame's source location from `Sources/` on, when it is in one of `modules`.
    static func projectLocation(_ frame: Symbolizer.Frame, modules: Set<String>) -> String? {
        guard let range = frame.location.range(of: "/Sources/", options: .backwards) else { return nil }
        let relative = frame.location[range.upperBound...]
        guard let module = relative.split(separator: "/").first, modules.contains(String(module)) else { return nil }
        return "Sources/" + relative
    }

    /// The signature of a failure: its cause, the runtime failure the trap reports
    /// (`Swift runtime failure: …`), and the first frame in sluice's own code, without
    /// the column (which moves with unrelated edits less than the line, but still moves).
    ///
    /// A hang is caught anywhere in its loop, so its signature names the function only;
    /// a trap is at one instruction, so its signature has the file and line too.
    static func signature(cause: String, frames: [Symbolizer.Frame], modules: Set<String>, hang: Bool) -> String? {
        let runtime = frames.first { $0.function.hasPrefix("Swift runtime failure") }?.function
        let own = frames.lazy.compactMap { frame in
            projectLocation(frame, modules: modules).map { location in
                hang ? frame.function : "\(frame.function) at \(location.split(separator: ":").prefix(2).joined(separator: ":"))"
            }
        }.first
        guard let own else { return nil }
        return [cause, runtime, own].compactMap { $0 }.joined(separator: " | ")
    }

    /// The finding as lines for the log and the report.
    static func describe(_ finding: Finding, savedAs path: String?, modules: Set<String>) -> String {
        var lines = ["\(finding.kind.rawValue) in \(finding.format.rawValue) input #\(finding.number) (\(finding.input.count) bytes): \(finding.signature)"]
        if let path { lines.append("  saved as \(path)") }
        if let message = finding.message { lines.append("  " + message) }
        var shown = 0
        for frame in finding.frames where shown < 12 {
            if let location = projectLocation(frame, modules: modules) {
                lines.append("    \(frame.function)  \(location)")
            } else if frame.function.hasPrefix("Swift runtime failure") {
                lines.append("    \(frame.function)")
            } else {
                continue
            }
            shown += 1
        }
        return lines.joined(separator: "\n")
    }
}
