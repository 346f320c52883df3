import Basics

/// What came back for one `MLflowRequest`.
package struct MLflowResponse: Sendable, Equatable {
    /// The HTTP status; 0 when no response came.
    package var status: Int
    /// The response body as text.
    package var body: String
    /// Why no response came (unreachable, refused, timed out), when none did.
    package var transferError: String?

    /// A response.
    package init(status: Int, body: String = "", transferError: String? = nil) {
        self.status = status
        self.body = body
        self.transferError = transferError
    }

    /// A 2xx answer.
    package var isSuccess: Bool { transferError == nil && (200..<300).contains(status) }

    /// The body as JSON, when it is JSON.
    package var json: JSONValue? { try? JSONReader.parse(body, file: "<mlflow response>") }

    /// MLflow's `error_code` (e.g. `RESOURCE_DOES_NOT_EXIST`), when the body has one.
    package var errorCode: String? {
        if case .string(let code)? = json?["error_code"] { return code }
        return nil
    }

    /// What MLflow said went wrong: `ERROR_CODE: message`, else the start of the
    /// body (a proxy's HTML page, say), else the status.
    package var problem: String {
        if let json, case .string(let message)? = json["message"] {
            return (errorCode.map { "\($0): " } ?? "") + message
        }
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        let status = "HTTP \(status)"
        return firstLine.isEmpty ? status : status + ": " + String(firstLine.prefix(200))
    }
}
