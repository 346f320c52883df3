import Foundation
import Testing
import _TestSupport
@testable import Remote

/// Reading what curl writes: its per-transfer lines and dumped headers.
@Suite struct CurlTests {
    @Test(arguments: [
        ("3 200 0 ", 3, Curl.Response(status: 200, transferError: nil)),
        ("0 000 7 Failed to connect to 127.0.0.1 port 9", 0, Curl.Response(status: 0, transferError: "Failed to connect to 127.0.0.1 port 9")),
        ("1 200 23 ", 1, Curl.Response(status: 200, transferError: "curl exit 23")),
    ])
    func writeOutLines(line: String, index: Int, response: Curl.Response) {
        let parsed = Curl.parsed(line)
        #expect(parsed?.0 == index)
        #expect(parsed?.1 == response)
    }

    @Test func aLineThatIsNotOneIsIgnored() {
        #expect(Curl.parsed("curl: (6) Could not resolve host") == nil)
    }

    @Test func theLastResponsesETagIsRead() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let path = root.path + "/headers"
        let text = "HTTP/1.1 500 Internal\r\netag: \"old\"\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\nETag: \"abc-1\"\r\n\r\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Curl.header("ETag", inFile: path) == "\"abc-1\"")
        #expect(Curl.header("x-amz-request-id", inFile: path) == nil)
    }
}
