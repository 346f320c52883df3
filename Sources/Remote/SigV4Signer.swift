import Basics
import Foundation

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`), as S3 checks it: the canonical
/// request, the string to sign over its hash, the signing key chained through the
/// date, region and service, and the `Authorization` header. Checked against AWS's
/// published test suite and S3's documented examples.
package struct SigV4Signer: Sendable {
    /// Who signs.
    package var credentials: AWSCredentials
    /// The region in the credential scope (`us-east-1`).
    package var region: String
    /// The service in the credential scope (`s3`).
    package var service: String

    /// A signer for `service` in `region`.
    package init(credentials: AWSCredentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// `request` with `x-amz-date` (and the session token, when there is one) added,
    /// then its `Authorization` header.
    package func signed(_ request: SignableRequest, at date: Date) -> SignableRequest {
        var request = request
        let stamp = Self.timestamp(date)
        if request.header("x-amz-date") == nil { request.headers.append(("X-Amz-Date", stamp)) }
        if let token = credentials.sessionToken, request.header("x-amz-security-token") == nil {
            request.headers.append(("X-Amz-Security-Token", token))
        }
        request.headers.append(("Authorization", authorization(request, timestamp: stamp)))
        return request
    }

    /// The `Authorization` header's value for `request` signed at `timestamp`
    /// (`20150830T123600Z`, the request's `x-amz-date`).
    package func authorization(_ request: SignableRequest, timestamp: String) -> String {
        let canonical = Self.canonicalRequest(request)
        let scope = credentialScope(day: String(timestamp.prefix(8)))
        let signature = HMAC.sha256(key: signingKey(day: String(timestamp.prefix(8))), message: Array(stringToSign(canonical: canonical.text, timestamp: timestamp, scope: scope).utf8))
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature.hex)"
    }

    /// `day/region/service/aws4_request`.
    func credentialScope(day: String) -> String { "\(day)/\(region)/\(service)/aws4_request" }

    /// What is signed: the algorithm, the time, the scope and the canonical request's hash.
    func stringToSign(canonical: String, timestamp: String, scope: String) -> String {
        "AWS4-HMAC-SHA256\n\(timestamp)\n\(scope)\n" + SHA256.hash(Array(canonical.utf8)).hex
    }

    /// The key for one day, region and service: HMACs chained from the secret.
    func signingKey(day: String) -> [UInt8] {
        var key = Array(("AWS4" + credentials.secretAccessKey).utf8)
        for part in [day, region, service, "aws4_request"] { key = HMAC.sha256(key: key, message: Array(part.utf8)).bytes }
        return key
    }

    /// `20150830T123600Z` for `date` in UTC.
    package static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.year ?? 1970)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
    }
}
