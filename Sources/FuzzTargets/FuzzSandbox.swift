import Foundation

/// A scratch directory in which each format's input is written where its reader
/// looks for it, one folder per format. Readers only read, so one sandbox serves
/// any number of inputs; each input replaces the files of the one before.
package struct FuzzSandbox: Sendable {
    /// The sandbox directory (absolute).
    package let root: String
    /// The folder name of the one run a run input becomes (a valid run id).
    package static let runID = "20260101-120000-f00d"
    /// The model name a registry input is registered under.
    package static let modelName = "housing"

    /// Creates a fresh sandbox in `base` (default: the system temporary folder). The
    /// fuzzer passes a memory file system when there is one (/dev/shm): run records
    /// and exports are written with fsync, which on a disk costs more than the rest.
    package init(prefix: String = "sluice-fuzz", in base: String = FileManager.default.temporaryDirectory.path) throws {
        root = "\(base)/\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        for format in FuzzFormat.allCases {
            try FileManager.default.createDirectory(atPath: directory(for: format), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(atPath: registryVersionDirectory, withIntermediateDirectories: true)
    }

    /// Removes the sandbox and everything in it.
    package func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The folder the files of `format` are written to.
    package func directory(for format: FuzzFormat) -> String {
        switch format {
        case .run: root + "/run/runs/" + Self.runID
        case .registry: root + "/registry/" + Self.modelName
        default: root + "/" + format.rawValue
        }
    }

    /// The `runs/` directory of run inputs.
    package var runsDirectory: String { root + "/run/runs" }
    /// Where run inputs are exported in MLflow's layout.
    package var mlflowDirectory: String { root + "/run/mlflow" }
    /// The registry root of registry inputs.
    package var registryRoot: String { root + "/registry" }
    /// The folder of the registered version whose metadata.json a registry input holds.
    package var registryVersionDirectory: String { directory(for: .registry) + "/v1" }

    /// The path member `name` of a `format` input is written to.
    package func path(of name: String, format: FuzzFormat) -> String {
        format == .registry && name == "metadata.json" ? registryVersionDirectory + "/" + name : directory(for: format) + "/" + name
    }

    /// Writes the members of `bundle` to their paths and removes the files of members
    /// it lacks, so that no file of an earlier input is left behind.
    package func place(_ bundle: FuzzBundle) {
        for name in bundle.format.memberNames {
            let path = path(of: name, format: bundle.format)
            if let bytes = bundle[name] { Self.write(bytes, to: path) } else { unlink(path) }
        }
    }

    /// Writes `bytes` to `path` (replacing it) with plain system calls: this runs once
    /// per input, millions of times.
    static func write(_ bytes: [UInt8], to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
