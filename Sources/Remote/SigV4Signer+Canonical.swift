extension SigV4Signer {
    /// The canonical request and the signed header names (`host;x-amz-date`).
    static func canonicalRequest(_ request: SignableRequest) -> (text: String, signedHeaders: String) {
        let path = request.path.split(separator: "/", omittingEmptySubsequences: false).map { percentEncoded(String($0)) }.joined(separator: "/")
        let pairs: [(name: String, value: String)] = request.query.map { (percentEncoded($0.name), percentEncoded($0.value)) }
        let sorted = pairs.sorted { a, b in a.name == b.name ? a.value < b.value : a.name < b.name }
        let query = sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
        // Repeated names join their values in the order given; names sort by byte.
        var headers: [String: [String]] = [:]
        for (name, value) in request.headers where name.lowercased() != "authorization" {
            headers[name.lowercased(), default: []].append(trimmedHeaderValue(value))
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0, default: []].joined(separator: ","))\n" }.joined()
        let signed = names.joined(separator: ";")
        let text = [request.method, path.isEmpty ? "/" : path, query, canonicalHeaders, signed, request.payloadHash].joined(separator: "\n")
        return (text, signed)
    }

    /// RFC 3986 encoding as AWS specifies it: unreserved characters stay, every other
    /// byte of the UTF-8 becomes `%XX` in upper case.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// Leading and trailing spaces dropped and runs of spaces made one, as AWS requires.
    static func trimmedHeaderValue(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
