/// A place in a text file: the file's display name and a 1-based line and column.
///
/// Columns count Unicode scalars, so a caret printed under the line lands on the
/// character a person sees for ASCII and most configuration text.
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as it should be shown to the user (usually relative to the project).
    package var file: String
    /// 1-based line number.
    package var line: Int
    /// 1-based column number.
    package var column: Int

    /// Creates a location.
    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form compilers and editors understand.
    package var description: String { "\(file):\(line):\(column)" }
}
