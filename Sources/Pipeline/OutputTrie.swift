/// The stages' outputs by path component, so the stages writing a path, a folder
/// above it, or anything inside it are found in time proportional to the path and
/// to what is found, not to the number of outputs.
///
/// Comparing every dependency with every output made a 12,000-stage chain take
/// minutes to load. Paths are root-relative and normalized; `.` is the root.
struct OutputTrie: Sendable {
    private struct Edge: Hashable, Sendable {
        var parent: Int
        var component: Substring
    }

    /// The node under `parent` named `component`; node 0 is the project root.
    private var nodes: [Edge: Int] = [:]
    /// Each node's children, for walks of everything inside a folder.
    private var children: [[Int]] = [[]]
    /// Each node's producers: indices of the stages with that exact output, ascending.
    private var producers: [[Int]] = [[]]

    /// Indexes the outputs of `stages`.
    init(_ stages: [StageSpec]) {
        for (index, stage) in stages.enumerated() {
            for output in stage.outputs {
                var node = 0
                for component in Self.components(output.path) {
                    let edge = Edge(parent: node, component: component)
                    if let child = nodes[edge] {
                        node = child
                    } else {
                        let child = producers.count
                        nodes[edge] = child
                        children[node].append(child)
                        children.append([])
                        producers.append([])
                        node = child
                    }
                }
                if producers[node].last != index { producers[node].append(index) }
            }
        }
    }

    /// Stages with an output that is `path` or a folder above it (`ProjectPath.isInside(path, output)`).
    func producers(containing path: String) -> [Int] {
        var found = producers[0]
        var node = 0
        for component in Self.components(path) {
            guard let child = nodes[Edge(parent: node, component: component)] else { break }
            node = child
            found += producers[node]
        }
        return found
    }

    /// The folders above `path` (proper prefixes of it, as substrings) that some
    /// stage declares as an output.
    func outputs(above path: String) -> [Substring] {
        var found: [Substring] = []
        if path != ".", !producers[0].isEmpty { found.append(".") }
        var node = 0
        var components = Self.components(path)
        components.removeLast(components.isEmpty ? 0 : 1)
        for component in components {
            guard let child = nodes[Edge(parent: node, component: component)] else { break }
            node = child
            if !producers[node].isEmpty { found.append(path[path.startIndex..<component.endIndex]) }
        }
        return found
    }

    /// Stages with an output that is `path`, a folder above it, or inside it: the
    /// stages a dependency on `path` waits for. May repeat a stage.
    func producers(overlapping path: String) -> [Int] {
        var found = producers[0]
        var node = 0
        for component in Self.components(path) {
            guard let child = nodes[Edge(parent: node, component: component)] else { return found }
            node = child
            found += producers[node]
        }
        // Everything below `path` (its own producers are already in).
        var pending = children[node]
        while let next = pending.popLast() {
            found += producers[next]
            pending += children[next]
        }
        return found
    }

    /// Whether `producers(overlapping: path)` would find any stage, in time
    /// proportional to the path alone: every node of the trie leads to an output, so
    /// a node for `path` with anything below it has a producer inside it.
    func hasProducer(overlapping path: String) -> Bool {
        if !producers[0].isEmpty { return true }
        var node = 0
        for component in Self.components(path) {
            guard let child = nodes[Edge(parent: node, component: component)] else { return false }
            node = child
            if !producers[node].isEmpty { return true }
        }
        return !children[node].isEmpty
    }

    /// The path's components; an absolute (external) path starts with an empty one, which
    /// no root-relative component is, so `/a/b` and `a/b` never share a node.
    private static func components(_ path: String) -> [Substring] {
        guard path != "." else { return [] }
        let parts = path.split(separator: "/")
        return ProjectPath.isExternal(path) ? [path.prefix(0)] + parts : parts
    }
}
