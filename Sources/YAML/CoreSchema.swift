/// The YAML 1.2 core schema: what a plain scalar means, and what the standard tags accept.
///
/// Only plain (unquoted) scalars are resolved: `yes`, `on` and `0777` are YAML 1.1
/// ideas and stay strings and decimal integers here, as in ruamel.yaml's 1.2 mode.
enum CoreSchema {
    /// The prefix of the standard tags, which `!!` abbreviates.
    static let tagPrefix = "tag:yaml.org,2002:"

    /// The value of an untagged plain scalar.
    static func resolve(_ text: String) -> YAMLNode.Value {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return text == "~" ? .null : .string(text)
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isNull(text) ? .null : .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(text).map { .bool($0) } ?? .string(text)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number(text) ?? .string(text)
        default:
            return .string(text)
        }
    }

    /// The value of a scalar with an explicit tag, or `nil` when the text does not fit the tag.
    static func value(of text: String, tag: String) -> YAMLNode.Value? {
        guard tag.hasPrefix(tagPrefix) else { return .string(text) }
        switch String(tag.dropFirst(tagPrefix.count)) {
        case "str": return .string(text)
        case "null": return text.isEmpty || text == "~" || isNull(text) ? .null : nil
        case "bool": return bool(text).map { .bool($0) }
        case "int":
            guard let value = number(text), case .int = value else { return nil }
            return value
        case "float":
            switch number(text) {
            case .int(let i): return .double(Double(i))
            case .double(let d): return .double(d)
            default: return nil
            }
        case "seq", "map", "omap", "pairs", "set": return nil
        default: return .string(text)
        }
    }

    /// Whether `tag` names a collection type, so it cannot apply to a scalar.
    static func isCollectionTag(_ tag: String) -> Bool {
        ["seq", "map", "omap", "pairs", "set"].contains { tag == tagPrefix + $0 }
    }

    /// Whether a collection may carry `tag`: standard tags must name its own kind.
    static func allows(tag: String, on value: YAMLNode.Value) -> Bool {
        guard tag.hasPrefix(tagPrefix) else { return true }
        let name = String(tag.dropFirst(tagPrefix.count))
        switch value {
        case .sequence: return ["seq", "omap", "pairs"].contains(name)
        case .mapping: return ["map", "set"].contains(name)
        default: return true
        }
    }

    /// `!!str` for a standard tag, the tag itself otherwise.
    static func shortName(_ tag: String) -> String {
        tag.hasPrefix(tagPrefix) ? "!!" + tag.dropFirst(tagPrefix.count) : tag
    }

    private static func isNull(_ text: String) -> Bool {
        text == "null" || text == "Null" || text == "NULL"
    }

    private static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }
}
