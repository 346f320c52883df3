import Foundation
import Testing
import _TestSupport
@testable import Remote

@Suite struct RemoteDefinitionTests {
    @Test(arguments: [
        ("s3://bucket/some/prefix", RemoteDefinition.Location.s3(bucket: "bucket", prefix: "/some/prefix")),
        ("s3://bucket", .s3(bucket: "bucket", prefix: "")),
        ("file:///mnt/shared/cache", .directory("/mnt/shared/cache")),
        ("/mnt/shared/cache", .directory("/mnt/shared/cache")),
        ("../cache", .directory("../cache")),
    ])
    func urlsNameTheirPlace(url: String, expected: RemoteDefinition.Location) throws {
        #expect(try RemoteDefinition(name: "r", url: url).location() == expected)
    }

    @Test(arguments: [
        ("s3:///prefix", "remote r: 's3:///prefix' names no bucket"),
        ("gs://bucket", "remote r: 'gs://bucket' is not a remote sluice can use"),
        ("", "remote r: the URL is empty"),
    ])
    func badURLsAreClearErrors(url: String, expected: String) {
        #expect(throws: RemoteError.self) { try RemoteDefinition(name: "r", url: url).location() }
        do { _ = try RemoteDefinition(name: "r", url: url).location() } catch { #expect(error.description == expected) }
    }

    @Test func theEnvironmentSignsUnlessAProfileIsNamed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("credentials", """
            [default]
            aws_access_key_id = DEFAULTID
            aws_secret_access_key = defaultsecret
            [team]
            aws_access_key_id = TEAMID
            aws_secret_access_key = "team secret"
            aws_session_token = TOKEN
            """)
        let environment = ["AWS_ACCESS_KEY_ID": "ENVID", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SHARED_CREDENTIALS_FILE": file]
        #expect(try AWSCredentials.lookup(profile: nil, environment: environment, remote: "r") == AWSCredentials(accessKeyID: "ENVID", secretAccessKey: "envsecret"))
        #expect(try AWSCredentials.lookup(profile: "team", environment: environment, remote: "r")
            == AWSCredentials(accessKeyID: "TEAMID", secretAccessKey: "team secret", sessionToken: "TOKEN"))
        #expect(try AWSCredentials.lookup(profile: nil, environment: ["AWS_SHARED_CREDENTIALS_FILE": file], remote: "r").accessKeyID == "DEFAULTID")
        #expect(try AWSCredentials.lookup(profile: nil, environment: ["AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "team"], remote: "r").accessKeyID == "TEAMID")
    }

    @Test func missingCredentialsSayWhatToDo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            _ = try AWSCredentials.lookup(profile: nil, environment: ["AWS_SHARED_CREDENTIALS_FILE": directory.path + "/none"], remote: "r")
            Issue.record("credentials out of nothing")
        } catch {
            #expect(error.message.hasPrefix("no AWS credentials"))
            #expect(error.hint == "set the two variables, or run 'aws configure'")
        }
        let file = try directory.write("credentials", "[default]\naws_access_key_id = X\n")
        do {
            _ = try AWSCredentials.lookup(profile: "default", environment: ["AWS_SHARED_CREDENTIALS_FILE": file], remote: "r")
            Issue.record("half a profile accepted")
        } catch {
            #expect(error.message == "profile 'default' in \(file) has no aws_access_key_id and aws_secret_access_key")
        }
    }

    @Test func aDirectoryRemoteIsTakenFromTheRoot() throws {
        let storage = try RemoteDefinition(name: "shared", url: "cache-remote").storage(root: "/project", environment: [:])
        #expect((storage as? DirectoryRemote)?.directory == "/project/cache-remote")
        #expect(storage.displayName == "shared (cache-remote)")
    }
}
