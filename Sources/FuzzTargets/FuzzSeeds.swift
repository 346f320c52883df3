import Foundation

/// The seed files of every format, gathered from the repository: the project's own
/// pipeline.yaml, params.yaml and data, the test fixtures, the seeds kept for the
/// fuzzer (a trained model, a recorded run, a registry, a lock file) and the
/// regression corpus of inputs that once crashed or hung.
package enum FuzzSeeds {
    /// Where the fuzzer's own seeds live, relative to the package root.
    package static let seedDirectory = "Tests/FuzzTargetsTests/Fixtures/FuzzSeeds"
    /// Where inputs that once crashed or hung are kept, relative to the package root.
    package static let corpusDirectory = "Tests/FuzzTargetsTests/Fixtures/FuzzCorpus"
    /// Data files are cut to this many lines: mutations of a small table reach the
    /// same code as those of a large one, many times faster.
    static let csvLines = 24

    /// The seeds of `format` under the package root `root`.
    package static func collect(_ format: FuzzFormat, root: String) -> [[UInt8]] {
        var seeds = files(in: root + "/" + seedDirectory + "/" + format.rawValue)
        let fixtures = root + "/Tests/EndToEndTests/Fixtures"
        let projects = [root] + subdirectories(of: fixtures).map { fixtures + "/" + $0 }
        switch format {
        case .pipeline:
            for project in projects {
                guard let pipeline = read(project + "/pipeline.yaml") ?? read(project + "/dvc.yaml") else { continue }
                var members = [(name: "pipeline.yaml", bytes: pipeline)]
                if let params = read(project + "/params.yaml") { members.append(("params.yaml", params)) }
                seeds.append(FuzzBundle(format: .pipeline, members: members).bytes)
            }
        case .params:
            seeds += projects.compactMap { read($0 + "/params.yaml") }
            let suite = root + "/Tests/YAMLTests/Fixtures/yaml-test-suite"
            seeds += subdirectories(of: suite).compactMap { read(suite + "/" + $0 + "/in.yaml") }
        case .csv:
            let tables = [root + "/data/source/HousingData.csv"] + walk(fixtures).filter { $0.hasSuffix(".csv") }
            seeds += tables.compactMap(read).map { firstLines($0, csvLines) }
        case .lock, .model, .run, .registry, .profile:
            break
        }
        // Saved inputs seed new ones too, but not the large ones: those are mostly long
        // runs of one token, which the mutations make anyway, and they would slow every
        // input made from them.
        return seeds + corpus(format, root: root).map(\.bytes).filter { $0.count <= largestCorpusSeed }
    }

    /// Saved inputs larger than this are not used as seeds.
    static let largestCorpusSeed = 8192

    /// The regression corpus of `format`: every saved input with its file name.
    package static func corpus(_ format: FuzzFormat, root: String) -> [(name: String, bytes: [UInt8])] {
        corpus(format, directory: root + "/" + corpusDirectory)
    }

    /// The inputs saved under `directory/<format>/`, by file name, but those `pending.txt` lists.
    package static func corpus(_ format: FuzzFormat, directory: String) -> [(name: String, bytes: [UInt8])] {
        let folder = directory + "/" + format.rawValue
        let skipped = Set(pending(directory: directory).keys)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") && !skipped.contains(format.rawValue + "/" + $0) }
            .compactMap { name in read(folder + "/" + name).map { (name, $0) } }
    }

    /// The saved inputs whose failure is being fixed elsewhere, `format/name` → why:
    /// the lines `format/name  # reason` of `directory/pending.txt`. They are neither
    /// replayed by the regression test nor used as seeds until the fix lands and
    /// their line is deleted.
    package static func pending(directory: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: directory + "/pending.txt", encoding: .utf8) else { return [:] }
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "#", maxSplits: 1)
            let name = parts.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !name.isEmpty, !line.hasPrefix("#") else { continue }
            entries[name] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        return entries
    }

    static func files(in directory: String) -> [[UInt8]] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") }.compactMap { read(directory + "/" + $0) }
    }

    static func subdirectories(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Every file under `directory`, in a stable order.
    static func walk(_ directory: String) -> [String] {
        ((FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []).sorted().map { directory + "/" + $0 }
    }

    static func read(_ path: String) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static func firstLines(_ bytes: [UInt8], _ count: Int) -> [UInt8] {
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            seen += 1
            if seen == count { return Array(bytes[...index]) }
        }
        return bytes
    }
}
