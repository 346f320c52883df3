/// One point of a search: a value for each dimension, in the dimensions' order.
package struct SearchPoint: Sendable, Hashable {
    /// One dimension's value at this point.
    package struct Assignment: Sendable, Hashable {
        /// The dimension's name.
        package var name: String
        /// Its value here.
        package var value: SearchValue

        /// Creates an assignment.
        package init(name: String, value: SearchValue) {
            self.name = name
            self.value = value
        }
    }

    /// The values, in the order of the dimensions the point was made from.
    package var assignments: [Assignment]

    /// Creates a point.
    package init(_ assignments: [Assignment]) { self.assignments = assignments }

    /// The value of the dimension called `name`, when the point has one.
    package subscript(name: String) -> SearchValue? { assignments.first { $0.name == name }?.value }

    /// `max_depth=5 learning_rate=0.1`: the point as a label for progress lines and tables.
    package var label: String { assignments.map { "\($0.name)=\($0.value.yamlText)" }.joined(separator: " ") }
}
