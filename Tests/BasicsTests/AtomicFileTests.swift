import Basics
import Foundation
import Testing
import _TestSupport

/// Atomic writes do what a Unix user expects of each kind of target.
@Suite struct AtomicFileTests {
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    @Test func regularFileIsReplacedAndParentsAreMade() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try AtomicFile.write("one", to: dir.url("a/b/file.txt"))
        try AtomicFile.write("two", to: dir.url("a/b/file.txt"))
        #expect(try dir.read("a/b/file.txt") == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url("a/b")) == ["file.txt"], "no temporary file is left")
    }

    @Test func symlinkIsKeptAndItsTargetWritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("real/target.txt", "old")
        try FileManager.default.createSymbolicLink(atPath: dir.url("relative.txt"), withDestinationPath: "real/target.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.url("chain.txt"), withDestinationPath: dir.url("relative.txt"))
        try AtomicFile.write("through the chain", to: dir.url("chain.txt"))
        #expect(Self.kind(dir.url("chain.txt")) == S_IFLNK && Self.kind(dir.url("relative.txt")) == S_IFLNK)
        #expect(try dir.read("real/target.txt") == "through the chain")
        #expect(Self.kind(dir.url("real/target.txt")) == S_IFREG)
    }

    @Test func danglingSymlinkCreatesItsTarget() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.url("link.txt"), withDestinationPath: "made/later.txt")
        try AtomicFile.write("new", to: dir.url("link.txt"))
        #expect(Self.kind(dir.url("link.txt")) == S_IFLNK)
        #expect(try dir.read("made/later.txt") == "new")
    }

    @Test func symlinkLoopIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.url("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: dir.url("b"), withDestinationPath: "a")
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: dir.url("a")) }
    }

    @Test func fifoIsWrittenThroughAndStaysAFIFO() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let fifo = dir.url("pipe")
        #expect(mkfifo(fifo, 0o644) == 0)
        // The reader end is open first, so the write does not wait for one, and read
        // afterwards (the text fits in the pipe's buffer): a write that replaced the
        // FIFO leaves it empty instead of hanging.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        // A symlink to the FIFO is written through too.
        try FileManager.default.createSymbolicLink(atPath: dir.url("link"), withDestinationPath: "pipe")
        try AtomicFile.write("through the pipe\n", to: dir.url("link"))
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        let received = buffer.prefix(max(0, count))
        #expect(String(decoding: received, as: UTF8.self) == "through the pipe\n")
        #expect(Self.kind(fifo) == S_IFIFO && Self.kind(dir.url("link")) == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link", "pipe"])
    }

    @Test func directoryIsAnErrorNamingIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("folder/inside.txt", "kept")
        try FileManager.default.createSymbolicLink(atPath: dir.url("link"), withDestinationPath: "folder")
        for target in [dir.url("folder"), dir.url("link")] {
            do {
                try AtomicFile.write("x", to: target)
                Issue.record("writing over a directory succeeded")
            } catch let failure as AtomicFile.Failure {
                #expect(failure.description == "cannot write '\(target)': it is a directory; give a file path")
            }
        }
        #expect(try dir.read("folder/inside.txt") == "kept")
    }

    @Test func folderThatIsAFileIsAnErrorWithoutFoundationText() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("plain", "a file")
        do {
            try AtomicFile.write("x", to: dir.url("plain/out.txt"))
            Issue.record("writing below a file succeeded")
        } catch let failure as AtomicFile.Failure {
            #expect(failure.description.hasPrefix("cannot write '\(dir.url("plain/out.txt"))': its folder"))
        }
    }

    @Test func replaceRenamesOverASymlinkWithoutFollowingIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("elsewhere.txt", "untouched")
        try FileManager.default.createSymbolicLink(atPath: dir.url("state"), withDestinationPath: dir.url("elsewhere.txt"))
        try AtomicFile.replace("state", at: dir.url("state"))
        #expect(Self.kind(dir.url("state")) == S_IFREG)
        #expect(try dir.read("state") == "state")
        #expect(try dir.read("elsewhere.txt") == "untouched")
    }

    @Test func standardOutputNames() {
        for path in ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] { #expect(AtomicFile.writesToStandardOutput(path)) }
        for path in ["out.csv", "/dev/stderr", "/dev/null", "./-", "/dev/fd/10"] { #expect(!AtomicFile.writesToStandardOutput(path)) }
    }
}
