import Basics
import YAML

/// `foreach`/`do` and `matrix`: one declaration that generates stages named `name@key`, as in DVC 3.
extension PipelineLoader {
    mutating func loadStageEntry(_ pair: YAMLPair, context: InterpolationContext) -> [StageSpec] {
        let name = pair.key.scalarText
        guard Self.isValidStageName(name) else {
            diagnostics.append(.error("invalid stage name '\(name)'", at: pair.key.location,
                                      hint: "use letters, digits, '_' and '-' only"))
            return []
        }
        let body = pair.value
        if let foreach = body["foreach"] {
            return loadForeach(name: name, foreach: foreach, body: body, location: pair.key.location, context: context)
        }
        if let matrix = body["matrix"] {
            return loadMatrix(name: name, matrix: matrix, body: body, location: pair.key.location, context: context)
        }
        return loadStage(name: name, body: body, location: pair.key.location, context: context).map { [$0] } ?? []
    }

    static func isValidStageName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "-" || scalar == "." || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
        }
    }

    private mutating func loadForeach(
        name: String, foreach: YAMLNode, body: YAMLNode, location: SourceLocation, context: InterpolationContext
    ) -> [StageSpec] {
        let pairs = (try? body.pairs("stage")) ?? []
        diagnostics += unknownKeyDiagnostics(pairs, allowed: ["foreach", "do"], in: "stage '\(name)'")
        guard let template = body["do"] else {
            diagnostics.append(.error("stage '\(name)' has 'foreach' but no 'do'", at: location,
                                      hint: "put the stage definition under 'do:'"))
            return []
        }
        var interpolator = Interpolator(context: context)
        guard let items = report({ () throws(Diagnostic) in try interpolator.resolveTree(foreach) }) else { return [] }
        var generated: [(key: String, item: YAMLNode, keyNode: YAMLNode?)] = []
        switch items.value {
        case .sequence(let list):
            for (index, item) in list.enumerated() {
                generated.append((item.isScalar ? item.scalarText : String(index), item, nil))
            }
        case .mapping(let pairs):
            for pair in pairs { generated.append((pair.key.scalarText, pair.value, pair.key)) }
        default:
            diagnostics.append(.error("'foreach' must be a list or a mapping", at: items.location))
            return []
        }
        guard admitGenerated(generated.count, by: "'foreach' of stage '\(name)'", at: Self.keyLocation("foreach", in: body)) else {
            return []
        }
        var stages: [StageSpec] = []
        for entry in generated {
            var local = context
            local.set("item", entry.item)
            if let keyNode = entry.keyNode { local.set("key", keyNode) }
            if let stage = loadStage(name: "\(name)@\(entry.key)", body: template, location: location, context: local) {
                stages.append(stage)
            }
        }
        return stages
    }

    private mutating func loadMatrix(
        name: String, matrix: YAMLNode, body: YAMLNode, location: SourceLocation, context: InterpolationContext
    ) -> [StageSpec] {
        var interpolator = Interpolator(context: context)
        guard let resolved = report({ () throws(Diagnostic) in try interpolator.resolveTree(matrix) }),
              let axes = report({ () throws(Diagnostic) in try resolved.pairs("'matrix'") }) else { return [] }
        var axisValues: [[YAMLNode]] = []
        for axis in axes {
            guard let values = report({ () throws(Diagnostic) in try axis.value.list("matrix axis '\(axis.key.scalarText)'") }),
                  !values.isEmpty else { return [] }
            axisValues.append(values)
        }
        // The product is counted before any combination is built: a few axes of a few
        // dozen values each would otherwise fill the memory.
        let factors = zip(axes, axisValues).map { "\($0.key.scalarText): \($1.count)" }.joined(separator: " × ")
        guard admitGenerated(Self.product(axisValues.map(\.count)), by: "'matrix' of stage '\(name)'",
                             at: Self.keyLocation("matrix", in: body), factors: factors) else { return [] }
        var combinations: [[(axis: YAMLNode, value: YAMLNode, label: String)]] = [[]]
        for (axis, values) in zip(axes, axisValues) {
            combinations = combinations.flatMap { prefix in
                values.enumerated().map { index, value in
                    prefix + [(axis.key, value, value.isScalar ? value.scalarText : "\(axis.key.scalarText)\(index)")]
                }
            }
        }
        let template = YAMLNode(.mapping(((try? body.pairs("stage")) ?? []).filter { $0.key.scalarText != "matrix" }),
                                at: body.location)
        var stages: [StageSpec] = []
        for combination in combinations {
            var local = context
            let item = YAMLNode(.mapping(combination.map { YAMLPair(key: $0.axis, value: $0.value) }), at: matrix.location)
            local.set("item", item)
            let key = combination.map(\.label).joined(separator: "-")
            if let stage = loadStage(name: "\(name)@\(key)", body: template, location: location, context: local) {
                stages.append(stage)
            }
        }
        return stages
    }

    /// The most stages a pipeline may have: generation stops with an error beyond it
    /// (a matrix of 10⁷ combinations once ran out of memory).
    static let maximumStages = 100_000

    /// The product of `counts`, or `nil` when it does not fit in an `Int`.
    static func product(_ counts: [Int]) -> Int? {
        var product = 1
        for count in counts {
            let (next, overflow) = product.multipliedReportingOverflow(by: count)
            guard !overflow else { return nil }
            product = next
        }
        return product
    }

    /// Where `key` is written in the stage `body` (which has it).
    static func keyLocation(_ key: String, in body: YAMLNode) -> SourceLocation {
        body.mappingValue?.first { $0.key.scalarText == key }?.key.location ?? body.location
    }

    /// Whether a declaration (`what`) may generate `count` more stages (`nil`: more
    /// than an `Int` holds); records a located error when not.
    mutating func admitGenerated(_ count: Int?, by what: String, at location: SourceLocation, factors: String? = nil) -> Bool {
        let limit = Self.maximumStages
        let hint = "a pipeline may have at most \(limit) stages; use fewer values"
        let detail = factors.map { " (\($0))" } ?? ""
        guard let count, count <= limit else {
            let shown = count.map(String.init) ?? "more than \(Int.max)"
            diagnostics.append(.error("\(what) would generate \(shown) stages\(detail), more than \(limit)", at: location, hint: hint))
            return false
        }
        guard generatedStages <= limit - count else {
            diagnostics.append(.error(
                "\(what) would bring the pipeline to \(generatedStages + count) generated stages\(detail), more than \(limit)",
                at: location, hint: hint))
            return false
        }
        generatedStages += count
        return true
    }
}
