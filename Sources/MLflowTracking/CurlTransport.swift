import Basics
import Foundation
import Remote

/// `MLflowTransport` over the system's `curl` (the same runner the S3 remote uses):
/// each batch is one curl process over reused connections. JSON bodies and answers
/// pass through files in a private temporary folder.
package struct CurlTransport: MLflowTransport {
    package let server: String
    /// Sent with every request: `Authorization` from MLflow's own environment variables.
    let headers: [(name: String, value: String)]

    /// A transport to `server`, authenticating as MLflow's client does: a bearer
    /// `MLFLOW_TRACKING_TOKEN`, else `MLFLOW_TRACKING_USERNAME` and `MLFLOW_TRACKING_PASSWORD`.
    package init(server: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.server = server
        if let token = environment["MLFLOW_TRACKING_TOKEN"], !token.isEmpty {
            headers = [("Authorization", "Bearer " + token)]
        } else if let user = environment["MLFLOW_TRACKING_USERNAME"], let password = environment["MLFLOW_TRACKING_PASSWORD"] {
            headers = [("Authorization", "Basic " + Data((user + ":" + password).utf8).base64EncodedString())]
        } else {
            headers = []
        }
    }

    package func send(_ requests: [MLflowRequest], parallel: Int) throws(MLflowTrackingError) -> [MLflowResponse] {
        guard !requests.isEmpty else { return [] }
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("sluice-mlflow-\(UUID().uuidString)").path
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw MLflowTrackingError(server: server, "cannot make a temporary folder for the requests: \(error.localizedDescription)")
        }
        defer { try? files.removeItem(atPath: folder) }
        var exchanges: [Curl.Request] = []
        for (index, request) in requests.enumerated() {
            // No `Expect: 100-continue` pause before each body.
            var requestHeaders = headers + [("Expect", "")]
            var upload: String?
            switch request.body {
            case .none: break
            case .file(let path): upload = path
            case .json(let value):
                upload = folder + "/request-\(index).json"
                guard files.createFile(atPath: upload ?? "", contents: Data(JSONWriter(indent: nil).string(value).utf8)) else {
                    throw MLflowTrackingError(server: server, "cannot write a request body in \(folder)")
                }
                requestHeaders.append(("Content-Type", "application/json"))
            }
            exchanges.append(Curl.Request(request.method, server + request.target, headers: requestHeaders,
                                          body: upload, response: folder + "/response-\(index)"))
        }
        switch Curl.run(exchanges, parallel: parallel) {
        case .failure(let failure):
            throw MLflowTrackingError(server: server, failure.message)
        case .success(let responses):
            return responses.enumerated().map { index, response in
                let body = (try? String(contentsOfFile: folder + "/response-\(index)", encoding: .utf8)) ?? ""
                return MLflowResponse(status: response.status, body: body, transferError: response.transferError)
            }
        }
    }
}
