import Basics

/// Records finished stages in the lock file while a repro runs, at a cost that grows
/// with the stages run, not with their square.
///
/// Rewriting the whole file after every stage made a chain of n quick stages cost n
/// rewrites of a file of n entries: 3,000 `cp` stages spent minutes writing
/// pipeline.lock. Here each entry is turned into text once, when it is recorded, a
/// write only joins the texts, and writes are paced (`PacedWriter`): a small lock is
/// still written after every stage, a large one at most every `spacing` times its
/// write time. Every write replaces the file atomically, so it is always a complete
/// lock file; `flush()` writes what is still pending, and a repro calls it before it
/// returns, interrupted or not.
package final class LockFileWriter: Sendable {
    /// The lock file (absolute).
    package let path: String

    private struct State: Sendable {
        var lock: LockFile
        /// The text of each entry rendered so far, by stage.
        var sections: [String: String] = [:]
        /// The stage names in the file's order, once a write has needed them.
        var names: [String]?
        /// Stages recorded since `names` was made that it lacks.
        var added: [String] = []
    }

    private let file: PacedWriter<State>

    /// A writer of `lock` (as read from `path`) to `path`; `spacing` as `PacedWriter`'s.
    package init(lock: LockFile, path: String, spacing: Double = 10) {
        self.path = path
        file = PacedWriter(State(lock: lock), spacing: spacing) { state in try Self.write(&state, to: path) }
    }

    /// The lock as recorded so far (some of it may not be written yet).
    package var lock: LockFile { file.read { $0.lock } }

    /// The recorded entry of `stage`.
    package func entry(for stage: String) -> LockEntry? { file.read { $0.lock.stages[stage] } }

    /// Records `entry` for `stage`, and writes the file now or soon. Throws when a
    /// write made now fails; the entry stays recorded and a later write or `flush()`
    /// tries again.
    package func record(_ entry: LockEntry, for stage: String) throws {
        // Rendered before taking the writer: other stages may finish meanwhile.
        let section = LockFile.section(stage: stage, entry: entry)
        try file.update { state in
            if state.lock.stages.updateValue(entry, forKey: stage) == nil, state.names != nil {
                state.added.append(stage)
            }
            state.sections[stage] = section
        }
    }

    /// Writes whatever is recorded but not yet in the file.
    package func flush() throws { try file.flush() }

    private static func write(_ state: inout State, to path: String) throws {
        let names = state.names.map { merge($0, state.added.sorted()) } ?? state.lock.stages.keys.sorted()
        state.names = names
        state.added = []
        var sections: [String] = []
        sections.reserveCapacity(names.count)
        for name in names {
            if let section = state.sections[name] {
                sections.append(section)
            } else if let entry = state.lock.stages[name] {
                // Entries read from the file are rendered at the first write only.
                let section = LockFile.section(stage: name, entry: entry)
                state.sections[name] = section
                sections.append(section)
            }
        }
        try AtomicFile.write(LockFile.text(sections: sections), to: path)
    }

    /// The sorted union of two sorted lists of distinct names.
    private static func merge(_ names: [String], _ added: [String]) -> [String] {
        guard !added.isEmpty else { return names }
        var merged: [String] = []
        merged.reserveCapacity(names.count + added.count)
        var (i, j) = (0, 0)
        while i < names.count || j < added.count {
            if j == added.count || (i < names.count && names[i] < added[j]) {
                merged.append(names[i])
                i += 1
            } else {
                merged.append(added[j])
                j += 1
            }
        }
        return merged
    }
}
