/// Reads boolean cells: `true`/`false`/`yes`/`no` in any letter case.
///
/// `0`/`1` are not booleans here: the CSV reader has already read them as numbers,
/// as pandas does, and a boolean is stored as the number 1 or 0 anyway.
package enum BooleanParser {
    /// 1 for true or yes, 0 for false or no, nil otherwise.
    package static func parse(_ text: String) -> Double? {
        switch text.lowercased() {
        case "true", "yes": 1
        case "false", "no": 0
        default: nil
        }
    }
}
