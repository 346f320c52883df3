import Foundation
import Testing
import _TestSupport

/// `cmd: echo ${train} > out.txt` where `train` is a mapping in params.yaml runs the
/// command DVC would run, and the `parsing` settings change it.
@Suite struct UnpackingTests {
    /// DVC's defaults: `store_true` booleans, `nargs` lists, dotted nested keys.
    static let defaultLine = "--epochs 10 --lr 0.1 --augment --layers 1 2 --opt.name adam\n"
    /// With `boolean_optional` and `append`.
    static let switchedLine = "--epochs 10 --lr 0.1 --augment --no-skip --layers 1 --layers 2 --opt.name adam\n"

    @Test func reproRunsTheUnpackedCommand() throws {
        let project = try FixtureProject("unpack")
        defer { project.directory.remove() }
        let report = try project.repro()
        #expect(report.executed == ["train"])
        #expect(try project.read("out.txt") == Self.defaultLine)
        #expect(try project.read("pipeline.lock").contains("cmd: echo \(Self.defaultLine.dropLast()) > out.txt"))
        #expect(try project.repro().skipped == ["train"])
    }

    @Test func theSluiceConfigChangesTheCommandAndSoRerunsTheStage() throws {
        let project = try FixtureProject("unpack")
        defer { project.directory.remove() }
        try project.repro()
        try project.write(".sluice/config.yaml", "parsing:\n  bool: boolean_optional\n  list: append\n")
        let status = try project.run(["status"])
        #expect(status.status == 0, "stderr: \(status.stderr)")
        #expect(status.stdout == "train:\n    changed command\n")
        #expect(try project.repro().executed == ["train"])
        #expect(try project.read("out.txt") == Self.switchedLine)
    }

    @Test func aDVCConfigIsReadAndTheSluiceConfigWins() throws {
        let project = try FixtureProject("unpack")
        defer { project.directory.remove() }
        try project.write(".dvc/config", "[core]\n    remote = storage\n[parsing]\n    bool = boolean_optional\n    list = append\n")
        try project.repro()
        #expect(try project.read("out.txt") == Self.switchedLine)
        try project.write(".sluice/config.yaml", "parsing: {list: nargs}\n")
        try project.repro()
        #expect(try project.read("out.txt") == "--epochs 10 --lr 0.1 --augment --no-skip --layers 1 2 --opt.name adam\n")
    }

    @Test func changingAValueOfTheMappingMakesTheStageStale() throws {
        let project = try FixtureProject("unpack")
        defer { project.directory.remove() }
        try project.repro()
        try project.write("params.yaml", try project.read("params.yaml").replacingOccurrences(of: "epochs: 10", with: "epochs: 20"))
        let status = try project.run(["status", "--json"])
        let reasons = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: [[String: Any]]]
        let train = reasons?["train"] ?? []
        #expect(train.compactMap { $0["kind"] as? String } == ["command_changed", "param_changed"])
        #expect(train.last?["key"] as? String == "train.epochs")
        #expect(try project.repro().executed == ["train"])
        #expect(try project.read("out.txt") == Self.defaultLine.replacingOccurrences(of: "10", with: "20"))
    }

    @Test func dagDrawsTheStage() throws {
        let project = try FixtureProject("unpack")
        defer { project.directory.remove() }
        let result = try project.run(["dag", "--dot"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"train\";"))
    }

    @Test(arguments: ["dag", "status", "repro"])
    func aMappingInsideALongerWordIsALocatedError(command: String) throws {
        let project = try FixtureProject("unpack")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  train:\n    cmd: echo --x=${train} > out.txt\n    outs: [out.txt]\n")
        let result = try project.run([command])
        #expect(result.status == 2)
        #expect(result.stderr.contains(
            "pipeline.yaml:3:10: error: 'train' is a mapping: in 'cmd' it is unpacked into arguments only as a word of its own"))
        #expect(!project.exists("out.txt"))
    }

    @Test func aBadSettingIsALocatedConfigurationError() throws {
        let project = try FixtureProject("unpack")
        defer { project.directory.remove() }
        try project.write(".sluice/config.yaml", "parsing:\n  list: extend\n")
        let result = try project.run(["repro"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".sluice/config.yaml:2:9: error: parsing.list must be 'nargs' or 'append', not 'extend'"))
        #expect(!project.exists("out.txt"))
    }
}
