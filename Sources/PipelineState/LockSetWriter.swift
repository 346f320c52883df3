import Basics

/// Records finished stages in the lock file of each pipeline file while a repro runs:
/// one `LockFileWriter` per lock file of the project, so each is written at a cost that
/// grows with its stages run, and a stage is found by its lock file and name.
package struct LockSetWriter: Sendable {
    /// The writers by lock file path (relative to the root).
    private let writers: [String: LockFileWriter]

    /// Writers of the lock files of `locks`, and of an empty one at each of `lockPaths`
    /// that `locks` lacks, below `root` (absolute); `spacing` as `PacedWriter`'s.
    package init(locks: LockSet, lockPaths: some Sequence<String>, root: String, spacing: Double = 10) {
        var files = locks.files
        for path in lockPaths where files[path] == nil { files[path] = LockFile() }
        writers = files.reduce(into: [:]) { writers, file in
            writers[file.key] = LockFileWriter(lock: file.value, path: root + "/" + file.key, spacing: spacing)
        }
    }

    /// The lock files as recorded so far (some of it may not be written yet).
    package var locks: LockSet { LockSet(files: writers.mapValues(\.lock)) }

    /// The recorded entry of stage `name` in the lock file at `lockPath`.
    package func entry(lock lockPath: String, stage name: String) -> LockEntry? { writers[lockPath]?.entry(for: name) }

    /// Records `entry` for stage `name` in the lock file at `lockPath`, written now or
    /// soon. A lock file the writer was not made with is a caller's error.
    package func record(_ entry: LockEntry, lock lockPath: String, stage name: String) throws {
        guard let writer = writers[lockPath] else {
            throw Diagnostic.failure("no lock file '\(lockPath)' was read for stage '\(name)'",
                                     hint: "this is a bug in sluice; run the repro again")
        }
        try writer.record(entry, for: name)
    }

    /// Writes whatever is recorded but not yet in its file, every file tried once.
    package func flush() throws {
        var firstError: (any Error)?
        for path in writers.keys.sorted() {
            do { try writers[path]?.flush() } catch { firstError = firstError ?? error }
        }
        if let firstError { throw firstError }
    }
}
