/// One key/value entry of a mapping.
package struct YAMLPair: Sendable, Hashable {
    /// The key (usually a string scalar).
    package var key: YAMLNode
    /// The value.
    package var value: YAMLNode

    /// Creates a pair.
    package init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
