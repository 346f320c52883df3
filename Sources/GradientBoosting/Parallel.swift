import Dispatch
import Synchronization

/// Work spread over a fixed number of threads with Dispatch.
///
/// Every parallel loop in this module writes disjoint output slots from each
/// iteration and joins before returning, and the split of the work never depends on
/// how many threads run it, so results are identical for every thread count. The
/// compiler cannot see that sharing unsafe buffers this way is safe; this is the
/// one place that says so.
enum Parallel {
    /// Runs `body(0..<count)` on up to `threads` threads; each index runs exactly once.
    static func forEach(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        guard count > 1 && threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let work = Unchecked(body)
            let next = Counter()
            // `threads` workers take the next index until none is left: uneven pieces
            // balance out, and which thread runs an index never changes its result.
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
                while true {
                    let index = next.value.add(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    work.value(index)
                }
            }
        }
    }

    /// `[body(0), …, body(count - 1)]`, computed on up to `threads` threads.
    static func map<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = Unchecked(buffer.baseAddress)
            forEach(count, threads: threads) { index in (output.value! + index).initialize(to: body(index)) }
            initialized = count
        }
    }

    /// Contiguous chunks of `0..<count` of at most `size` elements: a fixed
    /// partition, so per-chunk results summed in chunk order never depend on threads.
    static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}

/// The next index of a `Parallel` loop, shared by its workers.
private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}

/// A value shared across the threads of a `Parallel` loop under the rules above.
struct Unchecked<Value>: @unchecked Sendable {
    /// The shared value.
    let value: Value
    /// Wraps `value`.
    init(_ value: Value) { self.value = value }
}
