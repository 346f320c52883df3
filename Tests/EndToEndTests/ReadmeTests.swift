import Foundation
import Testing
import _TestSupport

/// The README's tour must work as written: its `<!-- tested -->` shell blocks run,
/// in order, in a copy of the default project.
@Suite struct ReadmeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The shell blocks that follow a `<!-- tested -->` line.
    static func testedBlocks(of readme: String) -> [String] {
        var blocks: [String] = []
        var lines = readme.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        var armed = false
        while let line = lines.next() {
            if line.trimmingCharacters(in: .whitespaces) == "<!-- tested -->" {
                armed = true
            } else if armed, line.hasPrefix("```sh") {
                var block: [Substring] = []
                while let inner = lines.next(), !inner.hasPrefix("```") { block.append(inner) }
                blocks.append(block.joined(separator: "\n"))
                armed = false
            }
        }
        return blocks
    }

    @Test func tourRunsAsWritten() throws {
        let readme = try String(contentsOfFile: Self.repository + "/README.md", encoding: .utf8)
        let blocks = Self.testedBlocks(of: readme)
        #expect(blocks.count >= 5)
        let project = try TemporaryDirectory(prefix: "sluice-readme")
        defer { project.remove() }
        for item in ["pipeline.yaml", "params.yaml", "data/source/HousingData.csv", "data/current/housing_batch.csv"] {
            let target = project.url(item)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.repository + "/" + item, toPath: target)
        }
        let binDirectory = (SluiceProcess.executablePath as NSString).deletingLastPathComponent
        for (index, block) in blocks.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-e", "-c", block]
            process.currentDirectoryURL = URL(fileURLWithPath: project.path)
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "README block \(index + 1) failed:\n\(block)\n--- output ---\n\(text)")
        }
        #expect(FileManager.default.fileExists(atPath: project.url("predictions.csv")))
    }
}
