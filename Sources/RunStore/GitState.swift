import Basics
import Foundation

/// The git commit a run started from, when the project is in a git work tree.
package struct GitState: Sendable, Equatable {
    /// The full commit hash of HEAD.
    package var commit: String
    /// The branch name; `nil` on a detached HEAD.
    package var branch: String?
    /// Whether tracked or untracked files differed from the commit (the run store
    /// itself does not count: recording runs would otherwise make every tree dirty).
    package var dirty: Bool

    /// Creates a state.
    package init(commit: String, branch: String?, dirty: Bool) {
        self.commit = commit
        self.branch = branch
        self.dirty = dirty
    }

    /// The first seven characters of the commit, with `*` when dirty, as tables show it.
    package var short: String { String(commit.prefix(7)) + (dirty ? "*" : "") }

    /// Asks git about `directory`; `nil` when git is missing, the directory is not in a
    /// work tree, or it has no commit yet. Never throws: a run is recorded regardless.
    package static func probe(directory: String, excluding excluded: String = "runs") -> GitState? {
        guard git(["rev-parse", "--is-inside-work-tree"], in: directory) == "true",
              let commit = git(["rev-parse", "HEAD"], in: directory), commit.count >= 40 else { return nil }
        let branch = git(["rev-parse", "--abbrev-ref", "HEAD"], in: directory)
        let status = git(["status", "--porcelain", "--", ".", ":(exclude)\(excluded)"], in: directory)
        return GitState(commit: commit, branch: branch == "HEAD" ? nil : branch, dirty: status.map { !$0.isEmpty } ?? false)
    }

    /// Runs `git` in `directory` and returns its trimmed output, `nil` when it fails.
    private static func git(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"  // a status check must not contend with the user's git
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The state as run.json holds it.
    package var json: JSONValue {
        .object(["commit": .string(commit), "branch": branch.map(JSONValue.string) ?? .null, "dirty": .bool(dirty)])
    }

    init?(fields: JSONFields?) {
        guard let fields, let commit = fields.optionalString("commit") else { return nil }
        self.init(commit: commit, branch: fields.optionalString("branch"), dirty: fields.bool("dirty") ?? false)
    }
}
