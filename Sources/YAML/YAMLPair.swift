/// One key/value entry of a mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key (usually a string scalar).
    public var key: YAMLNode
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
