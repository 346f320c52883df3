/// An HTTP request as Signature Version 4 sees it: method, path, query, headers and
/// the hash of the body.
package struct SignableRequest: Sendable, Equatable {
    /// `GET`, `PUT`, `HEAD`, `POST`, `DELETE`.
    package var method: String
    /// The path, not yet percent-encoded (`/bucket/key with spaces`); each segment is
    /// encoded once, as S3 expects (it is never normalised or encoded twice).
    package var path: String
    /// Query parameters, not yet encoded, in any order; repeated names are allowed.
    package var query: [(name: String, value: String)]
    /// Headers in any order and case; repeated names are joined with commas.
    package var headers: [(name: String, value: String)]
    /// The body's SHA-256 in lowercase hex, or `UNSIGNED-PAYLOAD`.
    package var payloadHash: String

    /// A request with the given parts.
    package init(
        method: String, path: String, query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = [],
        payloadHash: String
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }

    /// The SHA-256 of an empty body, the payload hash of every request without one.
    package static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The value of header `name` (any case), the first when repeated.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Requests are equal when every part is, in order.
    package static func == (lhs: SignableRequest, rhs: SignableRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.payloadHash == rhs.payloadHash
            && lhs.query.elementsEqual(rhs.query) { $0 == $1 } && lhs.headers.elementsEqual(rhs.headers) { $0 == $1 }
    }
}
