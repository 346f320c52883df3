import Basics
import Foundation

/// A regular file's bytes, read into memory the reader owns, for the duration of a closure.
///
/// Not a memory map of the file: when another process truncates a mapped file, the
/// next touch of a page past its new end raises SIGBUS and kills the process. Bytes
/// read with `pread` are ours whatever happens to the file; a file that shrinks while
/// it is read is reported as changed. Several threads read pieces at once, so the
/// copy costs a fraction of the parse.
///
/// Parsed chunks can be handed back (`release`) so the file and the table it becomes
/// are not both resident; `reload` reads the file again for a second pass.
struct FileContents {
    /// The bytes, valid inside the closure of `withContents` only.
    let bytes: UnsafeBufferPointer<UInt8>
    private let descriptor: Int32
    private let displayName: String

    /// Pieces of at least this many bytes are read by one thread.
    static let pieceSize = 8 << 20

    private init(bytes: UnsafeBufferPointer<UInt8>, descriptor: Int32, displayName: String) {
        self.bytes = bytes
        self.descriptor = descriptor
        self.displayName = displayName
    }

    /// Calls `body` with the contents of the file at `path`; throws a diagnostic naming
    /// `displayName` when the file cannot be opened or read, or is not a regular file.
    static func withContents<R>(
        ofFile path: String, displayName: String, _ body: (FileContents) throws -> R
    ) throws -> R {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw cannotRead(displayName, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw cannotRead(displayName, errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw Diagnostic.failure("cannot read '\(displayName)': not a regular file")
        }
        let size = Int(status.st_size)
        if size == 0 {
            return try body(FileContents(bytes: UnsafeBufferPointer(start: nil, count: 0), descriptor: descriptor, displayName: displayName))
        }
        // Anonymous memory rather than an array: its pages can be handed back one chunk at a time.
        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), address != MAP_FAILED else {
            throw Diagnostic.failure("cannot read '\(displayName)': no memory for its \(size) bytes",
                                   hint: "free memory, or split the file")
        }
        defer { munmap(address, size) }
        HugePages.advise(address, byteCount: size)
        let contents = FileContents(
            bytes: UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size),
            descriptor: descriptor, displayName: displayName)
        try contents.reload()
        return try body(contents)
    }

    /// Reads the whole file into `bytes` (again), several pieces at once. Throws when
    /// the file is now shorter than when it was opened: another process is rewriting it.
    func reload() throws {
        guard let base = bytes.baseAddress else { return }
        let target = UnsafeMutablePointer(mutating: base)
        let pieces = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 2, bytes.count / Self.pieceSize))
        let size = (bytes.count + pieces - 1) / pieces
        let descriptor = self.descriptor, count = bytes.count
        // Per piece: nil when read whole, 0 when the file ended early, else errno.
        let failures = Parallel.map(pieces, threads: Parallel.processorCount) { piece -> Int32? in
            var offset = piece * size
            let end = min(count, offset + size)
            while offset < end {
                let read = pread(descriptor, target + offset, end - offset, off_t(offset))
                if read > 0 {
                    offset += read
                } else if read == 0 {
                    return 0
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
        guard let failure = failures.lazy.compactMap({ $0 }).first else { return }
        if failure != 0 { throw Self.cannotRead(displayName, failure) }
        throw Diagnostic.failure("'\(displayName)' became shorter while it was read (it had \(count) bytes)",
                               hint: "another program is writing it; read it again once that program is done")
    }

    /// Hands the whole pages inside `chunk` (a part of `bytes`) back to the system:
    /// they leave the resident set and read as zeros until `reload`.
    func release(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let base = chunk.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + chunk.count) / page * page
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(address, end - start, Int32(MADV_DONTNEED))
    }

    private static func cannotRead(_ name: String, _ code: Int32) -> Diagnostic {
        Diagnostic.failure("cannot read '\(name)': \(String(cString: strerror(code)))", hint: "check that the file exists and is readable")
    }
}
