import Synchronization

/// The parts of one multipart upload, handed out to workers in order, with what each
/// returned; after the first failure no more parts are handed out.
final class PartQueue: Sendable {
    /// What S3 needs to hear of a part again when the upload completes.
    struct SentPart: Sendable, Equatable {
        /// The ETag S3 answered with.
        let etag: String
        /// The part's CRC-32 in S3's form (big-endian bytes in base64).
        let checksum: String
    }

    private struct State {
        var next = 1
        var parts: [SentPart?]
        var problem: RemoteError?
    }

    private let state: Mutex<State>
    private let count: Int

    /// A queue of parts 1...`count`.
    init(count: Int) {
        self.count = count
        state = Mutex(State(parts: [SentPart?](repeating: nil, count: count)))
    }

    /// The next part to send, or nil when all are handed out or one failed.
    func next() -> Int? {
        state.withLock { state in
            guard state.problem == nil, state.next <= count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    /// Records how part `number` went.
    func record(_ number: Int, _ outcome: Result<SentPart, RemoteError>) {
        state.withLock { state in
            switch outcome {
            case .success(let part): state.parts[number - 1] = part
            case .failure(let problem): if state.problem == nil { state.problem = problem }
            }
        }
    }

    /// Every part sent, in order, or the first failure.
    func outcome() -> (parts: [SentPart], problem: RemoteError?) {
        state.withLock { state in (state.parts.compactMap { $0 }, state.problem) }
    }
}
