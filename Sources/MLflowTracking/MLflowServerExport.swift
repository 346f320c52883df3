/// What an export to a tracking server did.
package struct MLflowServerExport: Sendable {
    /// The experiment's id on the server.
    package var experimentID: String
    /// Each exported run: the sluice id, the MLflow run id, and whether it was created now.
    package var runs: [(run: String, mlflowID: String, created: Bool)] = []
    /// Keys MLflow cannot store, per run, left out.
    package var skippedKeys: [(run: String, key: String)] = []
    /// Params the server already held with another value (MLflow never changes a param).
    package var keptParams: [(run: String, key: String, server: String, local: String)] = []
    /// Runs whose artifacts were not sent: the server does not proxy their artifact location.
    package var unproxiedArtifacts: [(run: String, artifactURI: String)] = []
    /// Artifact files sent.
    package var artifactCount = 0

    /// An empty result for `experimentID`.
    package init(experimentID: String) {
        self.experimentID = experimentID
    }
}
