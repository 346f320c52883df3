/// How `CSVReader` reads a file.
package struct CSVReadOptions: Sendable, Hashable {
    /// The cells that mean "missing" in any column, by default the spellings pandas
    /// and R write: empty, `NA`, `NaN`, `nan`, `null`, `N/A`, `NULL`.
    package static let defaultMissingTokens: Set<String> = ["", "NA", "NaN", "nan", "null", "N/A", "NULL"]

    /// The field separator: one ASCII character other than a quote, CR or LF.
    package var delimiter: Character
    /// Cells that mean "missing" in every column.
    package var missingTokens: Set<String>
    /// Bytes per parallel chunk; nil chooses from the file size and the processor
    /// count. Tests set it small to force many chunks on a small file.
    package var chunkSize: Int?
    /// Per column name, a type that overrides inference; every name must be a column.
    package var schema: [String: ColumnSchema]
    /// Schema names the file may lack (passed over instead of refused): a model's
    /// reader declares the columns it knows are text, and a missing one is reported
    /// later as a missing feature; `prepare` inherits `ingest`'s schema this way.
    package var optionalSchemaColumns: Set<String> = []

    /// Options with the given delimiter and missing tokens.
    package init(
        delimiter: Character = ",", missingTokens: Set<String> = CSVReadOptions.defaultMissingTokens,
        chunkSize: Int? = nil, schema: [String: ColumnSchema] = [:]
    ) {
        self.schema = schema
        self.delimiter = delimiter
        self.missingTokens = missingTokens
        self.chunkSize = chunkSize
    }
}
