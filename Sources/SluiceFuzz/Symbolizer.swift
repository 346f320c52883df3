import Foundation

/// Names code addresses of this binary with `llvm-symbolizer` (inlined frames
/// included) and `swift-demangle`, when they are on PATH; without them a frame is
/// its offset in the binary.
struct Symbolizer {
    /// One source frame.
    struct Frame: Equatable {
        var function: String
        /// `path:line:column`, or `/<compiler-generated>:0:0`.
        var location: String
    }

    let executable: String
    let symbolizer: String?
    let demangler: String?

    init(executable: String) {
        self.executable = executable
        symbolizer = Self.which("llvm-symbolizer")
        demangler = Self.which("swift-demangle")
    }

    /// The frames of each offset (inlined frames innermost first); an empty list for an
    /// offset that could not be named.
    func frames(ofOffsets offsets: [UInt64]) -> [[Frame]] {
        guard let symbolizer, !offsets.isEmpty else { return offsets.map { _ in [] } }
        let input = offsets.map { "0x" + String($0, radix: 16) }.joined(separator: "\n") + "\n"
        let output = Self.run(symbolizer, ["--obj=" + executable, "--inlining", "--functions=linkage"], input: input)
        var blocks: [[Frame]] = [], current: [Frame] = []
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.popFirst() {
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current); current = [] }
                continue
            }
            current.append(Frame(function: line, location: lines.popFirst() ?? ""))
        }
        if !current.isEmpty { blocks.append(current) }
        let names = demangle(blocks.flatMap { $0.map(\.function) })
        var index = 0
        blocks = blocks.map { block in
            block.map { frame in
                defer { index += 1 }
                return Frame(function: names[index], location: frame.location)
            }
        }
        return offsets.indices.map { $0 < blocks.count ? blocks[$0] : [] }
    }

    private func demangle(_ names: [String]) -> [String] {
        guard let demangler, !names.isEmpty else { return names }
        let output = Self.run(demangler, ["--simplified", "--compact"], input: names.joined(separator: "\n") + "\n")
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return names.indices.map { $0 < lines.count && !lines[$0].isEmpty ? lines[$0] : names[$0] }
    }

    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool with `input` on its standard input; its standard output.
    static func run(_ tool: String, _ arguments: [String], input: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "" }
        // Written from another thread, so a large output cannot block both sides.
        let writer = stdin.fileHandleForWriting
        Thread.detachNewThread {
            writer.write(Data(input.utf8))
            try? writer.close()
        }
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
