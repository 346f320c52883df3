import PipelineState

/// Brings the run-cache entry for a key (a lock entry without outputs), and the objects
/// its outputs need, into the local cache from elsewhere, when it can: `repro --pull`
/// hands the reproducer one that asks the remote. Failing to find anything is not an
/// error (the stage then runs), so it returns nothing.
package typealias RunCacheFill = @Sendable (LockEntry) -> Void
