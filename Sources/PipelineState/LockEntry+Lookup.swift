/// Finding recorded paths by declared path when a stage has many.
extension LockEntry {
    /// Recorded paths by declared path (the first of a repeated one), as
    /// `dependency(_:)` and `output(_:)` find them: a scan while the list is short, a
    /// dictionary once it is long, so a stage with thousands of dependencies is not
    /// checked pair by pair.
    package struct PathLookup: Sendable {
        /// Above this many paths, lookups go through a dictionary instead of a scan.
        static let scanLimit = 16

        private let paths: [LockedPath]
        private let index: [String: LockedPath]?

        /// A lookup over `paths`.
        package init(_ paths: [LockedPath]) {
            self.paths = paths
            index = paths.count > Self.scanLimit ? Dictionary(paths.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }) : nil
        }

        /// The recorded path declared as `declaredPath`.
        package subscript(_ declaredPath: String) -> LockedPath? {
            if let index { return index[declaredPath] }
            return paths.first { $0.path == declaredPath }
        }
    }

    /// The recorded dependencies, for looking up many.
    package var dependencyLookup: PathLookup { PathLookup(dependencies) }

    /// The recorded outputs, for looking up many.
    package var outputLookup: PathLookup { PathLookup(outputs) }
}
