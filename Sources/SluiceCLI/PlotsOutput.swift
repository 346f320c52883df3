import Basics
import Foundation
import Plots

/// What `plots show` and `plots diff` do with a report: print JSON, or write the page and maybe open it.
struct PlotsOutput {
    let out: String
    let json: Bool
    let open: Bool

    func emit(_ report: PlotsReport, title: String, console: Console) throws {
        for plot in report.plots { console.warn(plot.notes.filter { $0.contains("does not exist") || $0.contains("is not in") }) }
        if json {
            console.out(JSONWriter.pretty.string(report.json))
            return
        }
        try AtomicFile.write(report.page(title: title).html(), to: out)
        let count = report.chartCount
        console.out("Wrote \(out): \(report.plots.count) \(report.plots.count == 1 ? "plot" : "plots"), \(count) \(count == 1 ? "chart" : "charts").")
        if open { console.out(Self.open(out)) }
    }

    /// Opens `path` with `open` (macOS) or `xdg-open`, when one is on PATH; says what happened.
    static func open(_ path: String) -> String {
        let path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for opener in ["xdg-open", "open"] {
            guard let executable = directories.map({ $0 + "/" + opener }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                return "Opened \(path) with \(opener)."
            } catch {
                return "Could not run \(opener): \(SystemErrorText.reason(error)); open \(path) in a browser."
            }
        }
        return "No xdg-open or open on PATH: open \(path) in a browser."
    }
}
