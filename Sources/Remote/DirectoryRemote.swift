import Basics
import Foundation

/// A remote in a local or mounted directory (`/mnt/shared/cache`, `file:///…`), laid
/// out as the local cache is. Uploads are copied under a temporary name in the target
/// folder and renamed, so a reader never sees half an object.
package struct DirectoryRemote: RemoteStorage {
    /// The directory (absolute).
    package let directory: String
    /// The remote's name in messages.
    package let displayName: String

    /// A remote at `directory`, called `displayName` in messages.
    package init(directory: String, displayName: String) {
        self.directory = directory
        self.displayName = displayName
    }

    package func keys(under prefix: String) throws(RemoteError) -> Set<String> {
        let root = directory + "/" + prefix
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RemoteError(remote: displayName, "the directory \(directory) does not exist",
                              hint: "create it, mount it, or fix the remote's URL with 'sluice remote modify'")
        }
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var keys: Set<String> = []
        while let relative = walker.nextObject() as? String {
            // Temporary names of uploads in progress are not objects.
            if let name = relative.split(separator: "/").last, name.hasPrefix(".tmp-") { continue }
            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { keys.insert(prefix + relative) }
        }
        return keys
    }

    package func upload(_ items: [(file: String, key: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
        Parallel.map(items.count, threads: jobs) { index in
            do throws(RemoteError) {
                try upload(file: items[index].file, to: items[index].key)
                moved(LocalFile.size(items[index].file) ?? 0, index)
                return nil
            } catch {
                return error
            }
        }
    }

    package func download(_ items: [(key: String, file: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
        Parallel.map(items.count, threads: jobs) { index in
            do throws(RemoteError) {
                try download(items[index].key, to: items[index].file)
                moved(LocalFile.size(items[index].file) ?? 0, index)
                return nil
            } catch {
                return error
            }
        }
    }

    package func download(ranges items: [(key: String, range: Range<Int64>, file: String)], jobs: Int,
                          moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
        Parallel.map(items.count, threads: jobs) { index in
            let (key, range, file) = items[index]
            guard let problem = LocalFile.copy(directory + "/" + key, range: range, to: file) else {
                moved(range.upperBound - range.lowerBound, index)
                return nil
            }
            return FileManager.default.fileExists(atPath: directory + "/" + key)
                ? RemoteError(remote: displayName, key: key, "could not read bytes \(range.lowerBound)..<\(range.upperBound) of it: \(problem)")
                : RemoteError(remote: displayName, key: key, "it is not in the remote", hint: "push it from the machine that has it ('sluice push')")
        }
    }

    /// Copies `path` beside its place under a temporary name and renames it into place.
    func upload(file path: String, to key: String) throws(RemoteError) {
        let target = directory + "/" + key
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = folder + "/.tmp-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: path, toPath: temporary)
            guard rename(temporary, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw RemoteError(remote: displayName, key: key, "could not store it: \(error.localizedDescription)")
        }
    }

    /// Copies the object to `path`.
    func download(_ key: String, to path: String) throws(RemoteError) {
        let source = directory + "/" + key
        guard FileManager.default.fileExists(atPath: source) else {
            throw RemoteError(remote: displayName, key: key, "it is not in the remote", hint: "push it from the machine that has it ('sluice push')")
        }
        do {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(atPath: source, toPath: path)
        } catch {
            throw RemoteError(remote: displayName, key: key, "could not read it: \(error.localizedDescription)")
        }
    }
}

