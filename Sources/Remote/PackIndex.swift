import ContentStore

/// Where the objects of one pack lie. Pushing thousands of small objects one request
/// each costs a request's latency per object (and, on S3, a request's price), so
/// small objects travel together: a pack (`packs/<sha256>.pack`) is their bytes one
/// after another, and its index (`packs/<sha256>.idx`) is a text of one line per
/// object, `<hash> <offset> <length>`, after the line `sluice-pack 1`. Both are named
/// by the index's SHA-256, so a damaged index is known as such. The index goes up after its pack, so a pack counts only once whole.
package struct PackIndex: Sendable, Equatable {
    /// One object of the pack.
    package struct Entry: Sendable, Equatable {
        /// The object's hash, as in the cache (`…` or `….dir`).
        package var hash: String
        /// Where its bytes start in the pack.
        package var offset: Int64
        /// How many bytes it has.
        package var length: Int64

        /// An entry for `hash` at `offset`, `length` bytes long.
        package init(hash: String, offset: Int64, length: Int64) {
            self.hash = hash
            self.offset = offset
            self.length = length
        }
    }

    /// The objects in pack order; each starts where the previous one ends.
    package var entries: [Entry]

    /// The first line of every index: the format and its version.
    static let header = "sluice-pack 1"

    /// An index of `entries`.
    package init(entries: [Entry]) { self.entries = entries }

    /// The index read from its text; nil when the text is not an index this version
    /// writes (a damaged or foreign file), whose objects then count as absent.
    package init?(parsing text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Self.header), lines.last == "" else { return nil }
        lines = Array(lines.dropFirst().dropLast())
        var entries: [Entry] = [], next: Int64 = 0
        for line in lines {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, ContentHash.isValid(String(fields[0])),
                  let offset = Int64(fields[1]), let length = Int64(fields[2]), offset == next, length >= 0,
                  !length.addingReportingOverflow(offset).overflow else { return nil }
            entries.append(Entry(hash: String(fields[0]), offset: offset, length: length))
            next = offset + length
        }
        self.entries = entries
    }

    /// The index's text.
    package var text: String {
        Self.header + "\n" + entries.map { "\($0.hash) \($0.offset) \($0.length)\n" }.joined()
    }

    /// The pack's size: its objects end to end.
    package var packSize: Int64 { entries.last.map { $0.offset + $0.length } ?? 0 }

    /// The key of pack `name`'s bytes.
    package static func packKey(_ name: String) -> String { "packs/\(name).pack" }

    /// The key of pack `name`'s index.
    package static func indexKey(_ name: String) -> String { "packs/\(name).idx" }

    /// The names of the packs that `keys` (a listing of `packs/`) holds whole: both the
    /// pack and its index, named by a SHA-256.
    package static func completePacks(in keys: Set<String>) -> [String] {
        keys.compactMap { key -> String? in
            guard key.hasPrefix("packs/"), key.hasSuffix(".idx") else { return nil }
            let name = String(key.dropFirst("packs/".count).dropLast(".idx".count))
            return ContentHash.isFileHash(Substring(name)) && keys.contains(packKey(name)) ? name : nil
        }.sorted()
    }
}
