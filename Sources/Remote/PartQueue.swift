import Synchronization

/// The parts of one multipart upload, handed out to workers in order, with what each
/// returned; after the first failure no more parts are handed out.
final class PartQueue: Sendable {
    private struct State {
        var next = 1
        var etags: [String?]
        var problem: RemoteError?
    }

    private let state: Mutex<State>
    private let count: Int

    /// A queue of parts 1...`count`.
    init(count: Int) {
        self.count = count
        state = Mutex(State(etags: [String?](repeating: nil, count: count)))
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
    func record(_ number: Int, _ outcome: Result<String, RemoteError>) {
        state.withLock { state in
            switch outcome {
            case .success(let etag): state.etags[number - 1] = etag
            case .failure(let problem): if state.problem == nil { state.problem = problem }
            }
        }
    }

    /// Every part's ETag in order, or the first failure.
    func outcome() -> (etags: [String], problem: RemoteError?) {
        state.withLock { state in (state.etags.compactMap { $0 }, state.problem) }
    }
}
