import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

    private static func fetch(_ url: URL) throws -> Data {
        final class Box: @unchecked Sendable { var result: Result<Data, any Error>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        var request = URLRequest(url: url)
        request.timeoutInterval = 30
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(error)
            } else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                box.result = .failure(TaskFailure("fetching \(url.absoluteString) answered HTTP \(http.statusCode)"))
            } else {
                box.result = .success(data ?? Data())
            }
            done.signal()
        }.resume()
        done.wait()
        switch box.result {
        case .success(let data)?: return data
        case .failure(let error as TaskFailure)?: throw error
        case .failure(let error)?:
            throw TaskFailure("cannot fetch \(url.absoluteString): \(error.localizedDescription)",
                              hint: "check the address and the network, or download the file and pass its path")
        case nil: throw TaskFailure("cannot fetch \(url.absoluteString)")
        }
    }
}
