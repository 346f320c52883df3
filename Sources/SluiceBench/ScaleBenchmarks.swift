import Foundation

/// Commands on pipelines of 10,000 stages, measured on the built `sluice` binary:
/// their cost must grow with the pipeline (stages + edges), not with its square.
enum ScaleBenchmarks {
    static let stages = 10_000

    /// `dag`, `dag --json`, `status` and a no-op `repro` on a 10,000-stage chain and a
    /// 10,000-stage fan-out (one source, 10,000 consumers, one merge of all of them).
    static func noOp() throws {
        for shape in [ScaleProject.Shape.chain, .fanOut] {
            let project = try ScaleProject(shape, count: stages)
            defer { project.remove() }
            try project.upToDate()
            // Hashes every file once, into the stat cache, and fails unless everything is up to date.
            try Bench.sluice(["status", "--quiet"], in: project.directory)
            for command in [["dag"], ["dag", "--json"], ["status"], ["repro"]] {
                let seconds = try Bench.median(runs: 5) { try Bench.sluice(command, in: project.directory) }
                let what = command == ["repro"] ? "no-op repro" : command.joined(separator: " ")
                Bench.report("\(what), 10,000-stage \(shape.rawValue)", String(format: "%.2f s", seconds),
                             target: "<= 1 s", met: seconds <= 1)
            }
        }
    }

    /// Running every stage of a 1,000- and a 2,000-stage chain of `cp`: the lock file
    /// and run.json, rewritten whole after each stage, once made twice the stages take
    /// about four times as long. Checked on user-space CPU time: the kernel's share
    /// moves with the file system (ext4 searches longer for a free inode the more files
    /// were deleted in the last minutes), whatever sluice does.
    static func executingRepro() throws {
        var user: [Double] = []
        for count in [1_000, 2_000] {
            let project = try ScaleProject(.chain, count: count)
            defer { project.remove() }
            var cpu = Bench.CPUTime(user: 0, system: 0)
            let seconds = try Bench.median(runs: 1) { cpu = try Bench.sluice(["repro"], in: project.directory) }
            user.append(cpu.user)
            Bench.report("executing repro, \(count)-stage chain of cp", String(format: "%.1f s", seconds),
                         target: String(format: "(CPU: %.1f s user, %.1f s system)", cpu.user, cpu.system))
        }
        let ratio = user[1] / user[0]
        Bench.report("executing repro 2,000 / 1,000, user CPU", String(format: "%.2f", ratio),
                     target: "<= 2.3 (linear; n² gives 4)", met: ratio <= 2.3)
    }
}
