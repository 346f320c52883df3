import Basics
import RunStore
import Testing

@Suite struct RunFilterTests {
    @Test(arguments: [
        ("rmse<3.5", "rmse", RunFilter.Operator.less, "3.5"), (" r2 >= 0.8 ", "r2", .greaterOrEqual, "0.8"),
        ("train.lr==0.1", "train.lr", .equal, "0.1"), ("train.lr=0.1", "train.lr", .equal, "0.1"),
        ("kind != 'gbdt'", "kind", .notEqual, "gbdt"), ("loss>-1e-3", "loss", .greater, "-1e-3"),
        ("a<=2", "a", .lessOrEqual, "2"),
    ])
    func parses(text: String, key: String, comparison: RunFilter.Operator, operand: String) throws {
        let filter = try RunFilter(parsing: text)
        #expect(filter.key == key && filter.comparison == comparison && filter.operand == operand)
    }

    @Test(arguments: [
        ("<3", "expected a metric or param name", 1), ("rmse", "expected a comparison (<, <=, >, >=, ==, !=) after 'rmse'", 5),
        ("rmse 3", "expected a comparison (<, <=, >, >=, ==, !=) after 'rmse'", 6), ("rmse<", "expected a value after '<'", 6),
        ("rmse<<3", "expected a number after '<'", 6), ("rmse >= high", "expected a number after '>='", 9),
        ("", "expected a metric or param name", 1),
    ])
    func errorsSayWhereAndWhat(text: String, message: String, column: Int) {
        #expect(throws: RunFilter.ParseError(message: message, column: column)) { try RunFilter(parsing: text) }
    }

    static let run = StoredRun(
        directory: "/nonexistent",
        record: RunRecord(id: "20261122-103000-0000", status: .finished, startTime: TestStore.base, command: []),
        params: { var p = FlatValues(); p["train.lr"] = .double(0.1); p["model"] = .string("gbdt"); p["rmse"] = .int(99); return p }(),
        metrics: FlatValues(["rmse": 3.25, "r2": 0.8]))

    @Test(arguments: [
        ("rmse<3.5", true), ("rmse>3.5", false), ("rmse==3.25", true), ("r2>=0.8", true), ("r2!=0.8", false),
        ("train.lr==0.1", true), ("train.lr=0.10", true), ("model==gbdt", true), ("model!=gbdt", false),
        ("model<3", false), ("missing<1", false), ("missing!=1", false),
    ])
    func matches(text: String, expected: Bool) throws {
        #expect(try RunFilter(parsing: text).matches(Self.run) == expected)
    }
}

@Suite struct ValueComparisonTests {
    @Test func rowsMarkChangesAndDeltasFromTheFirstColumn() {
        var first = FlatValues(["rmse": 3.5, "r2": 0.8]), second = FlatValues(["rmse": 3.0, "r2": 0.8])
        first["model"] = .string("gbdt")
        second["note"] = .string("new")
        let third = FlatValues(["rmse": 4.0])
        let comparison = ValueComparison([first, second, third])
        #expect(comparison.rows.map(\.key) == ["rmse", "r2", "model", "note"])
        #expect(comparison.rows.map(\.changed) == [true, true, true, true])
        #expect(comparison.rows[0].deltas == [nil, -0.5, 0.5])
        #expect(comparison.rows[1].deltas == [nil, 0, nil])
        #expect(ValueComparison([first, first]).changedRows.isEmpty)
    }

    @Test func integersAndDoublesOfTheSameValueAreUnchanged() {
        var a = FlatValues(), b = FlatValues()
        a["depth"] = .int(6)
        b["depth"] = .double(6)
        #expect(ValueComparison([a, b]).changedRows.isEmpty)
    }
}
