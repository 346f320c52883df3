/// Task and job ids made from stage addresses: Airflow takes letters, digits, `_`, `-`
/// and `.`; GitHub Actions letters, digits, `_` and `-`, starting with a letter or `_`.
/// The common ground is letters, digits, `_` and `-`, starting with a letter or `_`.
struct TaskIdentifiers {
    private var taken: Set<String> = []

    /// A fresh id for the stage at `address`: every other character becomes `_`, and a
    /// clash (`a@1` and `a_1`, or ids differing only in case, which GitHub does not
    /// tell apart) gets a numeric suffix.
    mutating func claim(for address: String) -> String {
        var base = String(address.unicodeScalars.map { Self.allowed($0) ? Character($0) : "_" })
        if let first = base.unicodeScalars.first, Self.isLetter(first) || first == "_" {} else { base = "_" + base }
        base = String(base.prefix(90))
        var id = base, counter = 2
        while !taken.insert(id.lowercased()).inserted {
            id = "\(base)_\(counter)"
            counter += 1
        }
        return id
    }

    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
