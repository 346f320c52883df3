import FuzzTargets
import Testing

@Suite struct FuzzBundleTests {
    @Test func plainTextIsTheMainFile() {
        let bundle = FuzzBundle(parsing: Array("stages: {}\n".utf8), format: .pipeline)
        #expect(bundle.members.map(\.name) == ["pipeline.yaml"])
        #expect(bundle["pipeline.yaml"] == Array("stages: {}\n".utf8))
        #expect(bundle.bytes == Array("stages: {}\n".utf8))
    }

    @Test func membersRoundTrip() {
        let bundle = FuzzBundle(format: .run, members: [
            ("run.json", Array("{\"id\": 1}\n".utf8)), ("params.json", []), ("history.jsonl", Array("a\n\n".utf8)),
        ])
        #expect(FuzzBundle(parsing: bundle.bytes, format: .run) == bundle)
    }

    @Test func textBeforeTheFirstHeaderIsTheMainFile() {
        let bundle = FuzzBundle(parsing: Array("{}\n==> metrics.json <==\n{\"a\": 1}".utf8), format: .run)
        #expect(bundle.members.map(\.name) == ["run.json", "metrics.json"])
        #expect(bundle["run.json"] == Array("{}".utf8))
        #expect(bundle["metrics.json"] == Array("{\"a\": 1}".utf8))
    }

    @Test func headersOfOtherFormatsAreText() {
        let text = "==> run.json <==\nx"
        let bundle = FuzzBundle(parsing: Array(text.utf8), format: .csv)
        #expect(bundle.members.map(\.name) == ["data.csv"])
        #expect(bundle["data.csv"] == Array(text.utf8))
    }

    @Test func aRepeatedMemberReplacesTheEarlierOne() {
        let bundle = FuzzBundle(parsing: Array("==> run.json <==\na\n==> run.json <==\nb".utf8), format: .run)
        #expect(bundle.members.count == 1)
        #expect(bundle["run.json"] == Array("b".utf8))
    }
}
