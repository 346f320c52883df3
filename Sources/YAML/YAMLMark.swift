/// A position in the input: byte offset plus 0-based line and column (in Unicode scalars).
struct YAMLMark: Sendable {
    /// Byte offset into the UTF-8 input.
    var offset = 0
    /// 0-based line.
    var line = 0
    /// 0-based column, counting Unicode scalars.
    var column = 0
}
