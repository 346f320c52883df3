import Dispatch

/// Independent pieces of work spread over all processors with Dispatch.
///
/// `concurrentPerform` takes a `@Sendable` closure, but the CSV reader's work reads
/// a file into disjoint pieces of one buffer, then parses it through unsafe pointers
/// and writes one result slot per index. That sharing is safe (disjoint writes,
/// input read-only once read, all joined before returning), which the compiler
/// cannot see; this is the one place that says so.
enum Parallel {
    /// `[body(0), …, body(count - 1)]`, computed concurrently. `body` may run on
    /// several threads at once, so it must only read state it shares.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            let work = Unchecked(value: body)
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let output = Unchecked(value: buffer.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (output.value + index).initialize(to: work.value(index))
                }
                initialized = count
            }
        }
    }

    /// A value the compiler cannot prove safe to share, shared under the rules above.
    private struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
    }
}
