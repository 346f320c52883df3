import ContentStore
import Foundation
import Pipeline
import PipelineState
import RunStore

extension Workspace {
    /// A way to find the version of an output file that `run` produced: the lock
    /// state the run copied into its folder names the file's hash (for a file inside a
    /// directory output, the directory's manifest does), and the content cache holds
    /// the bytes. Returns, for a root-relative path, the cache object's absolute path,
    /// or nil when the run recorded no such output or the cache no longer has it
    /// (an output declared with `cache: false`, or collected by `gc`).
    package func runOutputLocator(run: StoredRun, pipeline: Pipeline) throws -> @Sendable (String) -> String? {
        let copy = run.directory + "/" + RunRecorder.lockCopyName
        let lock = (try? LockFile.read(path: copy, displayName: copy)) ?? LockFile(stages: [:])
        let cache = try cacheStore()
        // Every output the pipeline declares, by root-relative path: its stage and declared path.
        var declared: [String: (stage: String, path: String)] = [:]
        for stage in pipeline.stages {
            for output in stage.outputs { declared[output.path] = (stage.address, output.declaredPath) }
        }
        let outputs = declared
        return { path in
            var candidate = path
            while true {
                if let (stage, declaredPath) = outputs[candidate],
                   let fingerprint = lock.stages[stage]?.output(declaredPath)?.fingerprint {
                    return Self.object(of: fingerprint, inside: candidate == path ? nil : String(path.dropFirst(candidate.count + 1)), cache: cache)
                }
                guard let slash = candidate.lastIndex(of: "/") else { return nil }
                candidate = String(candidate[..<slash])
            }
        }
    }

    /// The cache object holding a file output, or the file at `relative` inside a directory output.
    private static func object(of fingerprint: Fingerprint, inside relative: String?, cache: CacheStore) -> String? {
        var hash: String?
        switch (fingerprint, relative) {
        case (.file(let fileHash, _), nil): hash = fileHash
        case (.directory(let directoryHash, _, _), let relative?):
            hash = (try? cache.manifest(directoryHash))?.first { $0.relativePath == relative }?.hash
        default: hash = nil
        }
        guard let hash, let object = try? cache.objectPath(hash), FileManager.default.fileExists(atPath: object) else { return nil }
        return object
    }
}
