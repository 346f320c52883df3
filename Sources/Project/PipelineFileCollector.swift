import Basics
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the pipeline files of a project, as DVC collects every `dvc.yaml` of a
/// repository into one graph.
///
/// One kind is collected: `pipeline.yaml` files, or `dvc.yaml` files when the root
/// folder holds a `dvc.yaml` and no `pipeline.yaml`, or when no folder holds a
/// `pipeline.yaml`. The walk skips hidden folders (`.git`, `.sluice`, …), the root's
/// `runs/`, folders that are projects of their own (holding `.sluice` or `.git`),
/// symlinked folders (never followed), and what the root's `.sluiceignore` names.
package enum PipelineFileCollector {
    /// The name of the file listing folders (and files) the walk skips.
    package static let ignoreFileName = ".sluiceignore"

    /// The pipeline files below `root` (absolute), relative to it: the root's own file
    /// first, then the others by path.
    package static func collect(root: String) -> [String] {
        // Looked up before it is read: a failed read builds an error, which costs more
        // than the rest of the walk of a small project.
        let ignorePath = root + "/" + ignoreFileName
        let ignoreText = FileKind(path: ignorePath) == .regular ? (try? String(contentsOfFile: ignorePath, encoding: .utf8)) : nil
        let ignore = IgnorePatterns(text: ignoreText ?? "")
        var (pipelines, dvcFiles): ([String], [String]) = ([], [])
        var pending = ["."]
        while let folder = pending.popLast() {
            let absolute = folder == "." ? root : root + "/" + folder
            guard let entries = listing(absolute) else { continue }
            // A folder holding its own state or repository is another project.
            if folder != ".", entries.contains(where: { $0.name == ".sluice" || $0.name == ".git" }) { continue }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = folder == "." ? entry.name : folder + "/" + entry.name
                if ignore.matches(path) { continue }
                if entry.kind == .directory {
                    if folder == "." && entry.name == "runs" { continue }
                    pending.append(path)
                } else if entry.name == "pipeline.yaml" || entry.name == "dvc.yaml",
                          isRegularFile(absolute + "/" + entry.name, kind: entry.kind) {
                    if entry.name == "pipeline.yaml" { pipelines.append(path) } else { dvcFiles.append(path) }
                }
            }
        }
        let useDvc = !pipelines.contains("pipeline.yaml") && (dvcFiles.contains("dvc.yaml") || pipelines.isEmpty)
        let rootName = useDvc ? "dvc.yaml" : "pipeline.yaml"
        // Byte order, as `ls` sorts in the C locale: the same on every machine.
        let sorted = (useDvc ? dvcFiles : pipelines).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return sorted.filter { $0 == rootName } + sorted.filter { $0 != rootName }
    }

    private enum Kind { case directory, file, link, unknown }

    /// The entries of the folder at `path` with their kinds as the listing gives them
    /// (symlinks are not followed); `nil` when it cannot be read.
    private static func listing(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            // The kind comes with the listing on most file systems, so a folder of many
            // data files costs no stat call per file.
            let kind: Kind = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): .directory
            case Int32(DT_REG): .file
            case Int32(DT_LNK): .link
            default: .unknown
            }
            entries.append((name, kind == .unknown ? kindByStat(path + "/" + name) : kind))
        }
        return entries
    }

    /// The kind of the entry at `path` without following a symlink.
    private static func kindByStat(_ path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .unknown }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .unknown
        }
    }

    /// Whether the entry is a regular file, or a symlink to one.
    private static func isRegularFile(_ path: String, kind: Kind) -> Bool {
        kind == .file || (kind == .link && FileKind(path: path) == .regular)
    }
}
