/// Scaling learnt by `Scaler.fit`, as plain data a preprocessor file can store.
public struct FittedScaler: Sendable, Hashable {
    /// The kind it was fitted as (kept for reports; the parameters alone define it).
    public var kind: Scaler.Kind
    /// Center and scale per column.
    public var parameters: [String: ScalingParameters]

    /// Fitted parameters, for example read back from a preprocessor file.
    public init(kind: Scaler.Kind, parameters: [String: ScalingParameters]) {
        self.kind = kind
        self.parameters = parameters
    }

    /// Parameters from stored centers and scales; nil unless both name the same
    /// columns and every scale is a finite non-zero number.
    public init?(kind: Scaler.Kind, centers: [String: Double], scales: [String: Double]) {
        guard Set(centers.keys) == Set(scales.keys), scales.values.allSatisfy({ $0.isFinite && $0 != 0 }) else {
            return nil
        }
        self.init(kind: kind, parameters: centers.mapValues { ScalingParameters(center: $0, scale: 1) })
        for (name, scale) in scales { parameters[name]?.scale = scale }
    }

    /// The centers per column, for storing as plain numbers.
    public var centers: [String: Double] { parameters.mapValues(\.center) }
    /// The scales per column, for storing as plain numbers.
    public var scales: [String: Double] { parameters.mapValues(\.scale) }

    /// `table` with every fitted column scaled; throws when one is absent or holds text.
    public func transform(_ table: Table) throws -> Table {
        try table.mappingNumericColumns(parameters.keys.sorted()) { name, values in
            let parameters = parameters[name] ?? ScalingParameters(center: 0, scale: 1)
            return values.map(parameters.apply)
        }
    }

    /// `table` with every fitted column mapped back to its original units.
    public func inverseTransform(_ table: Table) throws -> Table {
        try table.mappingNumericColumns(parameters.keys.sorted()) { name, values in
            let parameters = parameters[name] ?? ScalingParameters(center: 0, scale: 1)
            return values.map(parameters.invert)
        }
    }
}
