/// A GitHub Actions workflow for an exported pipeline: a job that builds sluice as
/// `.github/workflows/retrain.yml` does (the `swift:6.3-noble` container, the build
/// cache), then one job per stage with `needs:` from the stage graph, so independent
/// stages run on separate runners.
///
/// Each stage job checks the repository out, installs the binary the build job made
/// (static: it runs on the plain runner), runs `sluice repro --pull -s STAGE` and
/// `sluice push STAGE` against the default remote with the repository secrets
/// `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`. Stage addresses reach scripts only
/// through `env:`, quoted for YAML with `${{` neutralised, never inside a script.
package struct GitHubActionsWorkflow: Sendable {
    /// The workflow's `name:`.
    package var name: String
    /// A cron expression for `on.schedule`, or `nil` to run only when started by hand.
    package var schedule: String?
    /// The pipeline file to pass as `--file`, when the export used one.
    package var pipelineFile: String?

    /// Creates the settings of a workflow file.
    package init(name: String = "pipeline", schedule: String? = nil, pipelineFile: String? = nil) {
        self.name = name
        self.schedule = schedule
        self.pipelineFile = pipelineFile
    }

    /// The workflow's text.
    package func render(_ pipeline: ExportedPipeline) -> String {
        let build = buildJobID(avoiding: pipeline.stages.map(\.id))
        var lines = [
            "# The sluice pipeline \(pipeline.pipelineFile.debugDescription) as a GitHub Actions workflow, written by",
            "# `sluice export github-actions`: export again after changing the stages.",
            "#",
            "# One job per stage, with `needs:` from the stage graph. Each checks out the repository,",
            "# brings the stage's inputs from the project's default remote, runs the stage when stale",
            "# and pushes its outputs: the jobs share nothing but the remote. Its credentials come",
            "# from the repository secrets AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
            "name: \(Quoting.actions(name))",
            "",
            "on:",
            "  workflow_dispatch:",
        ]
        if let schedule { lines += ["  schedule:", "    - cron: \(Quoting.actions(schedule))"] }
        lines += ["", "permissions:", "  contents: read", "", "jobs:"]
        lines += buildJob(id: build)
        for stage in pipeline.stages { lines += [""] + job(stage, build: build) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `build-sluice`, or with a suffix when a stage's job has that id.
    private func buildJobID(avoiding ids: [String]) -> String {
        let taken = Set(ids.map { $0.lowercased() })
        var id = "build-sluice", counter = 2
        while taken.contains(id) {
            id = "build-sluice-\(counter)"
            counter += 1
        }
        return id
    }

    private func buildJob(id: String) -> [String] {
        [
            "  \(id):",
            "    name: Build sluice",
            "    runs-on: ubuntu-24.04",
            "    container: swift:6.3-noble",
            "    timeout-minutes: 60",
            "    steps:",
            "      - uses: actions/checkout@v5",
            "",
            "      - name: Restore the build",
            "        uses: actions/cache@v5",
            "        with:",
            "          path: .build",
            "          key: sluice-${{ runner.os }}-${{ hashFiles('Package.swift', 'Sources/**/*.swift', 'Sources/**/*.c', 'Sources/**/*.h') }}",
            "          restore-keys: |",
            "            sluice-${{ runner.os }}-",
            "",
            "      - name: Build",
            "        run: swift build -c release --product sluice",
            "",
            "      - name: Keep the binary for the stage jobs",
            "        uses: actions/upload-artifact@v6",
            "        with:",
            "          name: sluice",
            "          path: .build/release/sluice",
            "          retention-days: 1",
        ]
    }

    private func job(_ stage: ExportedStage, build: String) -> [String] {
        var lines = ["  \(stage.id):", "    name: \(Quoting.actions(stage.address))"]
        lines.append("    needs: [\(([build] + stage.upstream).joined(separator: ", "))]")
        lines.append("    runs-on: ubuntu-24.04")
        if let seconds = stage.settings.timeoutSeconds { lines.append("    timeout-minutes: \((seconds + 59) / 60)") }
        lines += [
            "    env:",
            "      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}",
            "      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}",
            "      STAGE: \(Quoting.actions(stage.address))",
        ]
        if let pipelineFile { lines.append("      SLUICE_PIPELINE_FILE: \(Quoting.actions(pipelineFile))") }
        let file = pipelineFile == nil ? "" : " --file \"$SLUICE_PIPELINE_FILE\""
        lines += [
            "    steps:",
            "      - uses: actions/checkout@v5",
            "",
            "      - uses: actions/download-artifact@v7",
            "        with:",
            "          name: sluice",
            "          path: ${{ runner.temp }}/sluice",
            "",
            "      - name: Install sluice",
            "        run: |",
            "          chmod +x \"$RUNNER_TEMP/sluice/sluice\"",
            "          echo \"$RUNNER_TEMP/sluice\" >> \"$GITHUB_PATH\"",
            "",
            "      - name: Pull the inputs and run the stage",
        ]
        if let retries = stage.settings.retries, retries > 0 {
            lines += [
                "        run: |",
                "          for attempt in $(seq 0 \(retries)); do",
                "            if sluice repro\(file) --pull -s \"$STAGE\"; then exit 0; fi",
                "            echo \"::warning::attempt $attempt of the stage failed\"",
                "          done",
                "          exit 1",
            ]
        } else {
            lines.append("        run: sluice repro\(file) --pull -s \"$STAGE\"")
        }
        lines += ["", "      - name: Push the outputs", "        run: sluice push\(file) \"$STAGE\""]
        return lines
    }
}
