// Remote: where a project's content cache is shared — an S3 bucket (requests signed
// with AWS Signature Version 4) or a local or mounted directory — and moving objects
// between it and the local cache.
//
// What this module must not know: pipelines, stages or the lock file (the caller says
// which objects to move), YAML, runs or the command line. It never prints; progress is
// reported through a callback.

/// A place that stores cache objects by key (`files/sha256/ab/cdef…`, the local
/// cache's layout). Every implementation makes an object visible under its key only
/// once it is whole, so an interrupted upload never leaves a partial object behind.
package protocol RemoteStorage: Sendable {
    /// The remote's name in messages (`storage (s3://bucket/cache)`).
    var displayName: String { get }
    /// Every key under `prefix`, in one listing (paged as the storage needs).
    func keys(under prefix: String) throws(RemoteError) -> Set<String>
    /// Stores each local file under its key, several at a time; one outcome per item
    /// (nil when it worked). `moved` hears of bytes sent and of each item finished (its
    /// index), from any thread, as they happen.
    func upload(_ items: [(file: String, key: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?]
    /// Writes each object to its local file (the caller's temporary name), several at a
    /// time; one outcome per item (nil when it worked). `moved` as for `upload`.
    func download(_ items: [(key: String, file: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?]
    /// Writes bytes `range` (not empty) of each object to its local file: one object of a
    /// pack. As `download` otherwise.
    func download(ranges items: [(key: String, range: Range<Int64>, file: String)], jobs: Int,
                  moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?]
}

extension RemoteStorage {
    /// `upload` without progress.
    package func upload(_ items: [(file: String, key: String)], jobs: Int) -> [RemoteError?] {
        upload(items, jobs: jobs, moved: { _, _ in })
    }

    /// `download` without progress.
    package func download(_ items: [(key: String, file: String)], jobs: Int) -> [RemoteError?] {
        download(items, jobs: jobs, moved: { _, _ in })
    }
}
