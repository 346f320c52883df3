import Foundation
import Testing
import _TestSupport

/// `sluice repro -s STAGE`: exactly that stage, if stale, without its upstream.
@Suite struct SingleStageTests {
    @Test func aStaleUpstreamIsNeitherRunNorAReason() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        _ = try project.repro()
        try project.write("data/raw.txt", "changed input\n")
        let train = try project.repro(["-s", "train"])
        #expect(train.executed.isEmpty && train.skipped == ["train"], "prepare is stale but not selected; train's own inputs did not change")
        #expect(train.outcome("prepare") == nil)
        let prepare = try project.repro(["--single-item", "prepare"])
        #expect(prepare.executed == ["prepare"])
        #expect(try project.read("model.txt").hasPrefix("TRAIN") == false, "train was not run by -s prepare")
        let next = try project.repro(["-s", "train"])
        #expect(next.executed == ["train"], "its dependency changed now")
    }

    @Test func dryRunOfOneStageListsOnlyIt() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let dry = try project.repro(["-s", "prepare", "--dry"])
        #expect(dry.stages.map { $0["stage"] as? String } == ["prepare"])
    }

    @Test func aMissingDependencyOfTheStageFailsItNamingItsProducer() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(["repro", "-s", "train"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dependency 'data/prepared.txt' does not exist; stage 'prepare' produces it"), "\(result.stderr)")
    }

    @Test(arguments: [
        (["repro", "-s", "trian"], "no stage named 'trian'"),
        (["repro", "-s"], "'--single-item' needs the stage to run"),
        (["repro", "-s", "train", "--downstream"], "cannot be used together"),
        (["repro", "-r", "shared", "train"], "add '--pull'"),
    ])
    func misuseIsAConfigurationError(arguments: [String], message: String) throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
