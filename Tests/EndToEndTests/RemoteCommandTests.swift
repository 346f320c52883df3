import Foundation
import Testing
import _TestSupport

/// `sluice remote add/list/modify/default/remove` on the settings files.
@Suite struct RemoteCommandTests {
    @Test func addModifyListRemove() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        for arguments in [
            ["remote", "add", "-d", "storage", "s3://team-bucket/cache"], ["remote", "modify", "storage", "endpointurl", "http://127.0.0.1:5000"],
            ["remote", "add", "--local", "shared", "/mnt/shared/cache"],
        ] {
            let result = try project.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let shared = try String(contentsOfFile: project.directory.path + "/sluice.yaml", encoding: .utf8)
        #expect(shared.contains("default_remote: storage\nremotes:\n  storage:\n    url: s3://team-bucket/cache\n    endpointurl: http://127.0.0.1:5000\n"))
        #expect(!shared.contains("shared"))
        let list = try project.run(["remote", "list", "--json"])
        let remotes = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(remotes.map { $0["name"] as? String } == ["storage", "shared"])
        #expect(remotes.map { $0["default"] as? Bool } == [true, false])
        #expect(try project.run(["remote", "remove", "storage"]).status == 0)
        #expect(try !String(contentsOfFile: project.directory.path + "/sluice.yaml", encoding: .utf8).contains("default_remote"))
    }

    @Test(arguments: [
        (["remote", "add", "r", "gs://bucket"], "error: remote r: 'gs://bucket' is not a remote sluice can use"),
        (["remote", "modify", "r", "endponturl", "x"], "error: no remote named 'r'"),
        (["remote", "default", "nope"], "error: no remote named 'nope'"),
        (["remote", "modify", "r", "url"], "error: give the new value of url, or --unset to remove it"),
    ])
    func mistakesExitTwoAndSayWhatToDo(arguments: [String], expected: String) throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        let result = try project.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    }

    @Test func credentialsInASettingsFileAreRefused() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("sluice.yaml", "remotes:\n  storage:\n    url: s3://b/c\n    secret_access_key: abc\n")
        let result = try project.run(["remote", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("sluice.yaml:4:5: error: sluice.yaml must not hold credentials ('secret_access_key')"), "\(result.stderr)")
    }
}
