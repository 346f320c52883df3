/// One column's learnt scaling: `x' = (x - center) / scale`.
package struct ScalingParameters: Sendable, Hashable {
    /// Subtracted first.
    package var center: Double
    /// Divided by second; never 0 for a fitted scaler.
    package var scale: Double

    /// Parameters with the given center and scale.
    package init(center: Double, scale: Double) {
        self.center = center
        self.scale = scale
    }

    /// `(value - center) / scale`; NaN stays NaN. Where the difference of finite
    /// numbers overflows, `value / scale - center / scale`, which need not.
    @inline(__always)
    package func apply(_ value: Double) -> Double {
        let difference = value - center
        if difference.isInfinite && value.isFinite && center.isFinite { return value / scale - center / scale }
        return difference / scale
    }

    /// `value * scale + center`, undoing `apply`; where the product of finite numbers
    /// overflows, the fused multiply-add, which rounds only the sum.
    @inline(__always)
    package func invert(_ value: Double) -> Double {
        let result = value * scale + center
        if result.isInfinite && value.isFinite && center.isFinite { return center.addingProduct(value, scale) }
        return result
    }
}
