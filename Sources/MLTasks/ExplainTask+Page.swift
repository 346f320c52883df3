import Basics
import Charts
import Explanation

extension ExplainTask {
    /// Features in the bar chart of mean |SHAP|.
    static let summaryFeatures = 20
    /// Features with a dependence plot.
    static let dependenceFeatures = 3

    /// The page of an explanation: the facts, a bar chart of the mean |SHAP| of the
    /// top features, and for the top three a dependence plot (each row's feature value
    /// against its SHAP value). Charts draws it as inline SVG: the page loads nothing.
    static func page(
        shap: ShapValues, features: [[Double]], ranking: [(feature: String, meanAbsolute: Double)], model: String, input: String,
        preprocessed: Bool, categoryNames: [[String]]
    ) -> HTMLPage {
        var page = HTMLPage(title: "SHAP values: \(model)")
        page.summary([
            SummaryItem("model", model), SummaryItem("input", "\(input) (\(shap.rowCount) rows)"),
            SummaryItem("features", String(shap.featureNames.count)),
            SummaryItem("bias (expected margin)", shap.rowCount > 0 ? NumberFormat.human(Double(shap.bias(row: 0))) : "–"),
        ])
        page.paragraph("""
            Exact TreeSHAP (as XGBoost's pred_contribs) in margin space: each row's values and the bias add up to \
            its raw score\(preprocessed ? ". Features are the model's, after the preprocessor (scaled, encoded)" : "").
            """)
        let top = ranking.prefix(summaryFeatures)
        let bars = Chart(
            title: "Mean |SHAP| per feature" + (ranking.count > summaryFeatures ? " (top \(summaryFeatures) of \(ranking.count))" : ""),
            x: Axis("mean |SHAP value|"), y: Axis(""), series: [.horizontalBars("mean |SHAP|", top.map { Bar($0.feature, $0.meanAbsolute) })])
        page.chart(bars, width: 720, height: max(200, 60 + 24 * top.count))
        let index = Dictionary(uniqueKeysWithValues: shap.featureNames.enumerated().map { ($1, $0) })
        let dependence = ranking.prefix(dependenceFeatures).compactMap { entry -> Chart? in
            guard let feature = index[entry.feature], features.indices.contains(feature) else { return nil }
            let values = shap.column(feature)
            let points = zip(features[feature], values).map { ChartPoint($0, Double($1)) }
            let categorical = categoryNames.indices.contains(feature) && !categoryNames[feature].isEmpty
            var notes: [String] = []
            if categorical {
                notes.append("category codes: " + categoryNames[feature].prefix(12).enumerated().map { "\($0) \($1)" }.joined(separator: ", ")
                             + (categoryNames[feature].count > 12 ? ", …" : ""))
            }
            return Chart(title: "Dependence: \(entry.feature)",
                         x: Axis(entry.feature + (categorical ? " (category code)" : preprocessed ? " (after preprocessing)" : "")),
                         y: Axis("SHAP value of \(entry.feature)"), series: [.scatter(entry.feature, points)], notes: notes)
        }
        if !dependence.isEmpty {
            page.section("Dependence of the top features") { section in
                section.charts(dependence, width: 460, height: 320)
            }
        }
        return page
    }
}
