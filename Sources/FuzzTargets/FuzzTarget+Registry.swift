import MLTasks

extension FuzzTarget {
    /// A model registry, read as `ml registry list` and `ml export` read it: the
    /// index of versions and the production one, and a version's metadata.json.
    static func runRegistry(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        _ = ModelRegistry.names(in: sandbox.registryRoot)
        let registry = ModelRegistry(root: sandbox.registryRoot, name: FuzzSandbox.modelName, productionDirectory: "")
        let (versions, production) = try registry.read()
        _ = versions.map { $0.metrics.sorted { $0.key < $1.key } }
        _ = production.map(registry.directory(of:))
        if bundle["metadata.json"] != nil {
            let metadata = try ModelMetadata.read(sandbox.path(of: "metadata.json", format: .registry))
            _ = metadata.metrics
            _ = metadata.testDataHash
        }
        return .accepted
    }
}
