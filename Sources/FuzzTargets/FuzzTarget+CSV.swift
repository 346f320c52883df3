import Tabular

extension FuzzTarget {
    /// A CSV table, read through a memory map with the options `ml prepare` uses, and
    /// read again in small chunks as a large file would be split: both readings must
    /// agree. Then what ingestion reports of it (missing cells, duplicate rows) and
    /// the statistics imputation and scaling compute.
    static func runCSV(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let path = sandbox.path(of: "data.csv", format: .csv)
        let table = try CSVReader.read(path: path, displayName: "data.csv")
        let bytes = bundle["data.csv"] ?? []
        // A chunk size fixed by the input, so a replay splits it the same way.
        let chunkSize = 1 + bytes.count % 61
        let chunked = try? bytes.withUnsafeBufferPointer {
            try CSVReader.read(bytes: $0, fileName: "data.csv", options: CSVReadOptions(chunkSize: chunkSize))
        }
        guard chunked == table else {
            return .mismatch("reading data.csv in chunks of \(chunkSize) bytes gives another table than reading it whole")
        }
        _ = table.missingCounts
        _ = table.duplicateRows
        for column in table.columns {
            guard let values = column.numericValues else { continue }
            let present = Statistics.present(values)
            _ = Statistics.mean(present)
            _ = Statistics.median(present)
            _ = Statistics.standardDeviation(present)
            _ = Statistics.quantile(present, 0.25)
        }
        return .accepted
    }
}
