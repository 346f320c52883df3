import Basics
import PipelineExport
import Testing

@Suite struct ExportedPipelineTests {
    @Test func stagesComeInRunOrderWithTheirUpstream() throws {
        let pipeline = try ExportFixtures.exported(ExportFixtures.diamond)
        #expect(pipeline.stages.map(\.id) == ["a", "b", "c", "d"])
        #expect(pipeline.stages.map(\.upstream) == [[], ["a"], ["a"], ["b", "c"]])
        #expect(pipeline.stages[3].description == "Joins b and c.")
    }

    @Test(arguments: [
        ("retries: 2", TaskSettings(retries: 2)),
        ("timeout: 90", TaskSettings(timeoutSeconds: 90)),
        ("timeout: 90s", TaskSettings(timeoutSeconds: 90)),
        ("timeout: 30m", TaskSettings(timeoutSeconds: 1800)),
        ("timeout: 2h", TaskSettings(timeoutSeconds: 7200)),
        ("retries: 0\n      timeout: 1m", TaskSettings(retries: 0, timeoutSeconds: 60)),
        ("owner: me", TaskSettings()),
    ])
    func metaSetsRetriesAndTimeouts(meta: String, expected: TaskSettings) throws {
        let pipeline = try ExportFixtures.exported("stages:\n  s:\n    cmd: 'true'\n    meta:\n      \(meta)\n")
        #expect(pipeline.stages[0].settings == expected)
    }

    @Test(arguments: ["retries: -1", "retries: two", "retries: 1.5", "timeout: 0", "timeout: 10d", "timeout: soon", "timeout: 99999999999999999h"])
    func badMetaIsALocatedError(meta: String) throws {
        do {
            _ = try ExportFixtures.exported("stages:\n  s:\n    cmd: 'true'\n  t:\n    cmd: 'true'\n    meta:\n      \(meta)\n")
            Issue.record("no error for \(meta)")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.count == 1)
            #expect(list.diagnostics[0].location?.line == 7)
            #expect(list.diagnostics[0].message.contains("stage 't': meta."))
        }
    }

    @Test func idsKeepTheCharactersEnginesTakeAndStayUnique() throws {
        let pipeline = try ExportFixtures.exported("""
            stages:
              fit:
                foreach: [1, 2]
                do:
                  cmd: echo ${item}
              fit_1:
                cmd: 'true'
              9lives:
                cmd: 'true'
              odd:
                foreach: ["it's \\\\ \\"odd\\""]
                do:
                  cmd: 'true'
            """)
        #expect(pipeline.stages.map(\.address) == ["fit@1", "fit@2", "fit_1", "9lives", "odd@it's \\ \"odd\""])
        #expect(pipeline.stages.map(\.id) == ["fit_1", "fit_2", "fit_1_2", "_9lives", "odd_it_s____odd_"])
    }
}
