import Basics
import ContentStore
import Foundation
import Pipeline
import PipelineEngine
import PipelineState
import Project
import RunStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the temporary copy of a workspace that one experiment runs in, under the
/// project's `.sluice/tmp/exps/`, on the cache's file system so links work.
///
/// What goes in: the project tree as it is now, except hidden folders (`.git`,
/// `.sluice` but its `config.yaml`, `.dvc` but its `config`), the root's `runs/`, and
/// the cached outputs the lock files record, which are checked out from the cache
/// instead (hard links to read-only objects: nothing is copied). Small files are
/// copied: a copy costs about what a link does, and a stage may write it freely.
/// Large files are hard-linked through the cache: the file is stored once as a
/// read-only object and the copy links to that object, never to the user's file, so
/// a stage that wrote into it in place could not change the workspace.
package struct ExperimentCopy: Sendable {
    /// Files up to this size are copied; larger ones are linked through the cache.
    package static let copyLimit: Int64 = 1 << 20

    /// The project the copies are made of.
    let origin: Workspace
    /// Its pipeline and lock files, read once for the sweep.
    let pipeline: Pipeline
    let locks: LockSet
    /// The origin's fingerprinter (its stat cache), for large files linked through the cache.
    let fingerprinter: Fingerprinter
    /// The shared cache in copy mode (storing never touches the user's file) and as experiments place outputs.
    let storing: CacheStore
    let placing: CacheStore

    /// Prepares copies of `origin`.
    package init(origin: Workspace, pipeline: Pipeline, locks: LockSet) throws {
        self.origin = origin
        self.pipeline = pipeline
        self.locks = locks
        fingerprinter = origin.fingerprinter()
        let cache = try origin.cacheStore()
        storing = CacheStore(directory: cache.directory, linkMode: .copy)
        // A persistent cached output is written in place by its stage: linked, it would
        // be the cache object itself that changed.
        let writesInPlace = pipeline.stages.contains { $0.outputs.contains { $0.persist && $0.cache } }
        placing = CacheStore(directory: cache.directory, linkMode: writesInPlace ? cache.linkMode : .hardlink)
    }

    /// Where the copies live.
    package static func directory(of origin: Workspace) -> String { origin.stateDirectory + "/tmp/exps" }

    /// Copies the workspace into `directory` (replacing what is there) and returns it as
    /// a workspace whose cache, run-cache and run store are the origin's.
    package func make(at directory: String) throws -> Workspace {
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory + "/.sluice", withIntermediateDirectories: true)
        try AtomicFile.replace(JSONWriter.canonical.string(ProcessIdentity.current().json), at: directory + "/" + Self.ownerFile)
        let checkedOut = cachedOutputs()
        try copyTree(from: ".", to: directory, skipping: checkedOut)
        for config in [".sluice/config.yaml", ".dvc/config"] where FileKind(path: origin.root + "/" + config) == .regular {
            try FileManager.default.createDirectory(atPath: directory + "/" + (config as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try copyFile(origin.root + "/" + config, to: directory + "/" + config)
        }
        var workspace = Workspace(root: directory, pipelineFiles: origin.pipelineFiles,
                                  pipelinePath: directory + "/" + origin.pipelineName)
        workspace.origin = origin.origin ?? origin.root
        workspace.cacheLinkMode = placing.linkMode
        let copied = try workspace.loadPipeline()
        _ = try Checkout(pipeline: copied, locks: locks, fingerprinter: workspace.fingerprinter(), cache: placing).run(targets: [])
        return workspace
    }

    /// The file in a copy naming the process that uses it.
    static let ownerFile = ".sluice/owner.json"

    /// Whether the copy at `directory` belongs to a process that is still running.
    static func isInUse(_ directory: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: directory + "/" + ownerFile),
              let json = try? JSONReader.parse(String(decoding: data, as: UTF8.self), file: ownerFile),
              case .int(let pid)? = json["pid"], case .string(let host)? = json["host"] else { return false }
        let bootID: String? = if case .string(let text)? = json["boot_id"] { text } else { nil }
        let ticks: UInt64? = if case .int(let value)? = json["start_ticks"] { UInt64(max(0, value)) } else { nil }
        return ProcessIdentity(pid: Int32(clamping: pid), host: host, bootID: bootID, startTicks: ticks).isGone() == false
    }

    /// The origin's large files are fingerprinted with its stat cache; this keeps what was learned.
    package func finish() {
        try? fingerprinter.save()
    }

    /// The root-relative paths of the outputs the lock files record and the cache holds.
    private func cachedOutputs() -> Set<String> {
        var paths: Set<String> = []
        for stage in pipeline.stages {
            guard let entry = locks.entry(lock: LockSet.lockPath(forPipelineFile: stage.file), stage: stage.name) else { continue }
            let recorded = entry.outputLookup
            for output in stage.outputs where output.cache && !output.isExternal {
                if let fingerprint = recorded[output.declaredPath]?.fingerprint, storing.contains(fingerprint) { paths.insert(output.path) }
            }
        }
        return paths
    }

    /// Copies the folder `relative` (root-relative, `.` for the root) into `target`.
    private func copyTree(from relative: String, to target: String, skipping checkedOut: Set<String>) throws {
        let source = relative == "." ? origin.root : origin.root + "/" + relative
        guard let handle = opendir(source) else { throw FileSystemError(operation: "read", path: source, code: errno) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(handle)
        for name in names {
            let path = relative == "." ? name : relative + "/" + name
            if checkedOut.contains(path) { continue }
            let from = source + "/" + name, to = target + "/" + name
            var status = stat()
            guard lstat(from, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if name.hasPrefix(".") || (relative == "." && name == "runs") { continue }
                guard mkdir(to, 0o755) == 0 || errno == EEXIST else { throw FileSystemError(operation: "write", path: to, code: errno) }
                try copyTree(from: path, to: to, skipping: checkedOut)
            case S_IFLNK:
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlink(from, &buffer, buffer.count - 1)
                guard count >= 0 else { continue }
                buffer[count] = 0
                guard symlink(buffer, to) == 0 else { throw FileSystemError(operation: "link", path: to, code: errno) }
            case S_IFREG:
                if Int64(status.st_size) <= Self.copyLimit || isConfiguration(path) {
                    try copyFile(from, to: to)
                } else {
                    try linkThroughCache(path, into: target + "/" + name, root: (to as NSString).deletingLastPathComponent)
                }
            default:
                continue  // sockets and pipes are not part of a workspace
            }
        }
    }

    /// Whether `path` is a pipeline, lock or params file: always a copy of its own, since experiments rewrite them.
    private func isConfiguration(_ path: String) -> Bool {
        origin.pipelineFiles.contains(path) || origin.lockFiles.contains(path) || pipeline.paramsFiles[path] != nil
    }

    /// Stores the origin's file `relative` in the cache (once) and links the copy to the object.
    private func linkThroughCache(_ relative: String, into destination: String, root: String) throws {
        let fingerprint = try fingerprinter.fingerprint(relative)
        if !storing.contains(fingerprint) { try storing.save(origin.root + "/" + relative, fingerprint: fingerprint) }
        let linking = CacheStore(directory: storing.directory, linkMode: .hardlink)
        try linking.restore(fingerprint, at: (destination as NSString).lastPathComponent, root: root)
    }

    private func copyFile(_ source: String, to destination: String) throws {
        do {
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        } catch {
            throw FileSystemError(operation: "write", path: destination, code: EIO, detail: SystemErrorText.reason(error))
        }
    }
}
