import Foundation

/// Reads a data source: a local file, or an http(s) URL fetched once.
public enum SourceFetcher {
    /// The bytes of `source` (a path relative to the working directory, or a URL).
    public static func read(_ source: String) throws -> Data {
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            guard let url = URL(string: source) else { throw TaskFailure("'\(source)' is not a valid URL") }
            return try fetch(url)
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw TaskFailure("source '\(source)' does not exist or cannot be read", hint: "check the --source path")
        }
        return data
    }

    /// Fetches with Foundation. Its networking library (and with it libcurl and
    /// OpenSSL) is loaded only here, at the first URL: linking it would cost every
    /// sluice command, a no-op `repro` among them, its start-up time.
    private static func fetch(_ url: URL) throws -> Data {
        #if os(Linux)
        guard dlopen("libFoundationNetworking.so", RTLD_NOW | RTLD_GLOBAL) != nil else {
            throw TaskFailure("cannot fetch \(url.absoluteString): Foundation's networking library is not available",
                              hint: "download the file and pass its path as --source")
        }
        #endif
        do {
            return try Data(contentsOf: url)
        } catch {
            throw TaskFailure("cannot fetch \(url.absoluteString): \(error.localizedDescription)",
                              hint: "check the address and the network, or download the file and pass its path")
        }
    }
}
