import Basics
import ContentStore
import Foundation

/// Packing small objects for a push (see `PackIndex` for why and for the format).
extension ObjectTransfer {
    /// Objects up to this size may travel in a pack; larger ones always go loose.
    static let largestPackedObject: Int64 = 1 << 20
    /// With fewer small objects than this to send, they go loose: a pack would save little.
    static let leastPackedObjects = 16
    /// A pack is closed once it holds this many bytes, so that several packs go up at once
    /// and each stays below the multipart threshold.
    static let packTarget: Int64 = 16 << 20

    /// A local cache object to send.
    struct LocalObject: Sendable {
        /// Its hash.
        var hash: String
        /// Its path in the local cache.
        var file: String
        /// Its size in bytes.
        var size: Int64
    }

    /// A pack written to a scratch folder, ready to go up.
    struct WrittenPack: Sendable {
        /// Its name: the SHA-256 of its index.
        var name: String
        /// The file of its bytes.
        var packFile: String
        /// The file of its index.
        var indexFile: String
        /// The objects in it, in pack order.
        var hashes: [String]
    }

    /// `objects` split into those sent loose and groups sent as packs, in order.
    static func packGroups(_ objects: [LocalObject]) -> (loose: [LocalObject], packs: [[LocalObject]]) {
        let small = objects.filter { $0.size <= largestPackedObject }
        guard small.count >= leastPackedObjects else { return (objects, []) }
        var packs: [[LocalObject]] = [], current: [LocalObject] = [], bytes: Int64 = 0
        for object in small {
            current.append(object)
            bytes += object.size
            if bytes >= packTarget {
                packs.append(current)
                (current, bytes) = ([], 0)
            }
        }
        if !current.isEmpty { packs.append(current) }
        return (objects.filter { $0.size > largestPackedObject }, packs)
    }

    /// Writes the pack of `objects` and its index into `folder`; an object that cannot be
    /// read is left out, with an error naming it. Nil when no object could be packed.
    func writePack(_ objects: [LocalObject], into folder: String) -> (pack: WrittenPack?, failures: [RemoteError]) {
        var bytes: [UInt8] = [], entries: [PackIndex.Entry] = [], failures: [RemoteError] = []
        bytes.reserveCapacity(Int(objects.reduce(0) { $0 + $1.size }))
        for object in objects {
            guard let content = FileManager.default.contents(atPath: object.file) else {
                failures.append(RemoteError(remote: remote.displayName, key: Self.key(object.hash), "cannot read \(object.file) to send it"))
                continue
            }
            entries.append(PackIndex.Entry(hash: object.hash, offset: Int64(bytes.count), length: Int64(content.count)))
            bytes.append(contentsOf: content)
        }
        guard !entries.isEmpty else { return (nil, failures) }
        let index = Array(PackIndex(entries: entries).text.utf8)
        let name = SHA256.hash(index).hex
        let pack = WrittenPack(name: name, packFile: folder + "/\(name).pack", indexFile: folder + "/\(name).idx", hashes: entries.map(\.hash))
        guard FileManager.default.createFile(atPath: pack.packFile, contents: Data(bytes)),
              FileManager.default.createFile(atPath: pack.indexFile, contents: Data(index)) else {
            let problem = "cannot write a pack of \(entries.count) objects in \(folder)"
            return (nil, failures + entries.map { RemoteError(remote: remote.displayName, key: Self.key($0.hash), problem) })
        }
        return (pack, failures)
    }
}
