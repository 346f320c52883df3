import Basics
import Foundation

extension AWSCredentials {
    /// The credentials to sign with, found where AWS's own tools look: the named
    /// `profile` of the shared credentials file when the remote names one; else the
    /// environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`);
    /// else the profile `AWS_PROFILE` (or `default`) of `AWS_SHARED_CREDENTIALS_FILE`
    /// (or `~/.aws/credentials`). They never come from a project file.
    package static func lookup(profile: String?, environment: [String: String], remote: String) throws(RemoteError) -> AWSCredentials {
        if profile == nil, let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"], !id.isEmpty {
            return AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let file = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials"
        let name = profile ?? environment["AWS_PROFILE"] ?? "default"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw RemoteError(remote: remote, "no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set and \(file) cannot be read",
                              hint: "set the two variables, or run 'aws configure'")
        }
        let entries = INISection.entries(of: name, in: text, file: file)
        func value(_ key: String) -> String? { entries.last { $0.key == key }?.value }
        guard let id = value("aws_access_key_id"), let secret = value("aws_secret_access_key") else {
            throw RemoteError(remote: remote, "profile '\(name)' in \(file) has no aws_access_key_id and aws_secret_access_key",
                              hint: "add them to that profile, or name another with 'sluice remote modify \(remote) profile NAME'")
        }
        return AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: value("aws_session_token"))
    }
}
