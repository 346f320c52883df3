/// HMAC-SHA256 (RFC 2104) over our SHA-256: what AWS Signature Version 4 chains to
/// derive its signing key and sign a request.
package enum HMAC {
    /// SHA-256's block size in bytes: keys longer than this are hashed first.
    private static let blockSize = 64

    /// The authentication code of `message` under `key`.
    package static func sha256<Key: Sequence, Message: Sequence>(key: Key, message: Message) -> SHA256.Digest
    where Key.Element == UInt8, Message.Element == UInt8 {
        var keyBytes = Array(key)
        if keyBytes.count > blockSize { keyBytes = SHA256.hash(keyBytes).bytes }
        keyBytes += [UInt8](repeating: 0, count: blockSize - keyBytes.count)
        var inner = SHA256()
        inner.update(keyBytes.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(keyBytes.map { $0 ^ 0x5c })
        outer.update(inner.finalize().bytes)
        return outer.finalize()
    }
}
