import Foundation

/// Records where the worker was when it crashed or hung, from a signal handler,
/// into the shared page: the signal, the program counter, the faulting address, the
/// stack pointer, and the return addresses into this binary found on the stack
/// (release builds keep no frame pointers, so the stack is scanned, as a debugger's
/// heuristic unwinder does). The supervisor symbolizes them.
///
/// The handler allocates nothing and calls nothing but loads and stores: it runs
/// wherever the crash happened, maybe inside malloc.
enum CrashRecorder {
    nonisolated(unsafe) static var page: UnsafeMutableRawPointer?
    /// The executable's code, to tell return addresses from other words on the stack.
    nonisolated(unsafe) static var textLow: UInt64 = 0
    nonisolated(unsafe) static var textHigh: UInt64 = 0
    /// The main thread's stack, the one stack whose bounds are known.
    nonisolated(unsafe) static var stackLow: UInt64 = 0
    nonisolated(unsafe) static var stackHigh: UInt64 = 0

    /// The signals that end a worker that crashed; SIGUSR2 is the watchdog's "hung".
    static let crashSignals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Installs the handlers, recording into `status`.
    static func install(_ status: SharedStatus) {
        page = status.base
        readMappings(status)
        // An alternate stack, so a stack overflow can still be recorded.
        let altSize = 1 << 16
        var alternate = stack_t()
        alternate.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: altSize, alignment: 16)
        alternate.ss_size = altSize
        alternate.ss_flags = 0
        sigaltstack(&alternate, nil)

        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, context in CrashRecorder.record(signal, info, context) }
        sigemptyset(&action.sa_mask)
        // Reset to the default action, so that the trap, re-executed on return, ends the process.
        action.sa_flags = SA_SIGINFO | SA_ONSTACK | Int32(bitPattern: UInt32(SA_RESETHAND))
        for signal in crashSignals { sigaction(signal, &action, nil) }
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigaction(SIGUSR2, &action, nil)
    }

    /// The signal handler.
    static func record(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        guard let page else { return }
        func store(_ value: UInt64, _ slot: SharedStatus.Slot) { page.storeBytes(of: value, toByteOffset: slot.rawValue * 8, as: UInt64.self) }
        // A second signal (a fault while recording) keeps the first record.
        guard page.load(fromByteOffset: SharedStatus.Slot.signal.rawValue * 8, as: UInt64.self) == 0 else { return }
        var pc: UInt64 = 0, sp: UInt64 = 0
        if let context {
            let machine = context.assumingMemoryBound(to: ucontext_t.self).pointee.uc_mcontext
            #if arch(x86_64)
            (pc, sp) = withUnsafeBytes(of: machine.gregs) { ($0.load(fromByteOffset: 16 * 8, as: UInt64.self), $0.load(fromByteOffset: 15 * 8, as: UInt64.self)) }
            #elseif arch(arm64)
            (pc, sp) = (machine.pc, machine.sp)
            #endif
        }
        let fault = info.map { UInt64(UInt(bitPattern: $0.pointee._sifields._sigfault.si_addr)) } ?? 0
        store(pc, .pc)
        store(sp, .stackPointer)
        store(fault, .faultAddress)
        var count = 0
        // Only the main thread's stack has known bounds; other threads' stacks are not scanned.
        if sp >= stackLow, sp < stackHigh {
            var address = sp & ~7
            let end = min(stackHigh, sp &+ (1 << 19))
            while address < end, count < SharedStatus.scanCapacity {
                let word = UnsafePointer<UInt64>(bitPattern: UInt(address))!.pointee
                if word >= textLow, word < textHigh {
                    page.storeBytes(of: word, toByteOffset: SharedStatus.scanOffset + count * 8, as: UInt64.self)
                    count += 1
                }
                address &+= 8
            }
        }
        store(UInt64(count), .scanCount)
        store(UInt64(signal), .signal)
    }

    /// A file read to its end with read(2): files under /proc say they are empty, and
    /// Foundation then reads only their first page.
    private static func readWhole(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The executable's load address and code range, and the main thread's stack, from /proc/self/maps.
    private static func readMappings(_ status: SharedStatus) {
        guard let maps = readWhole("/proc/self/maps") else { return }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var low = UInt64.max, high: UInt64 = 0, base: UInt64?
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5 else { continue }
            let bounds = fields[0].split(separator: "-").compactMap { UInt64($0, radix: 16) }
            guard bounds.count == 2 else { continue }
            let path = fields.count >= 6 ? String(fields[5]) : ""
            // The mapping grows down as the stack does: everything from the stack pointer up
            // to its top is mapped, however low the pointer is now.
            if path == "[stack]" { (stackLow, stackHigh) = (bounds[1] - min(bounds[1], 1 << 30), bounds[1]) }
            guard path == executable else { continue }
            if UInt64(fields[2], radix: 16) == 0, base == nil { base = bounds[0] }
            if fields[1].contains("x") { low = min(low, bounds[0]); high = max(high, bounds[1]) }
        }
        if high > low { (textLow, textHigh) = (low, high) }
        // Addresses are symbolized as offsets from here, which differs in every process.
        status[.imageBase] = base ?? 0
    }
}
