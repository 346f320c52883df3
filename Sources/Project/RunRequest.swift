/// How a repro is recorded in runs/: the run's name and the command line that started it.
package struct RunRequest: Sendable {
    /// The name given with `--name`, if any.
    package var name: String?
    /// The command line as run.json records it, starting with `sluice`.
    package var command: [String]
    /// Keep the run even when no stage ran or was restored (an experiment is a record
    /// of its parameters and metrics, even when everything was up to date).
    package var keepWhenNothingRan = false

    /// A request to record a run named `name`, started by `command`.
    package init(name: String?, command: [String]) {
        self.name = name
        self.command = command
    }
}
