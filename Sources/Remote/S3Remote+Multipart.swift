import Basics
import Foundation

extension S3Remote {
    /// Uploads `file` (`size` bytes) as `key` by S3's multipart upload: CreateMultipartUpload,
    /// the parts, then CompleteMultipartUpload. `parallel` workers each cut the next part
    /// into a scratch file and send it, so cutting one part overlaps sending others and
    /// the scratch space stays at `parallel` parts whatever the object's size. S3 shows
    /// the object under `key` only once Complete succeeds; any failure aborts the upload
    /// so the server drops the parts it holds. `moved` hears of each part sent (its
    /// bytes) and of the object finished.
    ///
    /// The upload declares CRC-32 checksums, as the AWS CLI's do: each part carries its
    /// own, which S3 checks on arrival, and the object keeps a checksum of the parts'
    /// checksums. Without them, S3 computes a checksum over the whole assembled object
    /// when the upload completes; against moto that made Complete take 8 of the 14
    /// seconds a 1 GiB upload took.
    func uploadInParts(file: String, key: String, size: Int64, moved: @escaping @Sendable (Int64, Bool) -> Void) -> RemoteError? {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-s3-parts-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        } catch {
            return RemoteError(remote: displayName, key: key, "cannot make a scratch folder for its parts: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let uploadID: String
        do throws(RemoteError) { uploadID = try createMultipartUpload(key: key, scratch: scratch) } catch { return error }
        let partSize = partSize(for: size)
        let count = Int((size + partSize - 1) / partSize)
        let queue = PartQueue(count: count)
        let workers = DispatchGroup()
        // Threads of their own: each mostly waits on curl, which Dispatch's pool (one
        // thread per core) would not overlap.
        for _ in 0..<min(max(1, parallel), Self.partWorkers, count) {
            workers.enter()
            Thread.detachNewThread { [self] in
                defer { workers.leave() }
                while let number = queue.next() {
                    let sent = sendPart(number, of: file, size: size, partSize: partSize, key: key, uploadID: uploadID, scratch: scratch)
                    if case .success(let part) = sent { moved(part.bytes, false) }
                    queue.record(number, sent.map(\.part))
                }
            }
        }
        workers.wait()
        let (parts, problem) = queue.outcome()
        if let problem {
            abort(key: key, uploadID: uploadID)
            return problem
        }
        if let problem = completeMultipartUpload(key: key, uploadID: uploadID, parts: parts, scratch: scratch) {
            abort(key: key, uploadID: uploadID)
            return problem
        }
        moved(0, true)
        return nil
    }

    /// Cuts part `number` of `file` into `scratch`, sends it and removes the cut: what
    /// Complete needs of it and its size, or why it did not go.
    func sendPart(_ number: Int, of file: String, size: Int64, partSize: Int64, key: String, uploadID: String,
                  scratch: String) -> Result<(part: PartQueue.SentPart, bytes: Int64), RemoteError> {
        guard let part = cutPart(file, number: number, size: size, partSize: partSize, into: scratch) else {
            return .failure(RemoteError(remote: displayName, key: key, "cannot read part \(number) of \(file) to send it"))
        }
        let headers = part.path + ".headers"
        defer {
            try? FileManager.default.removeItem(atPath: part.path)
            try? FileManager.default.removeItem(atPath: headers)
        }
        let query = [(name: "partNumber", value: String(number)), (name: "uploadId", value: uploadID)]
        var exchange = request("PUT", path: objectPath(key), query: query, payloadHash: part.hash,
                               headers: [(Self.partChecksumHeader, part.checksum)], uploadFile: part.path)
        exchange.headerFile = headers
        let response: Curl.Response
        do throws(RemoteError) { response = try single(exchange, key: key) } catch { return .failure(error) }
        guard (200..<300).contains(response.status), response.transferError == nil else { return .failure(failure(response, key: key)) }
        guard let etag = Curl.header("ETag", inFile: headers) else {
            return .failure(RemoteError(remote: displayName, key: key, "the server sent no ETag for part \(number)"))
        }
        return .success((PartQueue.SentPart(etag: etag, checksum: part.checksum), part.bytes))
    }

    /// The most parts in flight at once. More streams do not send one object faster: the
    /// server then takes the same bytes over more connections (the AWS CLI uses 10);
    /// against moto, 16 took up to 1.5 times as long as 8.
    static let partWorkers = 10

    /// The part size for an object of `size` bytes: `partSize`, or more when S3's limit of
    /// 10,000 parts needs it (objects over 160 GiB at 16 MiB), rounded up to a whole MiB.
    func partSize(for size: Int64) -> Int64 {
        let least = (size + 9_999) / 10_000
        return max(partSize, ((least + (1 << 20) - 1) >> 20) << 20)
    }

    /// The header that declares, at the start of an upload, the checksum every part carries.
    static let checksumAlgorithmHeader = "x-amz-checksum-algorithm"
    /// The header that carries a part's CRC-32.
    static let partChecksumHeader = "x-amz-checksum-crc32"

    /// A CRC-32 as S3 writes it: its four bytes, most significant first, in base64.
    static func checksumText(_ crc: UInt32) -> String {
        Data([UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]).base64EncodedString()
    }

    /// Starts a multipart upload of `key` with CRC-32 part checksums; its upload id.
    func createMultipartUpload(key: String, scratch: String) throws(RemoteError) -> String {
        let answer = scratch + "/create.xml"
        let exchange = request("POST", path: objectPath(key), query: [(name: "uploads", value: "")],
                               payloadHash: SignableRequest.emptyPayloadHash, headers: [(Self.checksumAlgorithmHeader, "CRC32")],
                               outputFile: answer)
        let response = try single(exchange, key: key)
        let body = (try? String(contentsOfFile: answer, encoding: .utf8)) ?? ""
        guard response.status == 200, response.transferError == nil, let id = S3ErrorBody.values(of: "UploadId", in: body).first else {
            throw failure(response, key: key, body: body)
        }
        return id
    }

    /// Makes the upload's parts one object; nil when S3 accepted it. S3 may answer 200
    /// and still report an error in the body, so the body is read too.
    func completeMultipartUpload(key: String, uploadID: String, parts: [PartQueue.SentPart], scratch: String) -> RemoteError? {
        let list = parts.enumerated().map { number, part in
            "<Part><PartNumber>\(number + 1)</PartNumber><ETag>\(part.etag)</ETag><ChecksumCRC32>\(part.checksum)</ChecksumCRC32></Part>"
        }
        let document = Array(("<CompleteMultipartUpload>" + list.joined() + "</CompleteMultipartUpload>").utf8)
        let bodyFile = scratch + "/complete.xml", answer = scratch + "/complete-answer.xml"
        guard FileManager.default.createFile(atPath: bodyFile, contents: Data(document)) else {
            return RemoteError(remote: displayName, key: key, "cannot write the part list in \(scratch)")
        }
        let exchange = request("POST", path: objectPath(key), query: [(name: "uploadId", value: uploadID)],
                               payloadHash: SHA256.hash(document).hex, uploadFile: bodyFile, outputFile: answer)
        let response: Curl.Response
        do throws(RemoteError) { response = try single(exchange, key: key) } catch { return error }
        let body = (try? String(contentsOfFile: answer, encoding: .utf8)) ?? ""
        if response.status == 200, response.transferError == nil, S3ErrorBody.code(body) == nil { return nil }
        return failure(response.status == 200 && response.transferError == nil ? Curl.Response(status: 500, transferError: nil) : response,
                       key: key, body: body)
    }

    /// Drops an unfinished upload and the parts S3 holds for it (best effort: when the
    /// server cannot be reached, the parts stay invisible until a lifecycle rule or a
    /// later abort removes them).
    func abort(key: String, uploadID: String) {
        let exchange = request("DELETE", path: objectPath(key), query: [(name: "uploadId", value: uploadID)],
                               payloadHash: SignableRequest.emptyPayloadHash)
        _ = try? single(exchange, key: key)
    }

    /// Part `number` (from 1) of `file` copied to a scratch file, with its SHA-256 for the
    /// signature and its CRC-32 in S3's form; nil when the file cannot be read or the copy written.
    func cutPart(_ file: String, number: Int, size: Int64, partSize: Int64,
                 into scratch: String) -> (number: Int, path: String, hash: String, checksum: String, bytes: Int64)? {
        let start = Int64(number - 1) * partSize, length = min(partSize, size - start)
        let path = scratch + "/part-\(number)"
        var hasher = SHA256(), crc = CRC32()
        let problem = LocalFile.copy(file, range: start..<(start + length), to: path, mode: 0o600) { piece in
            hasher.update(piece)
            crc.update(piece)
        }
        guard problem == nil else { return nil }
        return (number, path, hasher.finalize().hex, Self.checksumText(crc.value), length)
    }
}
