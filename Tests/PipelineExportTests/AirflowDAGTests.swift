import PipelineExport
import Testing

@Suite struct AirflowDAGTests {
    static func render(_ pipeline: String, _ dag: AirflowDAG = AirflowDAG(dagID: "housing")) throws -> String {
        dag.render(try ExportFixtures.exported(pipeline))
    }

    @Test func oneTaskPerStageAndTheGraphsEdges() throws {
        let text = try Self.render(ExportFixtures.diamond)
        #expect(text.contains("    tasks['a'] = stage_task('a', 'a')\n"))
        #expect(text.contains("    tasks['a'] >> tasks['b']\n"))
        #expect(text.contains("    tasks['a'] >> tasks['c']\n"))
        #expect(text.contains("    [tasks['b'], tasks['c']] >> tasks['d']\n"))
        #expect(text.split(separator: "\n").filter { $0.contains(" >> ") }.count == 3)
        #expect(text.contains("    dag_id='housing',\n"))
        #expect(text.contains("    schedule=None,\n"))
    }

    @Test func metaBecomesRetriesAndExecutionTimeout() throws {
        let text = try Self.render(ExportFixtures.diamond)
        #expect(text.contains("tasks['c'] = stage_task('c', 'c', execution_timeout=datetime.timedelta(seconds=90))\n"))
        #expect(text.contains("tasks['d'] = stage_task('d', 'd', retries=2, execution_timeout=datetime.timedelta(seconds=1800), doc_md='Joins b and c.')\n"))
        #expect(!text.contains("retries=0"))
    }

    @Test func everyTaskRunsTheStageAndPushesItInAFreshClone() throws {
        let text = try Self.render(ExportFixtures.diamond)
        #expect(text.contains("git clone --quiet -- \"$SLUICE_REPOSITORY\" \"$work/project\""))
        #expect(text.contains("\"$SLUICE\" repro \"$@\" --pull -s \"$SLUICE_STAGE\"\n\"$SLUICE\" push \"$@\" \"$SLUICE_STAGE\"\n"))
        #expect(text.contains("'SLUICE_STAGE': literal(stage),"))
        #expect(text.contains("'SLUICE_REPOSITORY': '{{ params.repository }}',"))
    }

    @Test func theScheduleRepositoryAndFileAreQuoted() throws {
        let text = try Self.render(ExportFixtures.diamond, AirflowDAG(
            dagID: "d", schedule: "17 4 * * 1", repository: "https://example.com/it's.git", pipelineFile: "sub\\dir/pipeline.yaml"))
        #expect(text.contains("    schedule='17 4 * * 1',\n"))
        #expect(text.contains("'repository': Param('https://example.com/it\\'s.git', type='string',"))
        #expect(text.contains("'SLUICE_PIPELINE_FILE': literal('sub\\\\dir/pipeline.yaml'),"))
    }

    /// Names with quotes, backslashes, Jinja braces and non-ASCII text reach the task as
    /// Python literals of the same text, and the file stays ASCII.
    @Test(arguments: [
        ("it's", "'it\\'s'"),
        ("back\\slash", "'back\\\\slash'"),
        ("say \"hi\"", "'say \"hi\"'"),
        ("{{ params.x }}", "'{{ params.x }}'"),
        ("tab\there\nline", "'tab\\there\\nline'"),
        ("é\u{7F}\u{1F600}", "'\\xe9\\x7f\\U0001f600'"),
    ])
    func pythonLiterals(text: String, literal: String) throws {
        let pipeline = ExportedPipeline(stages: [ExportedStage(id: "s", address: text, description: text)], pipelineFile: "pipeline.yaml")
        let rendered = AirflowDAG(dagID: "d").render(pipeline)
        #expect(rendered.contains("tasks['s'] = stage_task('s', \(literal), doc_md=\(literal))\n"))
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 })
    }
}
