/// The version of sluice, in one place: `--version`, run records and model metadata read it.
public enum SluiceVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
