import Basics

/// Reads one column of a reference profile file, with errors that name the file and
/// the column and say how to get a valid file.
struct ProfileReader {
    let file: String
    let column: String
    let value: JSONValue

    static func invalid(_ file: String, _ what: String) -> Diagnostic {
        .failure("\(file) is not a valid reference profile: \(what)", hint: "write it again with 'sluice ml prepare'")
    }

    func invalid(_ what: String) -> Diagnostic {
        Self.invalid(file, "column '\(column)': \(what)")
    }

    func integer(_ key: String) throws(Diagnostic) -> Int {
        guard case .int(let i)? = value[key], i >= 0 else { throw invalid("\"\(key)\" must be a count") }
        return i
    }

    func number(_ key: String) throws(Diagnostic) -> Double {
        switch value[key] {
        case .double(let d)? where d.isFinite: return d
        case .int(let i)?: return Double(i)
        // Absent for an empty column; null where a moment overflowed (values near ±1e308).
        case nil, .null?: return .nan
        default: throw invalid("\"\(key)\" must be a finite number")
        }
    }

    func numbers(_ key: String) throws(Diagnostic) -> [Double] {
        guard case .array(let items)? = value[key] else { return [] }
        var result: [Double] = []
        for item in items {
            switch item {
            case .double(let d) where d.isFinite: result.append(d)
            case .int(let i): result.append(Double(i))
            default: throw invalid("\"\(key)\" must hold finite numbers")
            }
        }
        return result
    }

    func integers(_ key: String) throws(Diagnostic) -> [Int] {
        guard case .array(let items)? = value[key] else { return [] }
        var result: [Int] = []
        for item in items {
            guard case .int(let i) = item, i >= 0 else { throw invalid("\"\(key)\" must hold counts") }
            result.append(i)
        }
        return result
    }

    func numeric() throws(Diagnostic) -> NumericProfile {
        guard let sketch = CumulativeSketch(
            storedKnots: try numbers("knots"), equalCounts: try integers("equal"), betweenCounts: try integers("between"))
        else { throw invalid("\"knots\", \"equal\" and \"between\" must be ascending knots with one count of each per knot") }
        guard sketch.count == (try integer("count")) else { throw invalid("the knot counts do not add up to \"count\"") }
        let missing = try integer("missing")
        guard CumulativeSketch.sumFits([sketch.count, missing]) else { throw invalid("the counts are too large") }
        let edges = try numbers("decile_edges"), counts = try integers("decile_counts")
        var bins: QuantileBins?
        if !edges.isEmpty || !counts.isEmpty {
            guard counts.count == edges.count + 1, zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw invalid("\"decile_edges\" must ascend and \"decile_counts\" hold one count more")
            }
            bins = QuantileBins(edges: edges, referenceCounts: counts)
        }
        return NumericProfile(
            missingCount: missing, mean: try number("mean"), standardDeviation: try number("std"),
            minimum: try number("min"), maximum: try number("max"), bins: bins, sketch: sketch)
    }

    func categorical() throws(Diagnostic) -> CategoricalProfile {
        guard case .object(let members)? = value["categories"] else { throw invalid("missing the \"categories\" object") }
        var categories: [(name: String, count: Int)] = []
        for member in members {
            guard case .int(let count) = member.value, count > 0 else { throw invalid("category '\(member.key)' must have a positive count") }
            categories.append((member.key, count))
        }
        let other = try integer("other"), missing = try integer("missing")
        guard CumulativeSketch.sumFits(categories.map(\.count) + [other, missing]) else { throw invalid("the counts are too large") }
        return CategoricalProfile(categories: categories, otherCount: other, missingCount: missing)
    }
}
