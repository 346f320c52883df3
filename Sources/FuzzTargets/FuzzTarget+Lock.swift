import PipelineState

extension FuzzTarget {
    /// pipeline.lock, read as `status`, `repro` and `checkout` read it; a lock that
    /// reads must write back to text that reads as the same lock.
    static func runLock(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let path = sandbox.path(of: "pipeline.lock", format: .lock)
        let lock = try LockFile.read(path: path, displayName: "pipeline.lock")
        let text = lock.text
        FuzzSandbox.write(Array(text.utf8), to: path)
        guard let again = try? LockFile.read(path: path, displayName: "pipeline.lock"), again == lock else {
            return .mismatch("the lock file read does not read back the same once written")
        }
        return .accepted
    }
}
