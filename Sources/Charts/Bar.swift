/// One bar of a bar series: a category label and its value.
package struct Bar: Sendable, Equatable {
    /// The category the bar stands over (or beside, for horizontal bars).
    package var label: String
    /// The bar's length in data units, measured from zero.
    package var value: Double

    /// A bar for `label` of length `value`.
    package init(_ label: String, _ value: Double) {
        self.label = label
        self.value = value
    }
}
