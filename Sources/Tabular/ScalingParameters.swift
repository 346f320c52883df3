/// One column's learnt scaling: `x' = (x - center) / scale`.
public struct ScalingParameters: Sendable, Hashable {
    /// Subtracted first.
    public var center: Double
    /// Divided by second; never 0 for a fitted scaler.
    public var scale: Double

    /// Parameters with the given center and scale.
    public init(center: Double, scale: Double) {
        self.center = center
        self.scale = scale
    }

    /// `(value - center) / scale`; NaN stays NaN.
    public func apply(_ value: Double) -> Double { (value - center) / scale }

    /// `value * scale + center`, undoing `apply`.
    public func invert(_ value: Double) -> Double { value * scale + center }
}
