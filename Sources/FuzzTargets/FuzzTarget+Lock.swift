import PipelineState

extension FuzzTarget {
    /// pipeline.lock, read as `status`, `repro` and `checkout` read it; a lock that
    /// reads must write text that reads back and writes the same text again (the
    /// writer sorts what a hand-edited file may hold in another order).
    static func runLock(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let path = sandbox.path(of: "pipeline.lock", format: .lock)
        let lock = try LockFile.read(path: path, displayName: "pipeline.lock")
        let text = lock.text
        FuzzSandbox.write(Array(text.utf8), to: path)
        guard let again = try? LockFile.read(path: path, displayName: "pipeline.lock"), again.text == text else {
            return .mismatch("the lock file read does not read back the same once written")
        }
        return .accepted
    }
}
