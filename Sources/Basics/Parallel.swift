import Dispatch
import Foundation
import Synchronization

/// Independent pieces of work spread over a fixed number of threads with Dispatch:
/// the one parallel loop of the package (CSV reading and tree training both use it).
///
/// `body` is not `@Sendable`: its callers read memory-mapped files and shared
/// buffers through unsafe pointers and write one output slot per index. That
/// sharing is safe under three rules every caller keeps: the input an index reads
/// is read-only while the loop runs, no two indices write the same slot, and the
/// loop joins before returning. Which thread runs an index never changes its
/// result, so results are identical for every thread count.
package enum Parallel {
    /// The processors this process may use: the thread count when nothing else is asked.
    package static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `body(0..<count)` on up to `threads` threads; each index runs exactly once.
    ///
    /// Always inlined, so that on one thread (as `ml tune`'s fits run) the loop and its
    /// body are compiled into the caller: tree training runs thousands of such loops per
    /// model, and a call through the body's context costs more than a small node's work.
    @inlinable @inline(__always)
    package static func forEach(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        guard count > 1 && threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        forEachOnThreads(count, threads: threads, body)
    }

    /// `forEach` on more than one thread.
    @usableFromInline
    static func forEachOnThreads(_ count: Int, threads: Int, _ body: (Int) -> Void) {
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

    /// `[body(0), …, body(count - 1)]`, computed on up to `threads` threads (inlined
    /// on one thread, as `forEach` is).
    @inlinable @inline(__always)
    package static func map<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 && threads > 1 else {
            var results: [T] = []
            results.reserveCapacity(count)
            for index in 0..<count { results.append(body(index)) }
            return results
        }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = Unchecked(buffer.baseAddress)
            forEach(count, threads: threads) { index in (output.value! + index).initialize(to: body(index)) }
            initialized = count
        }
    }

    /// Contiguous chunks of `0..<count` of at most `size` elements: a fixed
    /// partition, so per-chunk results combined in chunk order never depend on threads.
    package static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// The next index of a loop, shared by its workers.
    @usableFromInline
    final class Counter: Sendable {
        @usableFromInline let value = Atomic<Int>(0)
        @usableFromInline init() {}
    }
}

/// A value shared across the threads of a `Parallel` loop (unsafe pointers, buffers, the loop's body).
/// Safe unchecked: each loop reads shared input only, writes disjoint slots and joins before returning.
package struct Unchecked<Value>: @unchecked Sendable {
    /// The shared value.
    package let value: Value
    /// Wraps `value`.
    @inlinable package init(_ value: Value) { self.value = value }
}
