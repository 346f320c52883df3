import Basics
import Foundation

/// Reads history.jsonl files.
enum HistoryReader {
    /// The points of `path` in file order, and how many lines did not parse (a
    /// process killed mid-line can leave one).
    static func read(_ path: String) -> (points: [HistoryPoint], skipped: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], 0) }
        var points: [HistoryPoint] = [], skipped = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            if let json = try? JSONReader.parse(String(line)), let point = HistoryPoint(json: json) {
                points.append(point)
            } else {
                skipped += 1
            }
        }
        return (points, skipped)
    }
}
