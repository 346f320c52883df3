/// The few fields sluice reads from S3's XML answers: error codes and object listings.
/// S3's XML is flat and machine-written, so tags are found by name; entities are undone.
enum S3ErrorBody {
    /// The `<Code>` of an error answer.
    static func code(_ body: String) -> String? { values(of: "Code", in: body).first }

    /// The text of every `<tag>…</tag>` in `body`, in order.
    static func values(of tag: String, in body: String) -> [String] {
        var found: [String] = []
        var rest = Substring(body)
        let open = "<\(tag)>", close = "</\(tag)>"
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
            found.append(unescaped(String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// XML's five entities undone.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
