import Foundation
import Testing
import _TestSupport

/// Several pipeline files, one graph: `pipeline.yaml` at the root and in `a/` and `b/`,
/// where `b/pipeline.yaml:use` reads what `a/pipeline.yaml:make` writes.
@Suite struct MultiFileTests {
    @Test func reproAtTheRootRunsEveryFileInDependencyOrderWithALockFileBesideEach() throws {
        let project = try FixtureProject("multi-file")
        defer { project.directory.remove() }
        let report = try project.repro()
        #expect(Set(report.executed) == ["a/pipeline.yaml:make", "a/pipeline.yaml:train", "b/pipeline.yaml:use",
                                         "b/pipeline.yaml:train", "report"])
        let position = Dictionary(uniqueKeysWithValues: report.executed.enumerated().map { ($1, $0) })
        #expect(position["a/pipeline.yaml:make"]! < position["b/pipeline.yaml:use"]!)
        #expect(position["b/pipeline.yaml:use"]! < position["report"]!)
        #expect(try project.read("report.txt") == "made\n")
        #expect(try project.read("a/trained.txt") == "a\n" && project.read("b/trained.txt") == "b\n")
        // Each lock file keys its own stages by bare name, as dvc.lock does.
        let (rootLock, aLock, bLock) = (try project.read("pipeline.lock"), try project.read("a/pipeline.lock"), try project.read("b/pipeline.lock"))
        #expect(rootLock.contains("  report:\n") && !rootLock.contains("make"))
        #expect(aLock.contains("  make:\n") && aLock.contains("  train:\n") && !aLock.contains("use"))
        #expect(bLock.contains("  use:\n") && bLock.contains("path: ../a/made.txt") && !bLock.contains("make:"))
        // The run records the whole repro, its lock copy keyed by address.
        let copy = try project.read("runs/\(try #require(report.run))/pipeline.lock")
        #expect(copy.contains("  a/pipeline.yaml:make:\n") && copy.contains("  b/pipeline.yaml:use:\n") && copy.contains("  report:\n"))
        #expect(try project.repro().executed.isEmpty)
    }

    @Test func anAddressRunsThatStageAndItsUpstreamOnly() throws {
        let project = try FixtureProject("multi-file")
        defer { project.directory.remove() }
        #expect(try project.repro(["b/pipeline.yaml:train"]).executed == ["b/pipeline.yaml:train"])
        #expect(try project.repro(["b/pipeline.yaml:use"]).executed == ["a/pipeline.yaml:make", "b/pipeline.yaml:use"])
        // A bare name that one stage has; the root file's stage by its bare address.
        #expect(try project.repro(["report", "--force"]).executed == ["a/pipeline.yaml:make", "b/pipeline.yaml:use", "report"])
        #expect(try project.repro(["a/pipeline.yaml"]).executed == ["a/pipeline.yaml:train"])
    }

    @Test func recursiveTakesEveryStageOfTheFilesInAFolder() throws {
        let project = try FixtureProject("multi-file")
        defer { project.directory.remove() }
        let report = try project.repro(["-R", "b"])
        #expect(Set(report.executed) == ["a/pipeline.yaml:make", "b/pipeline.yaml:use", "b/pipeline.yaml:train"])
        #expect(!project.exists("report.txt") && !project.exists("a/trained.txt"))
        let status = try project.run(["status", "-R", "a"])
        #expect(status.stdout == "a/pipeline.yaml:train:\n    never run\n", "\(status.stdout)\(status.stderr)")
        // From inside b/, after the first repro made the root's .sluice/, `-R .` is b/.
        let inside = try project.run(["status", "-R", "."], in: "b")
        #expect(inside.status == 0 && inside.stdout == "Data and pipelines are up to date.\n", "\(inside.stdout)\(inside.stderr)")
        let dag = try project.run(["dag", "--json", "-R", "b"])
        #expect(dag.stdout.contains("\"from\": \"a/pipeline.yaml:make\",\n      \"to\": \"b/pipeline.yaml:use\""), "\(dag.stdout)")
        #expect(!dag.stdout.contains("\"report\""))
    }

    @Test func anAmbiguousBareNameIsAnErrorListingTheAddresses() throws {
        let project = try FixtureProject("multi-file")
        defer { project.directory.remove() }
        for command in [["repro", "train"], ["status", "train"], ["dag", "train"]] {
            let result = try project.run(command)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix(
                "error: stage name 'train' is ambiguous: a/pipeline.yaml:train, b/pipeline.yaml:train\n"
                + "  hint: name the stage by its address, e.g. 'a/pipeline.yaml:train'"), "\(command): \(result.stderr)")
        }
        let unknown = try project.run(["repro", "b/pipeline.yaml:trian"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no stage named 'trian' in b/pipeline.yaml") && unknown.stderr.contains("did you mean 'b/pipeline.yaml:train'?"))
        #expect(!project.exists("a/trained.txt") && !project.exists("b/trained.txt"))
    }

    @Test func theGraphSpansFiles() throws {
        let project = try FixtureProject("multi-file")
        defer { project.directory.remove() }
        let dot = try project.run(["dag", "--dot", "report"])
        #expect(dot.stdout == """
            strict digraph {
                "a/pipeline.yaml:make";
                "b/pipeline.yaml:use";
                "report";
                "a/pipeline.yaml:make" -> "b/pipeline.yaml:use";
                "b/pipeline.yaml:use" -> "report";
            }

            """)
    }

    @Test func diagnosticsNameTheirOwnFileAndDuplicateOutputsNameBothPlaces() throws {
        let project = try FixtureProject("multi-file")
        defer { project.directory.remove() }
        try project.write("b/pipeline.yaml", """
            stages:
              use:
                cmd: echo > ../a/made.txt
                outs: [../a/made.txt]
                dep: [x]

            """)
        let result = try project.run(["status"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("b/pipeline.yaml:5:5: error: unknown key 'dep' in stage 'use'"), "\(result.stderr)")
        #expect(result.stderr.contains(
            "b/pipeline.yaml:4:12: error: output 'a/made.txt' of stage 'b/pipeline.yaml:use' is already an output of stage "
            + "'a/pipeline.yaml:make' (a/pipeline.yaml:4:12)"), "\(result.stderr)")
        // From a subfolder of a marked root the names stay root-relative, and the quoted line is still found.
        try FileManager.default.createDirectory(atPath: project.directory.url(".sluice"), withIntermediateDirectories: true)
        let inside = try project.run(["status"], in: "b")
        #expect(inside.status == 2)
        #expect(inside.stderr.contains("b/pipeline.yaml:5:5: error: unknown key 'dep' in stage 'use'\n        dep: [x]\n        ^"),
                "\(inside.stderr)")
    }

    @Test func fileKeepsWorkingOnOneFile() throws {
        let project = try FixtureProject("multi-file")
        defer { project.directory.remove() }
        let result = try project.run(["-f", "a/pipeline.yaml", "repro", "--json", "train"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try ReproReportJSON(result.stdout).executed == ["train"])
        #expect(project.exists("a/pipeline.lock") && !project.exists("pipeline.lock"))
    }
}
