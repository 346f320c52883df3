/// The version of sluice, in one place: `--version`, run records and model metadata read it.
package enum SluiceVersion {
    /// Semantic version of this build.
    package static let current = "0.1.0"
}
