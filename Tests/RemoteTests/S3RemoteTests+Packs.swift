import Basics
import ContentStore
import Foundation
import Testing
import _TestSupport
@testable import Remote

extension S3RemoteTests {
    @Test func manySmallObjectsGoThroughS3AsAPackWholeAndByRanges() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let (cache, directory, files) = try PackTransferTests.manyFiles(root)
        let remote = Self.remote()
        let pushed = try ObjectTransfer(cache: cache, remote: remote, jobs: 4).push([directory])
        #expect(pushed == ObjectTransfer.Summary(transferred: 41, skipped: 0, failures: []), "\(pushed.failures)")
        #expect(try remote.keys(under: "files/sha256/").isEmpty)
        #expect(PackIndex.completePacks(in: try remote.keys(under: "packs/")).count == 1)
        // The whole directory: the pack in one request.
        let whole = CacheStore(directory: root.path + "/whole")
        let pulled = try ObjectTransfer(cache: whole, remote: remote, jobs: 4).pull([directory])
        #expect(pulled == ObjectTransfer.Summary(transferred: 41, skipped: 0, failures: []), "\(pulled.failures)")
        #expect(try PackTransferTests.contents(whole, files) == PackTransferTests.contents(cache, files))
        // Three objects (one of them empty): ranged reads of the pack.
        let some = CacheStore(directory: root.path + "/some"), wanted = [files[0], files[3], files[38]]
        let few = try ObjectTransfer(cache: some, remote: remote).pull(wanted)
        #expect(few == ObjectTransfer.Summary(transferred: 3, skipped: 0, failures: []), "\(few.failures)")
        #expect(try PackTransferTests.contents(some, wanted) == PackTransferTests.contents(cache, wanted))
    }
}
