import Basics

/// What a user may type to name a run: `latest`, `latest~N` (N runs before the
/// latest), a full id, a unique prefix of an id, or a run's name (the newest run
/// with that name).
package enum RunReference {
    /// The run `reference` names among `runs` (oldest first), or a diagnostic that
    /// says what to type instead.
    package static func resolve(_ reference: String, in runs: [StoredRun]) throws(Diagnostic) -> StoredRun {
        guard let latest = runs.last else {
            throw .error("there are no runs in runs/ yet", hint: "'sluice repro' records a run whenever a stage runs or is restored")
        }
        if reference == "latest" { return latest }
        if reference.hasPrefix("latest~") {
            guard let back = Int(reference.dropFirst("latest~".count)), back >= 0 else {
                throw .error("'\(reference)' is not a run", hint: "write latest~N with a whole number N, e.g. latest~1 for the run before the latest")
            }
            guard back < runs.count else {
                throw .error("'\(reference)' goes back further than the \(runs.count) recorded run\(runs.count == 1 ? "" : "s")",
                             hint: "the oldest is latest~\(runs.count - 1)")
            }
            return runs[runs.count - 1 - back]
        }
        if let exact = runs.first(where: { $0.id == reference }) { return exact }
        let prefixed = runs.filter { $0.id.hasPrefix(reference) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 {
            let shown = prefixed.suffix(5).map(\.id).reversed().joined(separator: ", ")
            throw .error("'\(reference)' matches \(prefixed.count) runs: \(shown)\(prefixed.count > 5 ? ", …" : "")",
                         hint: "type more of the id")
        }
        if let named = runs.last(where: { $0.record.name == reference }) { return named }
        let candidates = runs.map(\.id) + runs.compactMap(\.record.name)
        let hint = Suggestion.closest(to: reference, among: candidates).map { "did you mean '\($0)'?" }
            ?? "'sluice runs list' shows the runs; 'latest' names the newest"
        throw .error("no run '\(reference)' in runs/", hint: hint)
    }
}
