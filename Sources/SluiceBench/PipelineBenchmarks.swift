import Foundation

/// No-op repro and status timings, measured on the built `sluice` binary.
enum PipelineBenchmarks {
    static func noOpRepro() throws {
        for (stages, target) in [(4, "<= 15 ms (DVC 0.79-1.32 s)"), (100, "<= 60 ms (DVC 2.78-5.49 s)")] {
            let dir = try Bench.temporaryDirectory("chain\(stages)")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try "seed\n".write(toFile: dir + "/s0.txt", atomically: true, encoding: .utf8)
            try "step:\n  n: 1\n".write(toFile: dir + "/params.yaml", atomically: true, encoding: .utf8)
            var yaml = "stages:\n"
            for i in 1...stages {
                yaml += "  s\(i):\n    cmd: cp s\(i - 1).txt s\(i).txt\n    deps: [s\(i - 1).txt]\n    params: [step.n]\n    outs: [s\(i).txt]\n"
            }
            try yaml.write(toFile: dir + "/pipeline.yaml", atomically: true, encoding: .utf8)
            try Bench.sluice(["repro"], in: dir)
            let seconds = try Bench.median(runs: 11) { try Bench.sluice(["repro"], in: dir) }
            Bench.report("no-op repro, \(stages)-stage chain", String(format: "%.1f ms", seconds * 1000), target: target)
        }
        try noOpReproOfThreeFiles()
    }

    /// Three pipeline files `a/`, `b/`, `c/` of 100 chained stages each, one graph:
    /// `b` starts from `a`'s last output and `c` from `b`'s.
    static func noOpReproOfThreeFiles() throws {
        let dir = try Bench.temporaryDirectory("files3x100")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/.sluice", withIntermediateDirectories: true)
        try "seed\n".write(toFile: dir + "/s0.txt", atomically: true, encoding: .utf8)
        try "step:\n  n: 1\n".write(toFile: dir + "/params.yaml", atomically: true, encoding: .utf8)
        for (file, folder) in ["a", "b", "c"].enumerated() {
            try FileManager.default.createDirectory(atPath: dir + "/" + folder, withIntermediateDirectories: true)
            try "step:\n  n: 1\n".write(toFile: dir + "/\(folder)/params.yaml", atomically: true, encoding: .utf8)
            var yaml = "stages:\n"
            for i in (file * 100 + 1)...(file * 100 + 100) {
                yaml += "  s\(i):\n    cmd: cp ../s\(i - 1).txt ../s\(i).txt\n    deps: [../s\(i - 1).txt]\n"
                    + "    params: [step.n]\n    outs: [../s\(i).txt]\n"
            }
            try yaml.write(toFile: dir + "/\(folder)/pipeline.yaml", atomically: true, encoding: .utf8)
        }
        try Bench.sluice(["repro"], in: dir)
        let seconds = try Bench.median(runs: 11) { try Bench.sluice(["repro"], in: dir) }
        Bench.report("no-op repro, 3 files x 100 stages", String(format: "%.1f ms", seconds * 1000), target: "<= 180 ms (three times the 100-stage target)")
    }

    static func statusLargeDirectory() throws {
        let dir = try Bench.temporaryDirectory("status10k")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        for i in 0..<10_000 {
            let sub = data + "/d\(i / 100)"
            if i % 100 == 0 { try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true) }
            _ = FileManager.default.createFile(atPath: sub + "/f\(i).txt", contents: Data("file \(i)\n".utf8))
        }
        try "stages:\n  count:\n    cmd: ls -R data | wc -l > count.txt\n    deps: [data]\n    outs: [count.txt]\n"
            .write(toFile: dir + "/pipeline.yaml", atomically: true, encoding: .utf8)
        try Bench.sluice(["repro"], in: dir)
        let seconds = try Bench.median(runs: 11) { try Bench.sluice(["status"], in: dir) }
        Bench.report("status, 10,000-file directory dep", String(format: "%.1f ms", seconds * 1000), target: "<= 50 ms (DVC 1.0 s)")
    }
}
