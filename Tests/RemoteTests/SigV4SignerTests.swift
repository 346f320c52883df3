import Foundation
import Testing
@testable import Remote

/// Signature Version 4 against AWS's published test suite (credentials AKIDEXAMPLE,
/// service "service", 2015-08-30) and S3's documented examples (2013-05-24).
@Suite struct SigV4SignerTests {
    static let suite = SigV4Signer(
        credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    static let suiteHeaders = [(name: "Host", value: "example.amazonaws.com"), (name: "X-Amz-Date", value: "20150830T123600Z")]
    static let s3 = SigV4Signer(
        credentials: AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1")

    static func suiteAuthorization(signedHeaders: String, signature: String) -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    @Test(arguments: [
        ("get-vanilla", "GET", [], [], "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        ("post-vanilla", "POST", [], [], "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        ("get-vanilla-query-order-key-case", "GET", [("Param2", "value2"), ("Param1", "value1")], [], "host;x-amz-date",
         "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        ("post-header-value-case", "POST", [], [("My-Header1", "VALUE1")], "host;my-header1;x-amz-date",
         "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
        ("get-header-key-duplicate", "GET", [], [("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")],
         "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
    ] as [(String, String, [(String, String)], [(String, String)], String, String)])
    func awsTestSuite(name: String, method: String, query: [(String, String)], headers: [(String, String)], signed: String, signature: String) {
        let request = SignableRequest(
            method: method, path: "/", query: query.map { (name: $0.0, value: $0.1) },
            headers: Self.suiteHeaders + headers.map { (name: $0.0, value: $0.1) }, payloadHash: SignableRequest.emptyPayloadHash)
        #expect(Self.suite.authorization(request, timestamp: "20150830T123600Z") == Self.suiteAuthorization(signedHeaders: signed, signature: signature), "\(name)")
    }

    @Test func theSuitesCanonicalRequestForAQuery() {
        let request = SignableRequest(method: "GET", path: "/", query: [("Param2", "value2"), ("Param1", "value1")], headers: Self.suiteHeaders,
                                      payloadHash: SignableRequest.emptyPayloadHash)
        #expect(SigV4Signer.canonicalRequest(request).text == """
            GET
            /
            Param1=value1&Param2=value2
            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
    }

    @Test func s3GetObjectExample() {
        let request = SignableRequest(
            method: "GET", path: "/test.txt",
            headers: [("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"),
                      ("x-amz-content-sha256", SignableRequest.emptyPayloadHash), ("x-amz-date", "20130524T000000Z")],
            payloadHash: SignableRequest.emptyPayloadHash)
        #expect(Self.s3.authorization(request, timestamp: "20130524T000000Z") == """
            AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, \
            SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, \
            Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41
            """)
    }

    @Test func s3PutObjectExampleEncodesThePathOnce() {
        let body = "Welcome to Amazon S3."
        let request = SignableRequest(
            method: "PUT", path: "/test$file.text",
            headers: [("Host", "examplebucket.s3.amazonaws.com"), ("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                      ("x-amz-date", "20130524T000000Z"), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                      ("x-amz-content-sha256", "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")],
            payloadHash: "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        #expect(SigV4Signer.canonicalRequest(request).text.hasPrefix("PUT\n/test%24file.text\n\n"))
        #expect(Self.s3.authorization(request, timestamp: "20130524T000000Z").hasSuffix(
            "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"), "\(body)")
    }

    @Test func signingAddsTheDateTheTokenAndTheHeader() {
        var signer = Self.suite
        signer.credentials.sessionToken = "TOKEN"
        let request = SignableRequest(method: "GET", path: "/", headers: [("Host", "example.amazonaws.com")], payloadHash: SignableRequest.emptyPayloadHash)
        let signed = signer.signed(request, at: Date(timeIntervalSince1970: 1_440_938_160))
        #expect(signed.header("x-amz-date") == "20150830T123600Z")
        #expect(signed.header("x-amz-security-token") == "TOKEN")
        #expect(signed.header("authorization")?.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,") == true)
    }

    @Test func encodingKeepsOnlyUnreservedCharacters() {
        #expect(SigV4Signer.percentEncoded("a b/ä~-_.") == "a%20b%2F%C3%A4~-_.")
        #expect(SigV4Signer.trimmedHeaderValue("  a   b  c ") == "a b c")
    }
}
