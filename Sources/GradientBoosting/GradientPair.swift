/// The first and second derivative of the loss for one row, in float32 as XGBoost keeps them.
struct GradientPair: Sendable, Equatable {
    /// The gradient.
    var g: Float
    /// The hessian.
    var h: Float
}

/// Sums of gradients and hessians over a set of rows, in double precision.
package struct GradientSum: Sendable, Equatable {
    /// The sum of gradients.
    package var g: Double
    /// The sum of hessians.
    package var h: Double

    /// Creates a sum.
    package init(g: Double = 0, h: Double = 0) {
        self.g = g
        self.h = h
    }

    /// The elementwise sum.
    static func + (a: GradientSum, b: GradientSum) -> GradientSum { GradientSum(g: a.g + b.g, h: a.h + b.h) }
    /// The elementwise difference.
    static func - (a: GradientSum, b: GradientSum) -> GradientSum { GradientSum(g: a.g - b.g, h: a.h - b.h) }
}
