import Basics
import Foundation

extension S3Remote {
    /// Every key under `under` (relative to the remote's prefix), by ListObjectsV2, one
    /// page of up to 1,000 keys per request.
    package func keys(under: String) throws(RemoteError) -> Set<String> {
        var keys: Set<String> = [], token: String?
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-s3-list-\(UUID().uuidString).xml").path
        defer { try? FileManager.default.removeItem(atPath: page) }
        repeat {
            var query = [(name: "list-type", value: "2"), (name: "prefix", value: prefix + under)]
            if let token { query.append((name: "continuation-token", value: token)) }
            let exchange = request("GET", path: "/\(bucket)", query: query, payloadHash: SignableRequest.emptyPayloadHash, outputFile: page)
            let response = try single(exchange, key: nil)
            let body = (try? String(contentsOfFile: page, encoding: .utf8)) ?? ""
            guard response.status == 200 else { throw failure(response, key: nil, body: body) }
            for key in S3ErrorBody.values(of: "Key", in: body) where key.hasPrefix(prefix) { keys.insert(String(key.dropFirst(prefix.count))) }
            token = S3ErrorBody.values(of: "IsTruncated", in: body).first == "true" ? S3ErrorBody.values(of: "NextContinuationToken", in: body).first : nil
        } while token != nil
        return keys
    }

    package func upload(_ items: [(file: String, key: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
        var outcomes = [RemoteError?](repeating: nil, count: items.count)
        var exchanges: [Curl.Request] = [], indices: [Int] = [], sizes: [Int64] = [], large: [(index: Int, size: Int64)] = []
        for (index, item) in items.enumerated() {
            let size = LocalFile.size(item.file) ?? 0
            if size > multipartThreshold {
                large.append((index, size))
                continue
            }
            // The payload is signed with its hash; a file that cannot be read is its own failure.
            guard let hash = try? FileHasher.hash(path: item.file).hash else {
                outcomes[index] = RemoteError(remote: displayName, key: item.key, "cannot read \(item.file) to send it")
                continue
            }
            exchanges.append(request("PUT", path: objectPath(item.key), payloadHash: hash, uploadFile: item.file))
            indices.append(index)
            sizes.append(size)
        }
        let small = run(exchanges, keys: indices.map { items[$0].key }) { position in moved(sizes[position], indices[position]) }
        for (position, outcome) in small.enumerated() { outcomes[indices[position]] = outcome }
        // Large objects one after another, each with its parts in parallel.
        for (index, size) in large {
            // The part workers are joined before `uploadInParts` returns.
            outcomes[index] = withoutActuallyEscaping(moved) { moved in
                uploadInParts(file: items[index].file, key: items[index].key, size: size) { bytes, finished in moved(bytes, finished ? index : nil) }
            }
        }
        return outcomes
    }

    package func download(_ items: [(key: String, file: String)], jobs: Int, moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
        let exchanges = items.map { request("GET", path: objectPath($0.key), payloadHash: SignableRequest.emptyPayloadHash, outputFile: $0.file) }
        return run(exchanges, keys: items.map(\.key), bodies: items.map(\.file)) { index in
            moved(LocalFile.size(items[index].file) ?? 0, index)
        }
    }

    package func download(ranges items: [(key: String, range: Range<Int64>, file: String)], jobs: Int,
                          moved: @Sendable (Int64, Int?) -> Void) -> [RemoteError?] {
        let exchanges = items.map { item in
            var exchange = request("GET", path: objectPath(item.key), payloadHash: SignableRequest.emptyPayloadHash, outputFile: item.file)
            exchange.range = "\(item.range.lowerBound)-\(item.range.upperBound - 1)"
            return exchange
        }
        return run(exchanges, keys: items.map(\.key), bodies: items.map(\.file)) { index in
            moved(items[index].range.upperBound - items[index].range.lowerBound, index)
        }
    }

    /// Runs a batch; a non-2xx answer becomes an error naming the key (its body, when
    /// saved to a file, tells which S3 error it was).
    /// `succeeded` hears of each exchange that worked, as it ends.
    func run(_ exchanges: [Curl.Request], keys: [String], bodies: [String]? = nil, succeeded: (Int) -> Void = { _ in }) -> [RemoteError?] {
        let finished: (Int, Curl.Response) -> Void = { index, response in
            if (200..<300).contains(response.status) && response.transferError == nil { succeeded(index) }
        }
        switch Curl.run(exchanges, parallel: parallel, finished: finished) {
        case .failure(let failure):
            return keys.map { RemoteError(remote: displayName, key: $0, failure.message) }
        case .success(let responses):
            return responses.enumerated().map { index, response in
                guard !(200..<300).contains(response.status) || response.transferError != nil else { return nil }
                let body = bodies.flatMap { try? String(contentsOfFile: $0[index], encoding: .utf8) } ?? ""
                return failure(response, key: keys[index], body: body)
            }
        }
    }

    /// One exchange, or an error when curl could not run.
    func single(_ exchange: Curl.Request, key: String?) throws(RemoteError) -> Curl.Response {
        switch Curl.run([exchange], parallel: 1) {
        case .failure(let failure): throw RemoteError(remote: displayName, key: key, failure.message)
        case .success(let responses): return responses.first ?? Curl.Response(status: 0, transferError: "no response")
        }
    }
}
