/// An Apache Airflow 3 DAG file for an exported pipeline: one `BashOperator` per stage,
/// the stage graph's edges, and DAG params naming the repository each task clones.
///
/// Every task clones the repository into a fresh temporary folder, runs
/// `sluice repro --pull -s STAGE` there and `sluice push STAGE`, then deletes the
/// folder: tasks share nothing but the remote, so any worker (MWAA, Celery, Kubernetes)
/// can run any of them. User text reaches the file only as Python literals, and the
/// stage addresses go through `literal()`, so Jinja never reads them.
package struct AirflowDAG: Sendable {
    /// The DAG's id.
    package var dagID: String
    /// A cron expression or preset (`@daily`) for `schedule`, or `nil` to run only when triggered.
    package var schedule: String?
    /// The default of the `repository` param: the git URL or path each task clones.
    package var repository: String
    /// The pipeline file to pass as `--file`, when the export used one.
    package var pipelineFile: String?

    /// Creates the settings of a DAG file.
    package init(dagID: String, schedule: String? = nil, repository: String = "", pipelineFile: String? = nil) {
        self.dagID = dagID
        self.schedule = schedule
        self.repository = repository
        self.pipelineFile = pipelineFile
    }

    /// The script every task runs; the stage and the params come in through the environment.
    static let script = """
        set -eu
        if [ -z "$SLUICE_REPOSITORY" ]; then
          echo "error: set the DAG param 'repository' to the project's git URL or path" >&2
          exit 2
        fi
        work="$(mktemp -d)"
        trap 'rm -rf "$work"' EXIT
        git clone --quiet -- "$SLUICE_REPOSITORY" "$work/project"
        cd "$work/project"
        if [ -n "$SLUICE_REVISION" ]; then git checkout --quiet "$SLUICE_REVISION"; fi
        set --
        if [ -n "$SLUICE_PIPELINE_FILE" ]; then set -- --file "$SLUICE_PIPELINE_FILE"; fi
        echo "stage $SLUICE_STAGE at $(git rev-parse --short HEAD) in $work/project"
        "$SLUICE" repro "$@" --pull -s "$SLUICE_STAGE"
        "$SLUICE" push "$@" "$SLUICE_STAGE"

        """

    /// The DAG file's text.
    package func render(_ pipeline: ExportedPipeline) -> String {
        var lines = header(pipeline)
        lines += ["", "with DAG("]
        lines += ["    dag_id=\(Quoting.python(dagID)),"]
        lines += ["    description=\(Quoting.python("The sluice pipeline \(pipeline.pipelineFile), one task per stage")),"]
        lines += ["    schedule=\(schedule.map(Quoting.python) ?? "None"),"]
        lines += ["    start_date=datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc),"]
        lines += ["    catchup=False,", "    max_active_runs=1,", "    tags=['sluice'],", "    params={"]
        lines += ["        'repository': Param(\(Quoting.python(repository)), type='string',"]
        lines += ["                            description='The git URL or path of the project: each task clones it into a fresh folder.'),"]
        lines += ["        'revision': Param('', type='string', description='The branch, tag or commit to check out (empty: the default branch).'),"]
        lines += ["        'sluice': Param('sluice', type='string', description='The sluice executable on the workers.'),"]
        lines += ["    },", ") as dag:", "    tasks = {}"]
        for stage in pipeline.stages { lines += task(stage) }
        let edges = pipeline.stages.filter { !$0.upstream.isEmpty }
        if !edges.isEmpty { lines.append("") }
        for stage in edges {
            let upstream = stage.upstream.map { "tasks[\(Quoting.python($0))]" }
            let from = upstream.count == 1 ? upstream[0] : "[" + upstream.joined(separator: ", ") + "]"
            lines.append("    \(from) >> tasks[\(Quoting.python(stage.id))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ pipeline: ExportedPipeline) -> [String] {
        [
            "# The sluice pipeline \(Quoting.python(pipeline.pipelineFile)) as an Apache Airflow 3 DAG, written by",
            "# `sluice export airflow`: export again after changing the stages.",
            "#",
            "# Each task clones the repository (the DAG param `repository`, at `revision`) into a",
            "# fresh folder, brings the stage's inputs from the project's default remote, runs the",
            "# stage when stale and pushes its outputs: the tasks share nothing but the remote.",
            "# The workers need git, the sluice binary (the param `sluice`) and the remote's",
            "# credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or a profile).",
            "import datetime",
            "",
            "from airflow.providers.standard.operators.bash import BashOperator",
            "from airflow.sdk import DAG, Param, literal",
            "",
            "SCRIPT = \"\"\"\\",
        ] + Self.script.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) + [
            "\"\"\"",
            "",
            "",
            "def stage_task(task_id, stage, **settings):",
            "    \"\"\"One stage as a task: SCRIPT with the stage and the DAG params in its environment.\"\"\"",
            "    return BashOperator(",
            "        task_id=task_id,",
            "        bash_command=SCRIPT,",
            "        append_env=True,",
            "        env={",
            "            'SLUICE_STAGE': literal(stage),",
            "            'SLUICE_PIPELINE_FILE': literal(\(Quoting.python(pipelineFile ?? ""))),",
            "            'SLUICE_REPOSITORY': '{{ params.repository }}',",
            "            'SLUICE_REVISION': '{{ params.revision }}',",
            "            'SLUICE': '{{ params.sluice }}',",
            "        },",
            "        **settings,",
            "    )",
            "",
        ]
    }

    private func task(_ stage: ExportedStage) -> [String] {
        var arguments = [Quoting.python(stage.id), Quoting.python(stage.address)]
        if let retries = stage.settings.retries { arguments.append("retries=\(retries)") }
        if let seconds = stage.settings.timeoutSeconds { arguments.append("execution_timeout=datetime.timedelta(seconds=\(seconds))") }
        if let description = stage.description { arguments.append("doc_md=\(Quoting.python(description))") }
        return ["    tasks[\(Quoting.python(stage.id))] = stage_task(\(arguments.joined(separator: ", ")))"]
    }
}
