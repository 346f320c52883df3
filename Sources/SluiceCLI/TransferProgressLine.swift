import Foundation
import Remote
import Synchronization

/// The one line on standard error that `push`, `fetch` and `pull` keep redrawing while
/// they move objects (`pushing 120/10000 objects, 1.2/98 MB`), only on a terminal.
final class TransferProgressLine: Sendable {
    private let console: Console
    private let verb: String
    /// When the line was last drawn, and whether it is on the screen.
    private let drawn = Mutex<(time: Double, visible: Bool)>((0, false))

    /// A line for `verb` (`pushing`), or nil when standard error is not a terminal.
    static func make(_ verb: String, console: Console) -> TransferProgressLine? {
        console.isInteractive ? TransferProgressLine(verb, console: console) : nil
    }

    private init(_ verb: String, console: Console) {
        self.verb = verb
        self.console = console
    }

    /// Draws `progress`, at most ten times a second (and always the last object).
    func show(_ progress: TransferProgress) {
        let now = ProcessInfo.processInfo.systemUptime
        drawn.withLock { state in
            guard now - state.time >= 0.1 || progress.objectsDone == progress.objectsTotal else { return }
            state = (now, true)
            console.errInPlace("\r\u{1B}[K" + Self.text(progress, verb: verb))
        }
    }

    /// Clears the line, so what is printed next starts at the left margin.
    func clear() {
        drawn.withLock { state in
            if state.visible { console.errInPlace("\r\u{1B}[K") }
            state.visible = false
        }
    }

    /// `pushing 120/10000 objects, 1.2/98 MB`.
    static func text(_ progress: TransferProgress, verb: String) -> String {
        let total = progress.bytesTotal.map { "/" + megabytes($0) } ?? ""
        return "\(verb) \(progress.objectsDone)/\(progress.objectsTotal) objects, \(megabytes(progress.bytesDone))\(total) MB"
    }

    /// Bytes in megabytes (10⁶) with one decimal.
    static func megabytes(_ bytes: Int64) -> String { String(format: "%.1f", Double(bytes) / 1e6) }
}
