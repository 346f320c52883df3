/// Finds a valid name close to a mistyped one, for "did you mean …?" hints.
enum NameSuggester {
    /// The candidate closest to `word`, if it is close enough to be a likely typo:
    /// at most two edits away and fewer edits than half the length of `word`, so
    /// short words do not attract unrelated suggestions. Leading dashes do not count
    /// towards the length: `--ab` is as short as `ab`. Ties go to the candidate
    /// listed first, which is the order commands declare their names in.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(word)
        let length = word.drop { $0 == "-" }.count
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(typed, Array(candidate))
            if distance <= 2, distance * 2 < length, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions
    /// and swaps of two adjacent characters each cost one edit. Swaps matter because
    /// they are the most common typing slip ("repor" for "repro").
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows suffice: the current one, the previous one for ordinary edits,
        // and the one before that for adjacent swaps.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
