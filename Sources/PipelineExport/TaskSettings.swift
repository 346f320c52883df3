import Basics
import YAML

/// What a stage's `meta:` tells the engines that run it, the same for every exporter:
///
/// ```yaml
/// meta:
///   retries: 2        # run the stage up to 2 more times after a failure
///   timeout: 30m      # stop it after 30 minutes: seconds (90, 90s), minutes (30m) or hours (2h)
/// ```
///
/// Other `meta:` keys are free-form and ignored, as in DVC.
package struct TaskSettings: Sendable, Equatable {
    /// The `meta:` key of the number of retries.
    package static let retriesKey = "retries"
    /// The `meta:` key of the time limit.
    package static let timeoutKey = "timeout"

    /// How many times a failed run is tried again (`nil`: the engine's default).
    package var retries: Int?
    /// The time limit in seconds (`nil`: the engine's default).
    package var timeoutSeconds: Int?

    /// Settings from nothing: the engines' defaults.
    package init(retries: Int? = nil, timeoutSeconds: Int? = nil) {
        self.retries = retries
        self.timeoutSeconds = timeoutSeconds
    }

    /// The settings of `meta` (a stage's `meta:` node), with a located error for a
    /// value that is not a count or a duration.
    package init(meta: YAMLNode?, stage: String) throws(Diagnostic) {
        self.init()
        guard let meta, case .mapping = meta.value else { return }
        if let node = meta[Self.retriesKey] {
            guard let count = node.intValue, count >= 0, count <= 100 else {
                throw Diagnostic.error("stage '\(stage)': meta.\(Self.retriesKey) must be a whole number from 0 to 100", at: node.location,
                                       hint: "for example `retries: 2`")
            }
            retries = count
        }
        if let node = meta[Self.timeoutKey] {
            guard let seconds = Self.seconds(node), seconds > 0 else {
                throw Diagnostic.error("stage '\(stage)': meta.\(Self.timeoutKey) must be a positive duration", at: node.location,
                                       hint: "seconds (`90` or `90s`), minutes (`30m`) or hours (`2h`)")
            }
            timeoutSeconds = seconds
        }
    }

    /// `90`, `90s`, `30m` or `2h` in seconds; `nil` for anything else or an overflow.
    static func seconds(_ node: YAMLNode) -> Int? {
        if let number = node.intValue { return number }
        guard let text = node.stringValue?.trimmingSpaces, let unit = text.last else { return nil }
        let factors: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        guard let factor = factors[unit], let number = Int(text.dropLast()), number >= 0 else { return nil }
        let (seconds, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : seconds
    }
}

extension String {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
