/// One axis of a chart: its label, how values map to positions, and an optional fixed range.
package struct Axis: Sendable, Equatable {
    /// How values are placed along the axis.
    package enum Scale: Sendable, Equatable {
        /// Equal steps for equal differences; ticks at 1-2-5 steps.
        case linear
        /// Equal steps for equal ratios; only positive values can be shown; ticks at powers of ten.
        case log
        /// Named slots for bar charts and heatmaps; positions come from category labels.
        case category
    }

    /// The text along the axis (may be empty).
    package var label: String
    /// Linear, log or category.
    package var scale: Scale
    /// A fixed range of values, used as given (no rounding to nice ticks); nil to fit the data.
    package var domain: ClosedRange<Double>?
    /// The order of category labels on a category axis; empty to take them from the
    /// series in the order they first appear. Labels not listed are appended.
    package var categories: [String]

    /// An axis labelled `label` with `scale`, fitted to the data unless `domain` is given.
    package init(_ label: String = "", scale: Scale = .linear, domain: ClosedRange<Double>? = nil, categories: [String] = []) {
        self.label = label
        self.scale = scale
        self.domain = domain
        self.categories = categories
    }
}
