import GradientBoosting
import Tabular

extension TrainTask {
    /// Feature importance as a plot data file: `feature`, `weight`, `gain`, `cover`,
    /// `total_gain`, `total_cover` (XGBoost's `get_score` types), by gain, highest first.
    static func importanceTable(_ model: Booster) throws -> Table {
        let rows = model.importance.enumerated().sorted { a, b in
            a.element.gain != b.element.gain ? a.element.gain > b.element.gain : a.offset < b.offset
        }.map(\.element)
        return try Table([
            ("feature", .category(strings: rows.map(\.feature))), ("weight", .numeric(rows.map { Double($0.weight) })),
            ("gain", .numeric(rows.map(\.gain))), ("cover", .numeric(rows.map(\.cover))),
            ("total_gain", .numeric(rows.map(\.totalGain))), ("total_cover", .numeric(rows.map(\.totalCover))),
        ])
    }
}
