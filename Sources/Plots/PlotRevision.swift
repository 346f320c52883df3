/// One version of the project's files that plots are drawn from: the workspace, or a
/// recorded run whose outputs are read from the content cache.
package struct PlotRevision: Sendable {
    /// How legends and messages name it (`workspace`, a run id).
    package var name: String
    /// The absolute path holding this version of a root-relative file, or nil when the
    /// revision has no such file.
    package var locate: @Sendable (String) -> String?

    /// A revision named `name` whose files `locate` finds.
    package init(name: String, locate: @escaping @Sendable (String) -> String?) {
        self.name = name
        self.locate = locate
    }
}
