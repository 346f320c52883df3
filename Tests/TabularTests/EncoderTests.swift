import Basics
import Tabular
import Testing

@Suite struct EncoderTests {
    /// a ×3, b ×2, c ×1, one missing cell.
    static let cities = CategoryColumn(["a", "b", "a", "c", "", "b", "a"])

    @Test func oneHotWritesOneColumnPerCategory() throws {
        let fitted = OneHotEncoder().fit(Self.cities)
        let columns = try fitted.transform(Self.cities, name: "city")
        #expect(columns.map(\.name) == ["city=a", "city=b", "city=c"])
        #expect(columns[0].column == .numeric([1, 0, 1, 0, 0, 0, 1]))
        #expect(columns[2].column == .numeric([0, 0, 0, 1, 0, 0, 0]))
    }

    @Test func rareCategoriesArePooled() throws {
        let fitted = OneHotEncoder(minFrequency: 2).fit(Self.cities)
        #expect(fitted.categories == ["a", "b"] && fitted.infrequent == ["c"])
        let limited = OneHotEncoder(maxCategories: 2).fit(Self.cities)
        #expect(limited.categories == ["a"] && limited.infrequent == ["b", "c"])
        let columns = try limited.transform(Self.cities, name: "city")
        #expect(columns.map(\.name) == ["city=a", "city=infrequent"])
        #expect(columns[1].column == .numeric([0, 1, 0, 1, 0, 1, 0]))
    }

    @Test func dropFirstAndIfBinary() throws {
        let first = try OneHotEncoder(drop: .first).fit(Self.cities).transform(Self.cities, name: "c")
        #expect(first.map(\.name) == ["c=b", "c=c"])
        #expect(OneHotEncoder(drop: .ifBinary).fit(Self.cities).dropFirst == false)
        let binary = CategoryColumn(["x", "y", "x"])
        let columns = try OneHotEncoder(drop: .ifBinary).fit(binary).transform(binary, name: "v")
        #expect(columns.map(\.name) == ["v=y"] && columns[0].column == .numeric([0, 1, 0]))
    }

    @Test func unseenCategoriesFollowHandleUnknown() throws {
        let unseen = CategoryColumn(["z", "a"])
        let ignore = try OneHotEncoder().fit(Self.cities).transform(unseen, name: "city")
        #expect(ignore.map(\.column) == [.numeric([0, 1]), .numeric([0, 0]), .numeric([0, 0])])
        let pooled = try OneHotEncoder(minFrequency: 2, handleUnknown: .infrequent).fit(Self.cities).transform(unseen, name: "city")
        #expect(pooled.last?.column == .numeric([1, 0]))
        #expect(throws: Diagnostic.self) { try OneHotEncoder(handleUnknown: .error).fit(Self.cities).transform(unseen, name: "city") }
    }

    @Test func categoriesAbsentFromTheTrainingRowsAreUnseen() throws {
        // The split shares the whole dictionary; only categories present in its rows count.
        let train = Self.cities.taking([0, 1])
        #expect(OneHotEncoder().fit(train).categories == ["a", "b"])
    }

    @Test func ordinalFollowsTheOrder() throws {
        let cuts = CategoryColumn(["Good", "Fair", "", "Ideal"])
        let encoder = try OrdinalEncoder(order: ["Fair", "Good", "Ideal"]).fit(cuts, name: "cut")
        let codes = try encoder.transform(cuts, name: "cut")
        #expect(codes == .numeric([1, 0, .nan, 2]))
        #expect(try encoder.transform(CategoryColumn(["Premium"]), name: "cut") == .numeric([.nan]))
        #expect(throws: Diagnostic.self) { try OrdinalEncoder(order: ["Fair"], handleUnknown: .error).transform(CategoryColumn(["Good"]), name: "cut") }
    }

    @Test func ordinalRejectsACategoryMissingFromTheOrder() {
        do {
            _ = try OrdinalEncoder(order: ["Fair", "Good"]).fit(CategoryColumn(["Good", "Ideal"]), name: "cut")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("'Ideal'"))
        }
    }

    @Test func datePartsInUTC() {
        // 2024-03-02 13:45:00 UTC was a Saturday; 1969-12-31 23:00 a Wednesday.
        let seconds: [Double] = [1_709_387_100, -3_600, .nan]
        let columns = DateParts().transform(seconds, name: "t")
        #expect(columns.map(\.name) == ["t_year", "t_month", "t_day", "t_dayofweek", "t_hour", "t_is_weekend"])
        #expect(columns.map { $0.column.numericValues?[0] } == [2024, 3, 2, 5, 13, 1])
        #expect(columns.map { $0.column.numericValues?[1] } == [1969, 12, 31, 2, 23, 0])
        #expect(columns.allSatisfy { $0.column.numericValues?[2].isNaN == true })
        #expect(DateParts(parts: [.hour]).outputNames("t") == ["t_hour"])
    }

    @Test func aTimeNoCalendarHoldsHasNoParts() {
        let columns = DateParts().transform([1e300, -1e300], name: "t")
        #expect(columns.allSatisfy { $0.column.numericValues?.allSatisfy(\.isNaN) == true })
    }
}
