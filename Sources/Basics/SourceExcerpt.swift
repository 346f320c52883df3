import Foundation

/// One line of an input, cut to a window around a column, as an error message quotes it.
///
/// A data file can have a line of megabytes (a CSV row, a minified JSON file): the
/// excerpt keeps at most `width` characters around the column, marks each cut with
/// `…`, and is read from a file without reading the file past that window.
package struct SourceExcerpt: Hashable, Sendable {
    /// The most characters an excerpt shows, not counting the `…` marks.
    package static let width = 200

    /// The quoted text, with `…` where the line was cut.
    package var text: String
    /// The 1-based position in `text` (in Unicode scalars) of the diagnostic's column.
    package var caretColumn: Int

    /// Cuts `line` to the window around `column` (1-based, in Unicode scalars).
    package init(line: Substring, column: Int) {
        let scalars = Array((line.hasSuffix("\r") ? line.dropLast() : line).unicodeScalars)
        let column = max(1, column)
        let start = scalars.count <= Self.width ? 0 : max(0, min(column - 1 - Self.width / 2, scalars.count - Self.width))
        let end = min(scalars.count, start + Self.width)
        var view = String.UnicodeScalarView()
        if start > 0 { view.append("…") }
        view.append(contentsOf: scalars[start..<end])
        if end < scalars.count { view.append("…") }
        text = String(view)
        caretColumn = column - start + (start > 0 ? 1 : 0)
    }

    /// The excerpt of line `line` in `source`, or `nil` when the text has no such line.
    package init?(source: String, line: Int, column: Int) {
        guard line >= 1 else { return nil }
        var current = 1
        for text in source.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false) {
            if current == line {
                self.init(line: text, column: column)
                return
            }
            current += 1
        }
        return nil
    }

    /// The excerpt of line `line` in the file at `path`, reading the file only up to the
    /// window around `column`; `nil` when the file cannot be read or is shorter.
    package init?(path: String, line: Int, column: Int) {
        // Only a regular file ends: a device such as /dev/zero would be read forever.
        guard line >= 1, FileKind(path: path) == .regular, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // Enough bytes for the window's scalars at four UTF-8 bytes each.
        let limit = (max(1, column) + Self.width) * 4
        let newline = UInt8(ascii: "\n")
        var current = 1, collected: [UInt8] = []
        reading: while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            var index = chunk.startIndex
            while current < line {
                guard let end = chunk[index...].firstIndex(of: newline) else { continue reading }
                current += 1
                index = end + 1
            }
            let end = chunk[index...].firstIndex(of: newline) ?? chunk.endIndex
            collected.append(contentsOf: chunk[index..<end].prefix(limit - collected.count))
            if end < chunk.endIndex || collected.count >= limit { break }
        }
        guard current == line else { return nil }
        self.init(line: Substring(String(decoding: collected, as: UTF8.self)), column: column)
    }
}
