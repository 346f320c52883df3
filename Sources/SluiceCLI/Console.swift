import Foundation
import Synchronization

/// Where sluice writes: standard output for results, standard error for progress,
/// warnings and errors. Thread-safe, so stage output from parallel stages never
/// interleaves within a line.
final class Console: Sendable {
    private let lock = Mutex(())
    /// Whether standard error is a terminal (progress lines and colors only then).
    let isInteractive: Bool

    init() {
        isInteractive = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Writes `text` and a newline to standard output.
    func out(_ text: String) { write(text + "\n", to: STDOUT_FILENO) }

    /// Writes `text` and a newline to standard error.
    func err(_ text: String) { write(text + "\n", to: STDERR_FILENO) }

    /// Writes `text` to standard error as it is, with no newline: a progress line that
    /// redraws itself with a carriage return.
    func errInPlace(_ text: String) { write(text, to: STDERR_FILENO) }

    /// Writes each of `messages` to standard error as `warning: <message>`.
    func warn(_ messages: [String]) { for message in messages { err("warning: \(message)") } }

    private func write(_ text: String, to descriptor: Int32) {
        lock.withLock { _ in
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { raw in
                    Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
            bytes.removeAll()
        }
    }
}
