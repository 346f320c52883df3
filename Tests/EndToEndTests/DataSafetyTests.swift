import Foundation
import Testing
import _TestSupport

/// Hostile or damaged project state never makes sluice read, move, delete or
/// overwrite anything outside what it owns; odd output targets are written as a
/// Unix user expects.
@Suite struct DataSafetyTests {
    /// The `basic` fixture after one repro, and a folder beside it holding `secret.txt`.
    struct Setup {
        let project: FixtureProject
        let outside: TemporaryDirectory

        init() throws {
            project = try FixtureProject("basic")
            outside = try TemporaryDirectory(prefix: "sluice-e2e-outside")
            try outside.write("secret.txt", "secret\n")
            try project.repro()
        }

        func remove() {
            project.directory.remove()
            outside.remove()
        }

        /// A "hash" that, used as a cache path (`.sluice/cache/files/sha256/<2>/<rest>`), names `secret.txt`.
        var escapingHash: String { "../../../../../" + (outside.path as NSString).lastPathComponent + "/secret.txt" }

        /// The line (1-based) of pipeline.lock holding `model.txt`'s hash, and the lock with that hash replaced.
        func forgeModelHash(_ replacement: String) throws -> Int {
            var lines = try project.read("pipeline.lock").components(separatedBy: "\n")
            guard let pathLine = lines.firstIndex(where: { $0.hasSuffix("- path: model.txt") }),
                  let hashLine = lines[pathLine...].firstIndex(where: { $0.contains("sha256: ") && !$0.contains("- path") }) else {
                throw FixtureError(message: "model.txt is not in the lock")
            }
            let prefix = lines[hashLine].prefix { $0 != "s" }
            lines[hashLine] = prefix + "sha256: " + replacement
            try project.write("pipeline.lock", lines.joined(separator: "\n"))
            return hashLine + 1
        }
    }

    @Test func checkoutAndReproRefuseALockHashThatLeavesTheCache() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let line = try setup.forgeModelHash(setup.escapingHash)
        try setup.project.remove("model.txt")
        for command in [["checkout"], ["repro"]] {
            let result = try setup.project.run(command)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("pipeline.lock:\(line):"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("is not a content hash"), "\(command): \(result.stderr)")
            #expect(!setup.project.exists("model.txt"))
        }
    }

    @Test func checkoutNeverFollowsAnObjectPlantedAsASymlink() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let objects = setup.project.directory.url(".sluice/cache/files/sha256")
        let expected = try setup.project.read("model.txt")
        // Replace every object with a link to the secret: none may be copied.
        for prefix in try FileManager.default.contentsOfDirectory(atPath: objects) {
            for name in try FileManager.default.contentsOfDirectory(atPath: objects + "/" + prefix) {
                let object = objects + "/" + prefix + "/" + name
                try FileManager.default.removeItem(atPath: object)
                try FileManager.default.createSymbolicLink(atPath: object, withDestinationPath: setup.outside.url("secret.txt"))
            }
        }
        try setup.project.remove("model.txt")
        let result = try setup.project.run(["checkout"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'model.txt' is not in the cache"))
        #expect(!setup.project.exists("model.txt"))
        // repro runs the stage instead of restoring the link's target.
        #expect(try setup.project.repro().executed == ["train"])
        #expect(try setup.project.read("model.txt") == expected)
    }

    @Test func cacheVerifyAndGcNeverFollowASymlinkedFolder() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let objects = setup.project.directory.url(".sluice/cache/files/sha256")
        try FileManager.default.createSymbolicLink(atPath: objects + "/zz", withDestinationPath: "../../../..")
        try FileManager.default.createSymbolicLink(atPath: objects + "/yy", withDestinationPath: setup.outside.path)
        let verify = try setup.project.run(["cache", "verify"])
        #expect(verify.status == 0, "stderr: \(verify.stderr)")
        #expect(verify.stdout.contains("Checked 2 objects: all intact."))
        let gc = try setup.project.run(["gc", "--keep-runs", "0"])
        #expect(gc.status == 0, "stderr: \(gc.stderr)")
        for file in ["pipeline.yaml", "pipeline.lock", "params.yaml", "model.txt", "data/raw.txt"] {
            #expect(setup.project.exists(file), "\(file) was moved or deleted")
        }
        #expect(try setup.outside.read("secret.txt") == "secret\n")
        #expect(!setup.project.exists(".sluice/cache/quarantine"))
    }

    @Test func reproNeverDeletesAnOutputBehindASymlinkOutOfTheProject() throws {
        let setup = try Setup()
        defer { setup.remove() }
        try setup.outside.write("result.txt", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: setup.project.directory.url("out"), withDestinationPath: setup.outside.path)
        try setup.project.write("pipeline.yaml", "stages:\n  copy:\n    cmd: cp data/raw.txt out/result.txt\n    deps: [data/raw.txt]\n    outs: [out/result.txt]\n")
        let result = try setup.project.run(["repro"])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("refusing to delete output 'out/result.txt' of stage 'copy'"))
        #expect(try setup.outside.read("result.txt") == "precious\n")
    }

    @Test func missingWorkingDirectoryIsNamed() throws {
        let project = try FixtureProject("basic")
        defer { project.directory.remove() }
        try project.write("pipeline.yaml", "stages:\n  build:\n    cmd: 'true'\n    wdir: src\n")
        let result = try project.run(["repro"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: stage 'build' failed: the working directory 'src' of stage 'build'"), "\(result.stderr)")
        #expect(result.stderr.contains("does not exist; create the folder or change the stage's 'wdir'"))
        #expect(!result.stderr.contains("NSFilePath") && !result.stderr.contains("/bin/sh"))
    }

    // MARK: - Output targets that are not regular files

    /// The gbdt fixture with a trained model.
    static func trainedModel() throws -> FixtureProject {
        let project = try FixtureProject("gbdt")
        let train = try project.run(["ml", "train", "--train", "data/train.csv", "--target", "y", "--model", "models/model.json"])
        #expect(train.status == 0, "stderr: \(train.stderr)")
        return project
    }

    @Test func predictToDashWritesTheCSVToStandardOutputOnly() throws {
        let project = try Self.trainedModel()
        defer { project.directory.remove() }
        let reference = try project.run(["ml", "predict", "--input", "data/test.csv", "--out", "p.csv", "--keep", "id"])
        #expect(reference.status == 0)
        for target in ["-", "/dev/stdout"] {
            let result = try project.run(["ml", "predict", "--input", "data/test.csv", "--out", target, "--keep", "id"])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout == (try project.read("p.csv")), "\(target): standard output holds exactly the CSV")
            #expect(result.stderr.contains("Wrote 30 predictions to \(target)"))
        }
        #expect(!project.exists("-"))
    }

    @Test func predictIntoAFIFOWritesThroughIt() throws {
        let project = try Self.trainedModel()
        defer { project.directory.remove() }
        let fifo = project.directory.url("predictions.fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        // The reader end is open first (so predict's open for writing does not wait) and
        // read afterwards: the CSV fits in the pipe's buffer, and a sluice that replaced
        // the FIFO instead leaves it empty rather than hanging the test.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try project.run(["ml", "predict", "--input", "data/test.csv", "--out", fifo])
        let received = Self.drain(reader)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("prediction\n"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    /// Everything readable now from the non-blocking descriptor `reader`.
    static func drain(_ reader: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            if count <= 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    @Test func predictThroughASymlinkKeepsTheLink() throws {
        let project = try Self.trainedModel()
        defer { project.directory.remove() }
        try project.write("real/p.csv", "old\n")
        try FileManager.default.createSymbolicLink(atPath: project.directory.url("p.csv"), withDestinationPath: "real/p.csv")
        let result = try project.run(["ml", "predict", "--input", "data/test.csv", "--out", "p.csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.directory.url("p.csv")) == "real/p.csv")
        #expect(try project.read("real/p.csv").hasPrefix("prediction\n"))
    }

    @Test func predictIntoADirectoryNamesIt() throws {
        let project = try Self.trainedModel()
        defer { project.directory.remove() }
        let result = try project.run(["ml", "predict", "--input", "data/test.csv", "--out", "data"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot write 'data': it is a directory"), "\(result.stderr)")
    }
}
