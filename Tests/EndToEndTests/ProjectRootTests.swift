import Foundation
import Testing
import _TestSupport

/// The project root is the folder holding `.sluice/` (or, before the first repro, the
/// git work tree's root): a pipeline file may live in a subfolder and name paths above
/// its own folder, as DVC projects do.
@Suite struct ProjectRootTests {
    /// `pipelines/x/dvc.yaml`: one stage with `wdir: ../..`, one reading `../../data/raw.csv`.
    static func subfolderProject(marker: String) throws -> FixtureProject {
        let project = try FixtureProject("subfolder-pipeline")
        try FileManager.default.createDirectory(atPath: project.directory.url(marker), withIntermediateDirectories: true)
        return project
    }

    @Test(arguments: [".sluice", ".git"])
    func aSubfolderPipelineWithWdirAboveItRunsAtTheRoot(marker: String) throws {
        let project = try Self.subfolderProject(marker: marker)
        defer { project.directory.remove() }
        let report = try project.repro()
        #expect(report.executed == ["pipelines/x/dvc.yaml:prepare", "pipelines/x/dvc.yaml:count"])
        #expect(try project.read("data/prepared.csv") == "ID,VALUE\n1,A\n2,B\n")
        #expect(try project.read("pipelines/x/count.txt") == "6\n")
        // The lock file lies beside its pipeline file and records paths as declared.
        let lock = try project.read("pipelines/x/dvc.lock")
        #expect(lock.contains("  prepare:\n") && lock.contains("path: data/raw.csv") && lock.contains("path: ../../data/raw.csv"))
        #expect(lock.contains("threshold: 3"))
        #expect(!project.exists("dvc.lock") && !project.exists("pipelines/x/.sluice"))
        // State and runs live at the root.
        let run = try #require(report.run)
        #expect(project.exists(".sluice/cache") && project.exists("runs/\(run)/run.json"))
        #expect(project.exists("runs/\(run)/logs/pipelines/x/dvc.yaml:prepare.log"))
    }

    @Test func theSameProjectIsFoundFromTheRootAndFromTheSubfolder() throws {
        let project = try Self.subfolderProject(marker: ".sluice")
        defer { project.directory.remove() }
        try project.repro()
        for folder in [".", "pipelines/x", "data"] {
            let status = try project.run(["status"], in: folder)
            #expect(status.status == 0 && status.stdout == "Data and pipelines are up to date.\n", "\(folder): \(status.stderr)")
        }
        try project.write("data/raw.csv", "id,value\n1,c\n")
        let changed = try project.run(["status"], in: "pipelines/x")
        #expect(changed.stdout == """
            pipelines/x/dvc.yaml:prepare:
                changed deps: modified data/raw.csv
            pipelines/x/dvc.yaml:count:
                changed deps: modified ../../data/raw.csv
                upstream stage 'pipelines/x/dvc.yaml:prepare' will run

            """)
    }

    @Test func withoutAMarkerTheSubfolderIsItsOwnProjectAndWdirAboveItIsALocatedError() throws {
        let project = try FixtureProject("subfolder-pipeline")
        defer { project.directory.remove() }
        let result = try project.run(["status"], in: "pipelines/x")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dvc.yaml:5:11: error: 'wdir' ../.. is outside the project root"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("raw.csv"), "a dependency outside a root is no error: \(result.stderr)")
    }

    @Test func aDependencyOutsideTheRootIsHashedShownExternalAndRerunsTheStage() throws {
        let project = try FixtureProject("external-paths")
        defer { project.directory.remove() }
        let first = try ReproReportJSON(try project.run(["repro", "--json"], in: "project").stdout)
        #expect(first.executed == ["join"])
        #expect(try project.read("project/joined.txt") == "a\nb\n")
        let lock = try project.read("project/pipeline.lock")
        #expect(lock.contains("path: ../shared/lookup.txt\n        sha256: "))
        // Read-only: never cached (the cache holds the output alone), never written.
        let objects = try FileManager.default.subpathsOfDirectory(atPath: project.directory.url("project/.sluice/cache/files"))
            .filter { !$0.hasSuffix("/") && $0.split(separator: "/").count == 3 }
        #expect(objects.count == 1, "\(objects)")

        let dag = try project.run(["dag"], in: "project")
        #expect(dag.stdout.contains("external dependencies (outside the project root):\n    ../shared/lookup.txt -> join"))
        let dagJSON = try project.run(["dag", "--json"], in: "project")
        #expect(dagJSON.stdout.contains("\"external\": [\n    {\n      \"path\": \"../shared/lookup.txt\",\n      \"to\": \"join\""),
                "\(dagJSON.stdout)")
        #expect(try project.run(["status"], in: "project").stdout == "Data and pipelines are up to date.\n")

        try project.write("shared/lookup.txt", "a\nb\nc\n")
        let status = try project.run(["status"], in: "project")
        #expect(status.stdout == "join:\n    changed deps: modified ../shared/lookup.txt (external)\n")
        let json = try project.run(["status", "--json"], in: "project")
        #expect(json.stdout.contains("\"path\": \"../shared/lookup.txt\",\n      \"external\": true"), "\(json.stdout)")
        let second = try ReproReportJSON(try project.run(["repro", "--json"], in: "project").stdout)
        #expect(second.executed == ["join"])
        #expect(second.reasonKinds("join") == ["dep_modified"])
        #expect(try project.read("project/joined.txt") == "a\nb\nc\n")
    }

    @Test func anOutputOutsideTheRootIsRefusedByReproWithItsPlaceAndNothingIsWritten() throws {
        let project = try FixtureProject("external-paths")
        defer { project.directory.remove() }
        try project.write("project/pipeline.yaml", """
            stages:
              export:
                cmd: echo exported > ../shared/exported.txt
                outs: [../shared/exported.txt]

            """)
        for arguments in [["repro"], ["repro", "--dry"], ["repro", "export"]] {
            let result = try project.run(arguments, in: "project")
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix(
                "pipeline.yaml:4:12: error: output '../shared/exported.txt' of stage 'export' is outside the project root"),
                "stderr: \(result.stderr)")
        }
        #expect(!project.exists("shared/exported.txt"))
        #expect(!project.exists("project/pipeline.lock") && !project.exists("project/runs"))
        #expect(!project.exists("project/.sluice/cache"))
        // The graph and the status still show.
        #expect(try project.run(["dag"], in: "project").status == 0)
        #expect(try project.run(["status"], in: "project").stdout.contains("export:\n    never run"))
    }
}
