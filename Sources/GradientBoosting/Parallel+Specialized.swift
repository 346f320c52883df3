import Basics

/// The parallel loops of tree training, specialized inside this module.
///
/// `Parallel.map` and `forEach` reach this module as unspecialized generic calls:
/// each one looks up type metadata and calls its body through a context, which
/// costs more than the work of a small node. Training runs thousands of such
/// loops per model, and with one thread (as `ml tune`'s fits do) they run here in
/// place, with no dispatch; with more threads they hand over to `Parallel`.
extension Parallel {
    /// `Parallel.forEach`, run in place when one thread or one index would run it.
    @inline(__always)
    static func specializedForEach(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        guard count > 1 && threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        forEach(count, threads: threads, body)
    }

    /// `Parallel.map`, run in place when one thread or one index would run it.
    @inline(__always)
    static func specializedMap<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 && threads > 1 else {
            var results: [T] = []
            results.reserveCapacity(count)
            for index in 0..<count { results.append(body(index)) }
            return results
        }
        return map(count, threads: threads, body)
    }
}
