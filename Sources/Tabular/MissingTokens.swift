/// The missing-value tokens as bytes, matched against a field without making a String.
struct MissingTokens: Sendable {
    private let tokens: [[UInt8]]
    /// Whether an empty field is missing (the common case, checked first).
    let includesEmpty: Bool

    init(_ tokens: Set<String>) {
        // Sorted so that matching order, and so behaviour, never depends on Set order.
        self.tokens = tokens.filter { !$0.isEmpty }.sorted().map { Array($0.utf8) }
        includesEmpty = tokens.contains("")
    }

    /// Whether the `count` bytes at `start` spell a missing-value token.
    @inline(__always)
    func matches(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        if count == 0 { return includesEmpty }
        for token in tokens where token.count == count {
            if token.withUnsafeBufferPointer({ memcmpEqual($0.baseAddress!, start, count) }) { return true }
        }
        return false
    }

    /// Whether `text` is a missing-value token.
    func matches(_ text: String) -> Bool {
        text.isEmpty ? includesEmpty : tokens.contains(Array(text.utf8))
    }

    @inline(__always)
    private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }
}
