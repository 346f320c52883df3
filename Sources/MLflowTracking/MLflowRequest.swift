import Basics

/// One call to an MLflow tracking server, as plain data: what `MLflowTransport`
/// sends. Building requests is pure, so tests read their JSON bodies without a server.
///
/// This module knows MLflow's REST API and nothing of pipelines or of how a run was
/// recorded beyond `MLflowRunContent`; it never prints.
package struct MLflowRequest: Sendable, Equatable {
    /// What the request sends.
    package enum Body: Sendable, Equatable {
        /// Nothing (GET).
        case none
        /// A JSON document (`Content-Type: application/json`).
        case json(JSONValue)
        /// A file's bytes (an artifact upload).
        case file(String)
    }

    /// The HTTP method.
    package var method: String
    /// The path below the server's URL, percent-encoded, starting with `/api/`.
    package var path: String
    /// Query items (not yet encoded).
    package var query: [Query]
    /// The body.
    package var body: Body

    /// A query item.
    package struct Query: Sendable, Equatable {
        /// The name.
        package var name: String
        /// The value.
        package var value: String
    }

    /// A request of `method` on `path`.
    package init(method: String, path: String, query: [Query] = [], body: Body = .none) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// The JSON body, when there is one.
    package var json: JSONValue? {
        if case .json(let value) = body { return value }
        return nil
    }

    /// The path and encoded query, to append to the server's URL.
    package var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { Self.percentEncoded($0.name) + "=" + Self.percentEncoded($0.value) }.joined(separator: "&")
    }

    /// `text` with everything but unreserved characters (RFC 3986) percent-encoded.
    package static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
