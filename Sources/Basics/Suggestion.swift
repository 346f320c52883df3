/// "Did you mean …?" for names a user mistyped: commands, options, pipeline keys.
package enum Suggestion {
    /// The candidate closest to `word` by edit distance (with adjacent transpositions),
    /// when it is close enough to be a plausible typo: at most 2 edits and fewer
    /// edits than half the word's length, so short words attract no unrelated
    /// suggestions. Leading dashes do not count towards the length (`--ab` is as
    /// short as `ab`). Ties go to the earlier candidate.
    package static func closest<S: Sequence>(to word: String, among candidates: S) -> String?
    where S.Element == String {
        let length = word.drop { $0 == "-" }.count
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= 2, distance * 2 < length, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance between `a` and `b` (case-sensitive).
    package static func editDistance(_ a: String, _ b: String) -> Int {
        // Swaps of adjacent characters count as one edit: the most common typing slip ("repor").
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
