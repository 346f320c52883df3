/// What an export wrote.
public struct MLflowExport: Sendable {
    /// The experiment folder's id (a number, as MLflow requires for migration).
    public var experimentID: String
    /// Each exported run: the sluice id and the 32-hex MLflow run id.
    public var runs: [(run: String, mlflowID: String)] = []
    /// Keys MLflow cannot store, per run, left out of the export.
    public var skippedKeys: [(run: String, key: String)] = []
}
