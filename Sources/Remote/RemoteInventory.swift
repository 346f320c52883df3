import Basics
import ContentStore
import Foundation

/// What a remote holds: its loose objects by key, and the objects of its packs by hash.
package struct RemoteInventory: Sendable {
    /// Where a packed object lies.
    package struct PackedObject: Sendable, Equatable {
        /// The pack's name.
        package var pack: String
        /// The object's bytes in the pack.
        package var range: Range<Int64>
    }

    /// Keys of the loose objects (`files/sha256/…`).
    package var loose: Set<String>
    /// The packed objects by hash (an object in several packs: in the first by name).
    package var packed: [String: PackedObject] = [:]
    /// The size of each pack, by name.
    package var packSizes: [String: Int64] = [:]

    /// An inventory of `loose` objects and no packs.
    package init(loose: Set<String>) { self.loose = loose }

    /// Adds the objects of pack `name`.
    mutating func add(_ index: PackIndex, name: String) {
        packSizes[name] = index.packSize
        for entry in index.entries where packed[entry.hash] == nil {
            packed[entry.hash] = PackedObject(pack: name, range: entry.offset..<(entry.offset + entry.length))
        }
    }

    /// Whether the remote holds the object for `hash`, loose or packed.
    package func contains(_ hash: String) -> Bool {
        packed[hash] != nil || loose.contains(ObjectTransfer.key(hash))
    }
}

extension ObjectTransfer {
    /// The remote's inventory: one listing of loose objects, one of packs, and the index
    /// of each pack this cache has not seen yet, all in one batch. A pack is named by its
    /// index's SHA-256, so an index whose content does not match its name (damaged) is
    /// left out, and its objects count as absent: a push sends them again.
    package func inventory() throws(RemoteError) -> RemoteInventory {
        var inventory = RemoteInventory(loose: try remote.keys(under: "files/sha256/"))
        let names = PackIndex.completePacks(in: try remote.keys(under: "packs/"))
        guard !names.isEmpty else { return inventory }
        var unseen: [String] = []
        for name in names {
            if let index = Self.verifiedIndex(at: knownIndexes + "/" + name, name: name) { inventory.add(index, name: name) } else { unseen.append(name) }
        }
        let scratch = FileManager.default.temporaryDirectory.path
        let items = unseen.map { (key: PackIndex.indexKey($0), file: scratch + "/sluice-index-" + UUID().uuidString) }
        var failure: RemoteError?
        for (name, (item, outcome)) in zip(unseen, zip(items, remote.download(items, jobs: jobs))) {
            defer { try? FileManager.default.removeItem(atPath: item.file) }
            // Every downloaded copy is removed before the first failure is thrown.
            if let outcome { failure = failure ?? outcome }
            guard failure == nil, let index = Self.verifiedIndex(at: item.file, name: name) else { continue }
            inventory.add(index, name: name)
            rememberIndex(item.file, name: name)
        }
        if let failure { throw failure }
        return inventory
    }

    /// Keeps a copy of pack `name`'s index (`file`, already checked) in the cache, best
    /// effort: without it, the next transfer fetches the index again.
    func rememberIndex(_ file: String, name: String) {
        let known = knownIndexes
        let temporary = known + "/.tmp-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: known, withIntermediateDirectories: true)
        guard (try? FileManager.default.copyItem(atPath: file, toPath: temporary)) != nil, rename(temporary, known + "/" + name) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return
        }
    }

    /// Where the cache keeps the pack indexes it has read (immutable, named by content).
    var knownIndexes: String { cache.directory + "/pack-indexes" }

    /// The index in `file` when its SHA-256 is `name` and it parses; else nil.
    static func verifiedIndex(at file: String, name: String) -> PackIndex? {
        guard let bytes = FileManager.default.contents(atPath: file), SHA256.hash(Array(bytes)).hex == name else { return nil }
        return PackIndex(parsing: String(decoding: bytes, as: UTF8.self))
    }
}
