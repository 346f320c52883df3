import Basics

/// Typed reading of an object's members, with errors that name the file and the
/// member, for run files a person may have edited by hand.
struct JSONFields {
    let value: JSONValue
    let file: String
    let context: String

    init(_ value: JSONValue, file: String, context: String) {
        self.value = value
        self.file = file
        self.context = context
    }

    /// A required string member.
    func string(_ key: String) throws(Diagnostic) -> String {
        guard case .string(let text)? = value[key] else {
            throw .failure("\(file): the \(context) has no string '\(key)'", hint: "restore the file or delete the run's folder")
        }
        return text
    }

    /// A string member, `nil` when absent or null.
    func optionalString(_ key: String) -> String? {
        if case .string(let text)? = value[key] { return text }
        return nil
    }

    /// A list of strings; other items are skipped.
    func strings(_ key: String) -> [String] {
        guard case .array(let items)? = value[key] else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// A number member (integer or not), `nil` when absent or null.
    func double(_ key: String) -> Double? {
        switch value[key] {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }

    /// An integer member, `nil` when absent, null or not integral.
    func int(_ key: String) -> Int? {
        switch value[key] {
        case .int(let number)?: number
        case .double(let number)? where number.rounded() == number && abs(number) < 1e18: Int(number)
        default: nil
        }
    }

    /// A boolean member, `nil` when absent.
    func bool(_ key: String) -> Bool? {
        if case .bool(let flag)? = value[key] { return flag }
        return nil
    }

    /// A nested object's fields, `nil` when absent or not an object.
    func object(_ key: String) -> JSONFields? {
        guard let member = value[key], case .object = member else { return nil }
        return JSONFields(member, file: file, context: key)
    }
}
