/// How bad drift is, for a feature and for a data set, in increasing order.
package enum DriftLevel: String, Sendable, CaseIterable, Comparable {
    /// Nothing drifted.
    case none
    /// Some features drifted a little.
    case moderate
    /// Many features drifted, or one drifted a lot, or the predictions or the target did.
    case severe
    /// Most of the data set drifted.
    case critical

    /// Position in the order none < moderate < severe < critical.
    package var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Orders levels by severity.
    package static func < (lhs: DriftLevel, rhs: DriftLevel) -> Bool { lhs.rank < rhs.rank }
}
