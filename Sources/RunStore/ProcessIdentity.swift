import Basics
import Foundation

/// The process that records a run, identified well enough to tell later whether it
/// is still alive: a pid alone could have been reused by an unrelated process, so
/// on Linux the boot id and the process's start time (in clock ticks since boot)
/// are kept too.
package struct ProcessIdentity: Sendable, Equatable {
    /// The process id.
    package var pid: Int32
    /// The host name; another host's processes cannot be checked.
    package var host: String
    /// `/proc/sys/kernel/random/boot_id`, when the system has it.
    package var bootID: String?
    /// Field 22 of `/proc/<pid>/stat`: when the process started, in ticks since boot.
    package var startTicks: UInt64?

    /// Creates an identity.
    package init(pid: Int32, host: String, bootID: String? = nil, startTicks: UInt64? = nil) {
        self.pid = pid
        self.host = host
        self.bootID = bootID
        self.startTicks = startTicks
    }

    /// This process.
    package static func current() -> ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, host: hostName(), bootID: readBootID(), startTicks: startTicks(of: pid))
    }

    /// Whether the process has certainly ended: `true` when it no longer exists (or
    /// its pid now belongs to a process started at another time, or the machine
    /// rebooted), `false` when it runs, `nil` when it ran on another host.
    package func isGone() -> Bool? {
        guard host == Self.hostName() else { return nil }
        guard pid > 0 else { return true }  // kill(0) or kill(-1) would ask about groups
        if let bootID, let now = Self.readBootID(), bootID != now { return true }
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        if let startTicks, let now = Self.startTicks(of: pid), startTicks != now { return true }
        return false
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func readBootID() -> String? {
        (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The start time of `pid` from `/proc/<pid>/stat`, `nil` where there is no /proc.
    static func startTicks(of pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // The command name (field 2) may hold spaces and parentheses; fields after the last ')' do not.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so field 22 is fields[19].
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }

    /// The identity as run.json holds it.
    package var json: JSONValue {
        .object([
            "pid": .int(Int(pid)), "host": .string(host), "boot_id": bootID.map(JSONValue.string) ?? .null,
            "start_ticks": startTicks.map { JSONValue.int(Int(clamping: $0)) } ?? .null,
        ])
    }

    init?(fields: JSONFields?) {
        guard let fields, let pid = fields.int("pid"), let host = fields.optionalString("host") else { return nil }
        // A pid no process can have (a damaged record) is 0, which `isGone` calls gone;
        // truncating it could name an unrelated live process.
        self.init(pid: Int32(exactly: pid) ?? 0, host: host, bootID: fields.optionalString("boot_id"),
                  startTicks: fields.int("start_ticks").map { UInt64(max(0, $0)) })
    }
}
