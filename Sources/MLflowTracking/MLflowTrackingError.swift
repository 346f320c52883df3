import Basics

/// What went wrong talking to an MLflow tracking server, naming the server and the
/// sluice run concerned.
package struct MLflowTrackingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server's URL.
    package var server: String
    /// The sluice run, when one run was concerned.
    package var run: String?
    /// What happened.
    package var message: String
    /// What to do about it.
    package var hint: String?

    /// An error about `server` (and `run`).
    package init(server: String, run: String? = nil, _ message: String, hint: String? = nil) {
        self.server = server
        self.run = run
        self.message = message
        self.hint = hint
    }

    /// The error for a failed response: unreachable, or MLflow's own message.
    package init(server: String, run: String?, doing action: String, response: MLflowResponse) {
        if response.status == 0 {
            self.init(server: server, run: run, "cannot reach the server while \(action): \(response.transferError ?? "no response")",
                      hint: "check the URL and that 'mlflow server' is running there")
        } else {
            self.init(server: server, run: run, "\(action) failed: \(response.problem)",
                      hint: Self.hint(for: response))
        }
    }

    private static func hint(for response: MLflowResponse) -> String? {
        switch response.status {
        case 401, 403: "set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD"
        case 404 where response.errorCode == nil: "give --mlflow the server's root URL (http://HOST:PORT, as 'mlflow server' prints it)"
        default: nil
        }
    }

    /// `MLflow server URL: run ID: MESSAGE`.
    package var description: String {
        "MLflow server \(server)" + (run.map { ": run \($0)" } ?? "") + ": " + message
    }

    /// The error as a diagnostic: a failure (exit 1), with the hint.
    package var diagnostic: Diagnostic { Diagnostic.failure(description, hint: hint) }
}
