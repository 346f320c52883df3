import Basics
import CommandLineKit
import Project
import RunStore

/// `sluice runs list`: the recorded runs, newest first.
struct RunsListCommand: RunnableCommand {
    static let json = Flag(long: "json", help: "Print JSON: the runs with their params and metrics.")
    static let limit = Option<Int?>(long: "limit", short: "n", valueName: "n", help: "Show at most this many runs.")
    static let sort = Option<String?>(long: "sort", valueName: "key", help: "Order by this metric or param (runs without it last).")
    static let desc = Flag(long: "desc", help: "With --sort: largest first.")
    static let filter = Option<[String]>(
        long: "filter", valueName: "expr", help: "Keep runs matching a comparison such as 'rmse<3.5'.")

    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "List recorded runs with their status, age, commit and key metrics.",
        discussion: """
            Newest first, unless --sort names a metric (or param) to order by, ascending unless \
            --desc. A --filter keeps runs whose metric (or param) satisfies a comparison: \
            <, <=, >, >=, == or !=; give several to require all. The metric columns are those \
            sorted or filtered by, then the ones pipeline.yaml names in 'runs: {columns: [...]}', \
            else those of the metrics files of its last stage that writes any.
            """,
        arguments: [json, limit, sort, desc, filter],
        aliases: ["ls"],
        examples: ["sluice runs list", "sluice runs list --sort rmse --limit 5", "sluice runs list --filter 'rmse<3.5' --json"])

    let file: String?
    let json: Bool
    let limit: Int?
    let sortKey: String?
    let descending: Bool
    let filters: [RunFilter]

    init(_ values: ParsedValues) throws {
        file = try values[SluiceCommand.file]
        json = try values[Self.json]
        limit = try values[Self.limit]
        if let limit, limit < 1 { throw values.invalidValue(Self.limit, "expected a positive integer") }
        sortKey = try values[Self.sort]
        descending = try values[Self.desc]
        filters = try values[Self.filter].map(Self.parseFilter)
    }

    /// Parses one --filter; a mistake is a usage error with a caret under its column.
    static func parseFilter(_ text: String) throws(ValidationError) -> RunFilter {
        do throws(RunFilter.ParseError) {
            return try RunFilter(parsing: text)
        } catch {
            let caret = String(repeating: " ", count: error.column - 1) + "^"
            throw ValidationError("invalid filter '\(text)': column \(error.column): \(error.message)\n    \(text)\n    \(caret)")
        }
    }

    func run(_ console: Console) throws -> ExitCode {
        let context = try RunsContext(file: file, console: console)
        var runs = Array(context.runs.reversed()).filter { run in filters.allSatisfy { $0.matches(run) } }
        if let sortKey { runs = Self.sorted(runs, by: sortKey, descending: descending) }
        if let limit { runs = Array(runs.prefix(limit)) }
        if json {
            console.out(JSONWriter.pretty.string(.array(runs.map(RunJSON.summary))))
            return .success
        }
        guard !runs.isEmpty else {
            console.out(context.runs.isEmpty ? "No runs yet: 'sluice repro' records one." : "No runs match.")
            return .success
        }
        let headline = (try? context.workspace.loadPipeline()).map(WorkspaceValues.headlineMetrics) ?? []
        let metricKeys = keyMetrics(of: runs, headline: headline)
        var table = TextTable(header: ["Run", "Name", "Status", "Age", "Duration", "Commit"] + metricKeys)
        for run in runs {
            table.rows.append([
                run.id, run.record.name ?? "-", run.status.rawValue, RunFormat.age(run.record.startTime, now: context.now),
                RunFormat.duration(run.record.duration), RunFormat.commit(run.record.git),
            ] + metricKeys.map { RunFormat.value(run.metrics[$0]) })
        }
        console.out(table.text)
        return .success
    }

    /// Runs ordered by `key` (a metric, else a param); runs without a number for it keep their order, last.
    static func sorted(_ runs: [StoredRun], by key: String, descending: Bool) -> [StoredRun] {
        let keyed = runs.enumerated().map { ($0.element, $0.element.metrics.number(key) ?? $0.element.params.number(key), $0.offset) }
        return keyed.sorted { a, b in
            switch (a.1, b.1) {
            case let (x?, y?) where x != y: descending ? x > y : x < y
            case (_?, nil): true
            case (nil, _?): false
            default: a.2 < b.2
            }
        }.map(\.0)
    }

    /// The metric columns, four at most: the ones sorted and filtered by, then the
    /// pipeline's headline metrics (`runs: {columns: …}`, else its last metrics
    /// files'), then the first others.
    private func keyMetrics(of runs: [StoredRun], headline: [String]) -> [String] {
        var keys: [String] = [], seen: Set<String> = []
        let present = Set(runs.flatMap(\.metrics.keys))
        let wanted = ([sortKey].compactMap { $0 } + filters.map(\.key) + headline).filter(present.contains)
            + runs.flatMap { $0.metrics.entries.filter { FlatValues.number($0.value) != nil }.map(\.key) }
        for key in wanted where keys.count < 4 && seen.insert(key).inserted { keys.append(key) }
        return keys
    }
}
