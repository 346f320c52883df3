/// Several files held in one input, so that a run folder can be mutated, saved and
/// replayed as one file: each member starts with a line `==> NAME <==` (as `head`
/// prints several files), and text before the first such line belongs to the
/// format's main file. A member that is absent is a file that does not exist.
package struct FuzzBundle: Sendable, Equatable {
    /// The format whose files the members are.
    package let format: FuzzFormat
    /// The members in order, by file name; names are among the format's member names.
    package var members: [(name: String, bytes: [UInt8])]

    /// A bundle of the given members.
    package init(format: FuzzFormat, members: [(name: String, bytes: [UInt8])]) {
        self.format = format
        self.members = members
    }

    package static func == (lhs: FuzzBundle, rhs: FuzzBundle) -> Bool {
        lhs.format == rhs.format && lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.name == $1.name && $0.bytes == $1.bytes }
    }

    /// The bytes of member `name`, `nil` when the bundle does not hold it.
    package subscript(name: String) -> [UInt8]? { members.first { $0.name == name }?.bytes }

    /// Splits `bytes` into members of `format`. Any bytes split somehow: a header
    /// that names no member of the format is ordinary text of the member before it,
    /// and a later member of the same name replaces the earlier one.
    package init(parsing bytes: [UInt8], format: FuzzFormat) {
        let names = format.memberNames
        var members: [(name: String, bytes: [UInt8])] = []
        func close(_ name: String, from start: Int, to end: Int, beforeHeader: Bool) {
            var end = max(start, end)
            // The line break before a header separates members; it is not content.
            if beforeHeader, end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            members.removeAll { $0.name == name }
            members.append((name, Array(bytes[start..<end])))
        }
        var name = names[0], contentStart = 0, lineStart = 0, implicitMain = true
        while true {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let header = Self.header(bytes[lineStart..<lineEnd]), names.contains(header) {
                // A bundle that starts with a header has no text of its main file before it.
                if !(implicitMain && lineStart == 0) { close(name, from: contentStart, to: lineStart, beforeHeader: true) }
                implicitMain = false
                name = header
                contentStart = min(lineEnd + 1, bytes.count)
            }
            guard lineEnd < bytes.count else { break }
            lineStart = lineEnd + 1
        }
        close(name, from: contentStart, to: bytes.count, beforeHeader: false)
        self.init(format: format, members: members)
    }

    /// The bytes of the bundle: the main file bare when it is the only member, else
    /// every member under its header.
    package var bytes: [UInt8] {
        if members.count == 1, members[0].name == format.memberNames[0] { return members[0].bytes }
        var out: [UInt8] = []
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\n")) }
            out += Array("==> \(member.name) <==\n".utf8)
            out += member.bytes
        }
        return out
    }

    /// The name in a header line `==> NAME <==`, or `nil` when the line is not one.
    static func header(_ line: ArraySlice<UInt8>) -> String? {
        let prefix = Array("==> ".utf8), suffix = Array(" <==".utf8)
        guard line.count > prefix.count + suffix.count, line.starts(with: prefix), line.suffix(suffix.count).elementsEqual(suffix) else {
            return nil
        }
        return String(decoding: line.dropFirst(prefix.count).dropLast(suffix.count), as: UTF8.self)
    }
}
