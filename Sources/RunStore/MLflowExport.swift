/// What an export wrote.
package struct MLflowExport: Sendable {
    /// The experiment folder's id (a number, as MLflow requires for migration).
    package var experimentID: String
    /// Each exported run: the sluice id and the 32-hex MLflow run id.
    package var runs: [(run: String, mlflowID: String)] = []
    /// Keys MLflow cannot store, per run, left out of the export.
    package var skippedKeys: [(run: String, key: String)] = []
}
