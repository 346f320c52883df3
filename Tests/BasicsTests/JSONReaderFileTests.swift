import Basics
import Foundation
import Testing
import _TestSupport

/// JSON files read from disk: errors name the file as shown to the user.
@Suite struct JSONReaderFileTests {
    @Test func readsAFileAndLocatesErrorsByItsDisplayName() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let good = try dir.write("good.json", #"{"rmse": 1.5, "n": 3}"#)
        #expect(try JSONReader.load(path: good) == .object(["rmse": .double(1.5), "n": .int(3)]))
        // YAML that is not JSON is an error in a JSON file, at the place it stops being JSON.
        let yaml = try dir.write("bad.json", "{\"rmse\": 1.5,\n  n: 3}\n")
        do {
            _ = try JSONReader.load(path: yaml, displayName: "metrics/bad.json")
            Issue.record("YAML in a .json file was accepted")
        } catch {
            #expect(error.location == Basics.SourceLocation(file: "metrics/bad.json", line: 2, column: 3))
        }
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url("bom.json")
        try Data([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(try JSONReader.load(path: path) == .array([.int(1)]))
    }

    @Test func missingFoldersAndNonUTF8AreNamed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: Diagnostic.error("no such file: 'absent.json'", hint: "check the path")) {
            try JSONReader.load(path: dir.url("absent.json"), displayName: "absent.json")
        }
        try FileManager.default.createDirectory(atPath: dir.url("folder.json"), withIntermediateDirectories: true)
        #expect(throws: Diagnostic.error("'folder.json' is a directory, not a JSON file", hint: "give the path of a file")) {
            try JSONReader.load(path: dir.url("folder.json"), displayName: "folder.json")
        }
        let latin1 = dir.url("latin1.json")
        try Data([0x22, 0xE9, 0x22]).write(to: URL(fileURLWithPath: latin1))
        #expect(throws: Diagnostic.error("'latin1.json' is not UTF-8 text", hint: "save the file as UTF-8")) {
            try JSONReader.load(path: latin1, displayName: "latin1.json")
        }
    }
}
