import Basics
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("repor", "repro", 1),  // adjacent swap counts once
        ("forse", "force", 1),
        ("", "abc", 3),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
        ("ca", "abc", 3),  // optimal string alignment: no edits of a swapped pair
        ("same", "same", 0),
    ])
    func distance(_ a: String, _ b: String, _ expected: Int) {
        #expect(Suggestion.editDistance(a, b) == expected)
    }

    @Test(arguments: [
        ("--forse", ["--force", "--dry"], "--force"),
        ("repor", ["params", "repro", "run"], "repro"),
        ("ls", ["lx", "ls2"], nil),  // a short word needs fewer edits than half its length
        ("-x", ["-y"], nil),
        ("--ab", ["--cd"], nil),
        ("--jobz", ["--job", "--jobs"], "--job"),  // ties go to the first candidate
        ("paramz", ["params"], "params"),
        ("parameter", ["params"], nil),  // three edits are too many
    ] as [(String, [String], String?)])
    func closest(_ word: String, _ candidates: [String], _ expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }
}
