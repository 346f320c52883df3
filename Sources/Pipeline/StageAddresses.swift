/// The stages of a pipeline by address, bare name, generated group and file, so a
/// target is found in time proportional to its matches, not to the pipeline.
struct StageAddresses: Sendable {
    /// Stage index by address (`sub/pipeline.yaml:train`, or `train` in the root's file).
    private(set) var byAddress: [String: Int] = [:]
    /// Stage indices by bare name, across files.
    private(set) var byName: [String: [Int]] = [:]
    /// Generated stages (`name@key`) by their declaration's name, across files.
    private(set) var byGroup: [String: [Int]] = [:]
    /// Stage indices by pipeline file (root-relative).
    private(set) var byFile: [String: [Int]] = [:]

    /// Indexes `stages`.
    init(_ stages: [StageSpec]) {
        for (index, stage) in stages.enumerated() {
            byAddress[stage.address] = index
            byName[stage.name, default: []].append(index)
            if let at = stage.name.firstIndex(of: "@") { byGroup[String(stage.name[..<at]), default: []].append(index) }
            byFile[stage.file, default: []].append(index)
        }
    }
}
