import Basics
import ContentStore
import Foundation

extension ObjectTransfer {
    /// Downloads the objects of `hashes` that the local cache lacks: directory manifests
    /// first, so that their files are known, then the files. `progress` hears how far
    /// it has come, from any thread.
    package func pull(_ hashes: [String], progress: @escaping @Sendable (TransferProgress) -> Void = { _ in }) throws(RemoteError) -> Summary {
        let inventory = try inventory()
        let manifests = Array(Set(hashes.filter { ContentHash.isDirectoryHash($0) })).filter { !hasLocally($0) }
        let tracker = ProgressTracker(TransferProgress(objectsTotal: manifests.count), report: progress)
        var summary = fetch(manifests, from: inventory, tracker: tracker)
        // A manifest that did not come is not asked for twice.
        let tried = Set(manifests)
        let files = expanded(hashes).filter { !tried.contains($0) && !hasLocally($0) }
        tracker.add(objects: files.count)
        let second = fetch(files, from: inventory, tracker: tracker)
        summary.transferred += second.transferred
        summary.failures += second.failures
        summary.skipped = expanded(hashes).count - summary.transferred - summary.failedObjects
        return summary
    }

    /// Whether the local cache holds the object for `hash`.
    package func hasLocally(_ hash: String) -> Bool {
        (try? cache.objectPath(hash)).map(FileManager.default.fileExists) ?? false
    }

    /// One object to bring: where it goes, and the temporary name it arrives under.
    private struct Arrival {
        var hash: String
        var target: String
        var temporary: String
    }

    /// Downloads `hashes` in parallel under temporary names beside their places, then
    /// keeps each one only if its content matches its name. A packed object comes by a
    /// ranged read of its pack, unless its pack is wanted for half its bytes or more:
    /// then the whole pack comes in one request and is cut up here.
    private func fetch(_ hashes: [String], from inventory: RemoteInventory, tracker: ProgressTracker) -> Summary {
        var failures: [RemoteError] = []
        var loose: [Arrival] = [], packed: [String: [(arrival: Arrival, range: Range<Int64>)]] = [:]
        // Each prefix folder is made once, not once per object: thousands of packed objects
        // would otherwise cost thousands of directory checks.
        var made: Set<String> = []
        for hash in hashes {
            let key = Self.key(hash)
            let place = inventory.packed[hash]
            guard place != nil || inventory.loose.contains(key) else {
                failures.append(RemoteError(remote: remote.displayName, key: key, "it is not in the remote",
                                            hint: "push it from the machine that has it ('sluice push')"))
                continue
            }
            guard let target = try? cache.objectPath(hash) else { continue }  // `expanded` keeps valid hashes only
            let folder = (target as NSString).deletingLastPathComponent
            do {
                if !made.contains(folder) { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                made.insert(folder)
            } catch {
                failures.append(RemoteError(remote: remote.displayName, key: key, "cannot create \(folder) in the local cache: \(error.localizedDescription)"))
                continue
            }
            let arrival = Arrival(hash: hash, target: target, temporary: folder + "/.tmp-" + UUID().uuidString)
            if let place { packed[place.pack, default: []].append((arrival, place.range)) } else { loose.append(arrival) }
        }
        var wholePacks: [(name: String, file: String, objects: [(arrival: Arrival, range: Range<Int64>)])] = []
        var ranged: [(pack: String, arrival: Arrival, range: Range<Int64>)] = []
        for (name, objects) in packed.sorted(by: { $0.key < $1.key }) {
            let wanted = objects.reduce(Int64(0)) { $0 + ($1.range.upperBound - $1.range.lowerBound) }
            if wanted * 2 >= inventory.packSizes[name] ?? 0 {
                wholePacks.append((name, cache.directory + "/.tmp-pack-" + UUID().uuidString, objects))
            } else {
                ranged += objects.map { (name, $0.arrival, $0.range) }
            }
        }
        // An empty object needs no request (and HTTP cannot ask for no bytes).
        let (empty, reads) = (ranged.filter { $0.range.isEmpty }, ranged.filter { !$0.range.isEmpty })
        // A file that cannot be made fails in `keep`, which cannot read it back.
        for object in empty { _ = FileManager.default.createFile(atPath: object.arrival.temporary, contents: Data()) }
        let items = loose.map { (key: Self.key($0.hash), file: $0.temporary) } + wholePacks.map { (key: PackIndex.packKey($0.name), file: $0.file) }
        let counts = loose.map { _ in 1 } + wholePacks.map(\.objects.count)
        let outcomes = remote.download(items, jobs: jobs, moved: tracker.moved(objects: counts))
        let rangeOutcomes = remote.download(ranges: reads.map { (key: PackIndex.packKey($0.pack), range: $0.range, file: $0.arrival.temporary) },
                                            jobs: jobs, moved: tracker.moved(objects: reads.map { _ in 1 }))
        tracker.moved(0, objects: empty.count)
        var kept = 0
        let settle = { (arrival: Arrival, outcome: RemoteError?) in
            defer { try? FileManager.default.removeItem(atPath: arrival.temporary) }
            if let problem = outcome ?? keep(arrival.temporary, as: arrival.hash, at: arrival.target) { failures.append(problem) } else { kept += 1 }
        }
        for (arrival, outcome) in zip(loose, outcomes) { settle(arrival, outcome) }
        for (object, outcome) in zip(reads + empty, rangeOutcomes + empty.map { _ in nil }) { settle(object.arrival, outcome) }
        for (pack, outcome) in zip(wholePacks, outcomes.dropFirst(loose.count)) {
            defer { try? FileManager.default.removeItem(atPath: pack.file) }
            guard outcome == nil, let bytes = FileManager.default.contents(atPath: pack.file) else {
                // One error for the pack, counting every object it held.
                let problem = outcome ?? RemoteError(remote: remote.displayName, key: PackIndex.packKey(pack.name), "the downloaded pack could not be read back")
                failures.append(problem.counting(pack.objects.count))
                continue
            }
            for object in pack.objects {
                if let problem = place(bytes, object.range, as: object.arrival) { failures.append(problem) } else { kept += 1 }
            }
        }
        return Summary(transferred: kept, skipped: 0, failures: failures)
    }

    /// Writes bytes `range` of a downloaded pack to the object's temporary name and keeps
    /// it when its SHA-256 is the object's: the check of `keep`, without reading it back.
    private func place(_ pack: Data, _ range: Range<Int64>, as arrival: Arrival) -> RemoteError? {
        let key = Self.key(arrival.hash)
        guard range.upperBound <= Int64(pack.count) else {
            return RemoteError(remote: remote.displayName, key: key, "its pack ends before its bytes do",
                               hint: "the remote copy is damaged: push it again from a machine whose cache has it")
        }
        let slice = pack[pack.startIndex + Int(range.lowerBound) ..< pack.startIndex + Int(range.upperBound)]
        let actual = slice.withUnsafeBytes { SHA256.hash($0).hex }
        guard actual == Self.contentHash(arrival.hash) else { return mismatch(key, actual: actual) }
        defer { try? FileManager.default.removeItem(atPath: arrival.temporary) }
        let written = slice.withUnsafeBytes { bytes in
            let descriptor = open(arrival.temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            return bytes.isEmpty || LocalFile.writeAll(descriptor, bytes.baseAddress!, bytes.count)
        }
        guard written, rename(arrival.temporary, arrival.target) == 0 else {
            return RemoteError(remote: remote.displayName, key: key, "cannot write it into the local cache: \(String(cString: strerror(errno)))")
        }
        return nil
    }

    /// The error for a downloaded object whose SHA-256 is `actual`, not its name's.
    private func mismatch(_ key: String, actual: String) -> RemoteError {
        RemoteError(remote: remote.displayName, key: key, "its content does not match its name (its SHA-256 is \(actual)); it was not kept",
                    hint: "the remote copy is damaged: push it again from a machine whose cache has it")
    }

    /// The SHA-256 an object's bytes must have: its hash, without `.dir` for a manifest.
    static func contentHash(_ hash: String) -> String {
        ContentHash.isDirectoryHash(hash) ? String(hash.dropLast(ContentHash.directorySuffix.count)) : hash
    }

    /// Moves the downloaded `file` to `target` when its SHA-256 is `hash`'s; else says why.
    private func keep(_ file: String, as hash: String, at target: String) -> RemoteError? {
        let key = Self.key(hash)
        let expected = Self.contentHash(hash)
        guard let actual = try? FileHasher.hash(path: file).hash else {
            return RemoteError(remote: remote.displayName, key: key, "the downloaded copy could not be read back")
        }
        guard actual == expected else { return mismatch(key, actual: actual) }
        guard rename(file, target) == 0 else {
            return RemoteError(remote: remote.displayName, key: key, "cannot move it into the local cache: \(String(cString: strerror(errno)))")
        }
        return nil
    }
}
