/// Parses the records of one chunk of a CSV file into per-column buffers.
///
/// The reader runs it twice at most: first with every column `numeric`, which
/// finds the columns holding text; then, only when there are such columns, with
/// those columns as `text` and the rest skipped, because a column's type is only
/// known once every chunk has been seen.
struct CSVChunkParser {
    /// What to do with the cells of one column in this pass.
    enum Mode: UInt8 {
        /// Parse numbers; on the first cell that is not one, mark the column textual and skip it.
        case numeric
        /// Find the field's end and do nothing else.
        case skip
        /// Keep the field's text.
        case text
    }

    /// The number of fields every record must have.
    let columnCount: Int
    /// The field separator.
    let delimiter: UInt8
    /// What counts as missing.
    let missing: MissingTokens

    /// Parses `chunk`, which starts at a record boundary, writing numbers to
    /// `numbers`, which has room for every record the chunk can hold. `isLast` says
    /// whether a quoted field running past the end is the file's own error or a sign
    /// that the chunk boundary fell inside a field.
    func parse(_ chunk: UnsafeBufferPointer<UInt8>, modes: [Mode], numbers: ChunkNumbers, isLast: Bool) -> ParsedChunk {
        var result = ParsedChunk(columnCount: columnCount, numbers: numbers)
        for column in 0..<columnCount where modes[column] == .text {
            result.texts[column].codes.reserveCapacity(numbers.capacity)
        }
        guard let start = chunk.baseAddress, !chunk.isEmpty else { return result }
        let scanner = CSVScanner(end: start + chunk.count, delimiter: delimiter)
        var modes = modes
        var p = start
        var lineFeeds = 0
        var records = 0
        recordLoop: while p < scanner.end {
            // Blank lines are skipped, as pandas does by default.
            if p.pointee == CSVScanner.lineFeed || (p.pointee == CSVScanner.carriageReturn && scanner.isFieldEnd(p)) {
                (_, p) = scanner.terminate(at: p)
                lineFeeds += 1
                continue
            }
            // Every record ends at a line feed or the chunk's end, so the bound holds;
            // a write past it would corrupt memory, so it is checked all the same.
            precondition(records < numbers.capacity, "CSV chunk holds more records than its line feeds allow")
            let recordLine = lineFeeds
            var field = 0
            var terminator = CSVScanner.Terminator.delimiter
            while terminator == .delimiter {
                let fieldEnd: UnsafePointer<UInt8>
                let mode = field < columnCount ? modes[field] : .skip
                if p < scanner.end && p.pointee == CSVScanner.quote {
                    guard let quoted = scanner.quotedField(at: p) else {
                        result.stop = isLast ? .unterminatedQuote(record: records, line: lineFeeds, field: field) : .crossedChunkEnd
                        break recordLoop
                    }
                    lineFeeds += quoted.lineFeeds
                    fieldEnd = quoted.closingQuote + 1
                    guard scanner.isFieldEnd(fieldEnd) else {
                        result.stop = .textAfterQuote(record: records, line: lineFeeds, field: field)
                        break recordLoop
                    }
                    if mode != .skip { store(quoted, column: field, row: records, modes: &modes, into: &result) }
                } else if mode == .numeric {
                    if let (value, next) = FloatParser.parsePrefix(p, scanner.end), scanner.isFieldEnd(next) {
                        numbers.columns[field].unsafelyUnwrapped[records] = value
                        fieldEnd = next
                    } else {
                        fieldEnd = scanner.unquotedFieldEnd(from: p)
                        storeNumber(from: p, to: fieldEnd, column: field, row: records, modes: &modes, into: &result)
                    }
                } else {
                    fieldEnd = scanner.unquotedFieldEnd(from: p)
                    if mode == .text {
                        let count = fieldEnd - p
                        if missing.matches(p, count: count) {
                            result.texts[field].appendMissing()
                        } else {
                            result.texts[field].append(bytes: UnsafeBufferPointer(start: p, count: count))
                        }
                    }
                }
                field += 1
                (terminator, p) = scanner.terminate(at: fieldEnd)
            }
            if terminator == .lineEnd { lineFeeds += 1 }
            guard field == columnCount else {
                result.stop = .raggedRecord(record: records, line: recordLine, fields: field)
                break
            }
            records += 1
        }
        result.records = records
        result.lineFeeds = lineFeeds
        return result
    }

    /// A numeric column's cell that the fast path did not take: a number with
    /// surrounding spaces, a quoted number, a missing-value token, or text.
    private func storeNumber(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>, column: Int, row: Int,
        modes: inout [Mode], into result: inout ParsedChunk
    ) {
        if let value = numericValue(from: start, to: end) {
            result.numbers.columns[column].unsafelyUnwrapped[row] = value
        } else {
            result.textual[column] = true
            modes[column] = .skip
        }
    }

    /// A quoted cell: numbers and missing tokens may be quoted too.
    private func store(
        _ quoted: CSVScanner.QuotedField, column: Int, row: Int, modes: inout [Mode], into result: inout ParsedChunk
    ) {
        switch modes[column] {
        case .numeric:
            if quoted.hasEscapes {
                result.textual[column] = true
                modes[column] = .skip
            } else {
                storeNumber(
                    from: quoted.contentStart, to: quoted.closingQuote, column: column, row: row,
                    modes: &modes, into: &result)
            }
        case .text:
            let isMissing = !quoted.hasEscapes
                && missing.matches(quoted.contentStart, count: quoted.closingQuote - quoted.contentStart)
            if isMissing {
                result.texts[column].appendMissing()
            } else if quoted.hasEscapes {
                result.texts[column].append(CSVScanner.text(of: quoted))
            } else {
                result.texts[column].append(
                    bytes: UnsafeBufferPointer(start: quoted.contentStart, count: quoted.closingQuote - quoted.contentStart))
            }
        case .skip:
            break
        }
    }

    /// The number a cell holds (NaN for a missing-value token), ignoring spaces and
    /// tabs around it; nil when the cell is text.
    private func numericValue(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> Double? {
        var first = start, last = end
        while first < last && (first.pointee == 0x20 || first.pointee == 0x09) { first += 1 }
        while last > first && (last[-1] == 0x20 || last[-1] == 0x09) { last -= 1 }
        if let value = FloatParser.parse(UnsafeBufferPointer(start: first, count: last - first)) { return value }
        if missing.matches(start, count: end - start) || missing.matches(first, count: last - first) { return .nan }
        return nil
    }
}
