import Foundation
import Testing
import _TestSupport

/// `sluice export airflow` and `sluice export github-actions` run by the binary on a
/// fixture whose last stage sets meta retries and a timeout.
@Suite struct ExportCommandTests {
    /// A folder whose name needs quoting in Python, YAML, the shell and GitHub expressions.
    static let oddFolder = "it's \"odd\" \\ ${{ x }}"

    /// The fixture, plus a pipeline file in `oddFolder` whose stage reads `c.txt`.
    static func project() throws -> FixtureProject {
        let project = try FixtureProject("export")
        try project.write(oddFolder + "/pipeline.yaml", "stages:\n  fit:\n    cmd: cp ../c.txt d.txt\n    deps: [../c.txt]\n    outs: [d.txt]\n")
        return project
    }

    @Test func airflowWritesOneTaskPerStageWithTheGraphsEdges() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let result = try project.run(["export", "airflow", "--out", "dags/team.py", "--repository", "/srv/git/project.git", "--schedule", "@daily"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Wrote dags/team.py (4 tasks)\n")
        let dag = try project.read("dags/team.py")
        #expect(dag.contains("    dag_id='team',\n    description="))
        #expect(dag.contains("    schedule='@daily',\n"))
        #expect(dag.contains("'repository': Param('/srv/git/project.git', type='string',"))
        #expect(dag.contains("tasks['make'] = stage_task('make', 'make')\n"))
        #expect(dag.contains(
            "tasks['join'] = stage_task('join', 'join', retries=3, execution_timeout=datetime.timedelta(seconds=2700), doc_md='Joins the two.')\n"))
        #expect(dag.contains("    tasks['make'] >> tasks['copy']\n"))
        #expect(dag.contains("    [tasks['make'], tasks['copy']] >> tasks['join']\n"))
        let odd = "tasks['it_s__odd________x____pipeline_yaml_fit']"
        #expect(dag.contains("    \(odd) = stage_task('it_s__odd________x____pipeline_yaml_fit', 'it\\'s \"odd\" \\\\ ${{ x }}/pipeline.yaml:fit')\n"))
        #expect(dag.contains("    tasks['join'] >> \(odd)\n"))
    }

    @Test func githubActionsWritesOneJobPerStageToStandardOutput() throws {
        let project = try Self.project()
        defer { project.directory.remove() }
        let result = try project.run(["export", "github-actions", "--out", "-"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("  copy:\n    name: \"copy\"\n    needs: [build-sluice, make]\n"))
        #expect(result.stdout.contains("  join:\n    name: \"join\"\n    needs: [build-sluice, make, copy]\n    runs-on: ubuntu-24.04\n    timeout-minutes: 45\n"))
        #expect(result.stdout.contains(
            "      STAGE: \"it's \\\"odd\\\" \\\\ ${{ '${{' }} x }}/pipeline.yaml:fit\"\n"))
        #expect(!project.exists(".github"))
        let written = try project.run(["export", "github-actions"])
        #expect(written.stdout == "Wrote .github/workflows/pipeline.yml (4 stage jobs)\n")
        #expect(try project.read(".github/workflows/pipeline.yml") == result.stdout)
    }

    @Test func badMetaAndABadScheduleExit2() throws {
        let project = try FixtureProject("export")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", try project.read("pipeline.yaml").replacingOccurrences(of: "timeout: 45m", with: "timeout: soon"))
        let meta = try project.run(["export", "airflow"])
        #expect(meta.status == 2)
        #expect(meta.stderr.contains("pipeline.yaml:17:16: error: stage 'join': meta.timeout must be a positive duration"), "stderr: \(meta.stderr)")
        #expect(!project.exists("dags"))
        let schedule = try project.run(["export", "github-actions", "--schedule", "daily"])
        #expect(schedule.status == 2)
        #expect(schedule.stderr.contains("--schedule"), "stderr: \(schedule.stderr)")
    }
}
