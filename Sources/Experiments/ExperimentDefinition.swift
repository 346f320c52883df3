import Basics

/// One experiment to run: its name, the values it gives params keys, and the text each
/// params file it changes will hold.
package struct ExperimentDefinition: Sendable, Hashable {
    /// The experiment's name, unique among the project's experiments.
    package var name: String
    /// The values given, in the order of the `-S` arguments.
    package var assignments: [ParamAssignment]
    /// The new text of each params file an assignment changes, by root-relative path.
    package var files: [String: String]

    /// Creates a definition.
    package init(name: String, assignments: [ParamAssignment], files: [String: String]) {
        self.name = name
        self.assignments = assignments
        self.files = files
    }

    /// The assignments as `key=value` words, for progress lines.
    package var summary: String {
        assignments.map { "\($0.displayKey)=\($0.yamlText)" }.joined(separator: " ")
    }

    /// The assignments as a JSON object keyed by display key.
    package var overridesJSON: JSONValue {
        .object(assignments.map { ($0.displayKey, $0.value) })
    }
}
