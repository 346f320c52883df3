import Basics
import YAML

/// A mapping written out as command-line arguments, as DVC unpacks `${dict}` in `cmd`.
///
/// DVC's rules (dvc/parsing/interpolate.py, `to_str` of a dict), kept exactly so a
/// dvc.yaml runs the same command under both tools:
/// - nested mappings are flattened with dots (`--opt.name adam`); an empty mapping
///   or list gives nothing;
/// - `true` gives `--key`; `false` gives nothing, or `--no-key` with `boolean_optional`;
/// - a string is quoted for the shell only when it needs it (Python's `shlex.quote`:
///   `--name 'two words'`, `--name ''`);
/// - a list gives `--key 1 2` (`nargs`) or `--key 1 --key 2` (`append`); a list inside
///   a list is an error;
/// - anything else is written as Python writes it: `--lr 0.1`, `--seed None` for null,
///   `True`/`False` for a boolean inside a list.
enum CommandArguments {
    /// The arguments for `mapping`, separated by single spaces; `name` and `location`
    /// (the reference) place the error when the mapping cannot be written.
    static func unpack(
        _ mapping: YAMLNode, options: ParsingOptions, name: String, at location: SourceLocation
    ) throws(Diagnostic) -> String {
        var words: [String] = []
        for (key, value) in try flattened(mapping, name: name, at: location) {
            switch value.value {
            case .bool(true):
                words.append("--" + key)
            case .bool(false):
                if options.bool == .booleanOptional { words.append("--no-" + key) }
            case .string(let text):
                words += ["--" + key, shellQuoted(text)]
            case .sequence(let items):
                for (position, item) in items.enumerated() {
                    let text: String
                    switch item.value {
                    case .string(let string): text = shellQuoted(string)
                    case .sequence, .mapping:
                        throw .error("'\(name)' cannot be unpacked: '\(key)' is a list that holds a collection",
                                     at: location, hint: "make '\(key)' a list of plain values")
                    default: text = pythonText(item)
                    }
                    if position == 0 || options.list == .append { words.append("--" + key) }
                    words.append(text)
                }
            default:
                words += ["--" + key, pythonText(value)]
            }
        }
        return words.joined(separator: " ")
    }

    /// The leaves of `mapping` with dotted keys, in document order; empty mappings vanish.
    private static func flattened(
        _ mapping: YAMLNode, name: String, at location: SourceLocation
    ) throws(Diagnostic) -> [(key: String, value: YAMLNode)] {
        var leaves: [(key: String, value: YAMLNode)] = []
        var seen: Set<String> = []
        func walk(_ node: YAMLNode, prefix: String?) throws(Diagnostic) {
            guard case .mapping(let pairs) = node.value else { return }
            for pair in pairs {
                guard pair.key.isScalar else {
                    throw .error("'\(name)' cannot be unpacked: it has a key that is a collection", at: location,
                                 hint: "give every key of '\(name)' a plain name")
                }
                let key = prefix.map { $0 + "." + pythonText(pair.key) } ?? pythonText(pair.key)
                if case .mapping(let inner) = pair.value.value {
                    if !inner.isEmpty { try walk(pair.value, prefix: key) }
                    continue
                }
                guard seen.insert(key).inserted else {
                    throw .error("'\(name)' cannot be unpacked: two of its keys both give '--\(key)'", at: location,
                                 hint: "rename one of them")
                }
                leaves.append((key, pair.value))
            }
        }
        try walk(mapping, prefix: nil)
        return leaves
    }

    /// A scalar as Python's `str` writes it, which is what DVC puts in the command.
    static func pythonText(_ node: YAMLNode) -> String {
        switch node.value {
        case .null: return "None"
        case .bool(let value): return value ? "True" : "False"
        default: return node.scalarText
        }
    }

    /// `text` as one shell word, as Python's `shlex.quote` writes it: unchanged when it
    /// holds only letters, digits and `_@%+=:,./-`; else in single quotes, each `'`
    /// written as `'"'"'`.
    static func shellQuoted(_ text: String) -> String {
        guard !text.isEmpty else { return "''" }
        let safe = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "_@%+=:,./-".utf8.contains(byte)
            }
        }
        guard !safe else { return text }
        // Split on the byte, not on characters: a `'` followed by a combining mark is
        // one `Character`, and must still be closed and reopened.
        let pieces = text.utf8.split(separator: UInt8(ascii: "'"), omittingEmptySubsequences: false)
        return "'" + pieces.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "'\"'\"'") + "'"
    }
}
