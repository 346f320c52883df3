import Basics
import Synchronization
import Testing

/// Which states a `PacedWriter` wrote, and when: only through writes and `flush()`.
@Suite struct PacedWriterTests {
    /// The "file": every list written, and whether writing fails.
    final class File: Sendable {
        let writes = Mutex<[[Int]]>([])
        let failing = Mutex(false)
        var written: [[Int]] { writes.withLock { $0 } }
    }

    /// A writer of a list of numbers into a fresh `File`.
    static func writer(spacing: Double) -> (PacedWriter<[Int]>, File) {
        struct WriteFailed: Error {}
        let file = File()
        let writer = PacedWriter([Int](), spacing: spacing) { state in
            if file.failing.withLock({ $0 }) { throw WriteFailed() }
            file.writes.withLock { $0.append(state) }
        }
        return (writer, file)
    }

    @Test func withoutSpacingEveryChangeIsWrittenAtOnce() throws {
        let (writer, file) = Self.writer(spacing: 0)
        for number in 1...3 { try writer.update { $0.append(number) } }
        #expect(file.written == [[1], [1, 2], [1, 2, 3]])
    }

    @Test func changesWaitForFlushAndAreWrittenTogether() throws {
        let (writer, file) = Self.writer(spacing: .infinity)
        for number in 1...3 { try writer.update { $0.append(number) } }
        #expect(file.written.isEmpty)
        #expect(writer.read { $0 } == [1, 2, 3])
        try writer.flush()
        try writer.flush()  // nothing pending: no second write
        #expect(file.written == [[1, 2, 3]])
    }

    @Test func theFirstChangeIsWrittenAtOnceWhateverTheSpacing() throws {
        let (writer, file) = Self.writer(spacing: 1e12)
        try writer.update { $0.append(1) }
        #expect(file.written == [[1]])
    }

    @Test func aFailedWriteStaysPendingAndFlushTriesAgain() throws {
        let (writer, file) = Self.writer(spacing: 0)
        file.failing.withLock { $0 = true }
        #expect(throws: (any Error).self) { try writer.update { $0.append(1) } }
        #expect(writer.read { $0 } == [1], "the change stays applied")
        file.failing.withLock { $0 = false }
        try writer.flush()
        #expect(file.written == [[1]])
    }

    @Test func afterCloseNothingIsWritten() throws {
        let (writer, file) = Self.writer(spacing: .infinity)
        try writer.update { $0.append(1) }
        writer.close()
        try writer.update { $0.append(2) }
        try writer.flush()
        #expect(file.written.isEmpty)
    }
}
