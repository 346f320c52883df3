/// Sends requests to one MLflow server: `CurlTransport` for real, a recording fake in tests.
package protocol MLflowTransport: Sendable {
    /// The server's URL (`http://host:port`, no trailing slash), for messages.
    var server: String { get }

    /// Sends `requests`, at most `parallel` at once; one response per request, in order.
    /// Throws only when nothing could be sent at all (no curl).
    func send(_ requests: [MLflowRequest], parallel: Int) throws(MLflowTrackingError) -> [MLflowResponse]
}
