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
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                failures.append(RemoteError(remote: remote.displayName, key: key, "cannot create \(folder) in the local cache: \(error.localizedDescription)"))
                continue
            }
            let arrival = Arrival(hash: hash, target: target, temporary: folder + "/.tmp-" + UUID().uuidString)
            if let place { packed[place.pack, default: []].append((arrival, place.range)) } else { loose.append(arrival) }
        }
        var wholePacks: [(name: String, file: String, objects: [(arrival: Arrival, range: Range<Int64>)])] = []
        var ranged: [(arrival: Arrival, range: Range<Int64>)] = []
        for (name, objects) in packed.sorted(by: { $0.key < $1.key }) {
            let wanted = objects.reduce(Int64(0)) { $0 + ($1.range.upperBound - $1.range.lowerBound) }
            if wanted * 2 >= inventory.packSizes[name] ?? 0 {
                wholePacks.append((name, cache.directory + "/.tmp-pack-" + UUID().uuidString, objects))
            } else {
                ranged += objects
            }
        }
        // An empty object needs no request (and HTTP cannot ask for no bytes).
        let (empty, reads) = (ranged.filter { $0.range.isEmpty }, ranged.filter { !$0.range.isEmpty })
        // A file that cannot be made fails in `keep`, which cannot read it back.
        for object in empty { _ = FileManager.default.createFile(atPath: object.arrival.temporary, contents: Data()) }
        let items = loose.map { (key: Self.key($0.hash), file: $0.temporary) } + wholePacks.map { (key: PackIndex.packKey($0.name), file: $0.file) }
        let counts = loose.map { _ in 1 } + wholePacks.map(\.objects.count)
        let outcomes = remote.download(items, jobs: jobs, moved: tracker.moved(objects: counts))
        let rangeOutcomes = remote.download(ranges: reads.map { (key: PackIndex.packKey(inventory.packed[$0.arrival.hash]?.pack ?? ""), range: $0.range, file: $0.arrival.temporary) },
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
            for object in pack.objects {
                let cut = outcome == nil ? LocalFile.copy(pack.file, range: object.range, to: object.arrival.temporary) : nil
                settle(object.arrival, outcome ?? cut.map {
                    RemoteError(remote: remote.displayName, key: Self.key(object.arrival.hash), "cannot cut it out of pack \(pack.name): \($0)")
                })
            }
        }
        return Summary(transferred: kept, skipped: 0, failures: failures)
    }

    /// Moves the downloaded `file` to `target` when its SHA-256 is `hash`'s; else says why.
    private func keep(_ file: String, as hash: String, at target: String) -> RemoteError? {
        let key = Self.key(hash)
        let expected = ContentHash.isDirectoryHash(hash) ? String(hash.dropLast(ContentHash.directorySuffix.count)) : hash
        guard let actual = try? FileHasher.hash(path: file).hash else {
            return RemoteError(remote: remote.displayName, key: key, "the downloaded copy could not be read back")
        }
        guard actual == expected else {
            return RemoteError(remote: remote.displayName, key: key, "its content does not match its name (its SHA-256 is \(actual)); it was not kept",
                               hint: "the remote copy is damaged: push it again from a machine whose cache has it")
        }
        guard rename(file, target) == 0 else {
            return RemoteError(remote: remote.displayName, key: key, "cannot move it into the local cache: \(String(cString: strerror(errno)))")
        }
        return nil
    }
}
