// sluice-fuzz: mutates seed files of every format sluice reads and runs them through
// the real readers (FuzzTargets), in a supervised worker; saves what crashes or hangs.
// Run the release build: `swift build -c release --product sluice-fuzz && .build/release/sluice-fuzz`.
//
// What it must not know: what the formats mean or which readers take them (FuzzTargets
// knows); it knows processes, signals, time limits, symbols and the figures.
import Foundation
import FuzzTargets

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "worker":
        exit(try WorkerCommand.parse(Array(arguments.dropFirst())).run())
    case "run":
        exit(try Replay.run(Array(arguments.dropFirst())))
    case "make":
        exit(try Replay.make(Array(arguments.dropFirst())))
    default:
        let options = try FuzzOptions(arguments)
        exit(try Supervisor(options: options).run())
    }
} catch {
    FileHandle.standardError.write(Data("sluice-fuzz: \(error)\n".utf8))
    exit(2)
}
