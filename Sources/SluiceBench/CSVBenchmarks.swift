import Foundation
import Tabular

/// CSV parse time on the generated 1M-row float file (`sluice-bench csv [FILE]`).
enum CSVBenchmarks {
    /// The file `shared/bench/gen_data.py --csv` writes by default.
    static let defaultFile = "/tmp/sluice-bench-data/reg_train.csv"

    static func read() throws {
        // `csv FILE`: the file follows the benchmark's name on the command line.
        let path = CommandLine.arguments.dropFirst(2).first ?? defaultFile
        guard FileManager.default.fileExists(atPath: path) else {
            Bench.report("read CSV", "skipped", target: "no \(path); generate it with shared/bench/gen_data.py --csv")
            return
        }
        var table = try CSVReader.read(path: path)  // warms the page cache
        let seconds = try Bench.median(runs: 3) { table = try CSVReader.read(path: path) }
        let name = (path as NSString).lastPathComponent
        Bench.report("read \(name) \(table.rowCount) rows x \(table.columnCount) cols",
                     String(format: "%.3f s", seconds), target: "<= pandas.read_csv (0.63 s)")
    }
}
