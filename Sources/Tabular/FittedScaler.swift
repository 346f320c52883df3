/// Scaling learnt by `Scaler.fit`, as plain data a preprocessor file can store.
package struct FittedScaler: Sendable, Hashable {
    /// The kind it was fitted as (kept for reports; the parameters alone define it).
    package var kind: Scaler.Kind
    /// Center and scale per column.
    package var parameters: [String: ScalingParameters]

    /// Fitted parameters, for example read back from a preprocessor file.
    package init(kind: Scaler.Kind, parameters: [String: ScalingParameters]) {
        self.kind = kind
        self.parameters = parameters
    }

    /// Parameters from stored centers and scales; nil unless both name the same
    /// columns and every scale is a finite non-zero number.
    package init?(kind: Scaler.Kind, centers: [String: Double], scales: [String: Double]) {
        guard Set(centers.keys) == Set(scales.keys), scales.values.allSatisfy({ $0.isFinite && $0 != 0 }) else {
            return nil
        }
        self.init(kind: kind, parameters: centers.mapValues { ScalingParameters(center: $0, scale: 1) })
        for (name, scale) in scales { parameters[name]?.scale = scale }
    }

    /// The centers per column, for storing as plain numbers.
    package var centers: [String: Double] { parameters.mapValues(\.center) }
    /// The scales per column, for storing as plain numbers.
    package var scales: [String: Double] { parameters.mapValues(\.scale) }

    /// `table` with every fitted column scaled; throws when one is absent or holds text.
    package func transform(_ table: Table) throws -> Table {
        try table.mappingNumericColumns(parameters.keys.sorted()) { name, values in
            let parameters = parameters[name] ?? ScalingParameters(center: 0, scale: 1)
            return values.map(parameters.apply)
        }
    }

    /// `table` with every fitted column mapped back to its original units.
    package func inverseTransform(_ table: Table) throws -> Table {
        try table.mappingNumericColumns(parameters.keys.sorted()) { name, values in
            let parameters = parameters[name] ?? ScalingParameters(center: 0, scale: 1)
            return values.map(parameters.invert)
        }
    }
}
