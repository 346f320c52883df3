/// What signs requests to S3: an access key and its secret, and the session token
/// that temporary credentials carry.
package struct AWSCredentials: Sendable, Equatable {
    /// The access key id (`AKIA…`), sent in the clear as part of the credential scope.
    package var accessKeyID: String
    /// The secret access key; it only ever keys the HMAC, never travels.
    package var secretAccessKey: String
    /// The session token of temporary credentials (`x-amz-security-token`).
    package var sessionToken: String?

    /// Credentials from their parts.
    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}
