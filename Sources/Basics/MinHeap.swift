/// A binary min-heap of integers: the smallest element first, in logarithmic time
/// per insertion and removal.
package struct MinHeap: Sendable {
    private var items: [Int] = []

    /// A heap holding `elements`.
    package init(_ elements: [Int] = []) {
        for element in elements { insert(element) }
    }

    /// Whether the heap holds nothing.
    var isEmpty: Bool { items.isEmpty }

    /// Adds `element`.
    package mutating func insert(_ element: Int) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the smallest element, `nil` when empty.
    package mutating func popMin() -> Int? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let smallest = items[0]
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var least = parent
            if left < items.count, items[left] < items[least] { least = left }
            if right < items.count, items[right] < items[least] { least = right }
            guard least != parent else { break }
            items.swapAt(parent, least)
            parent = least
        }
        return smallest
    }
}
