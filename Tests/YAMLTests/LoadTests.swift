import Basics
import Foundation
import Testing
import YAML
import _TestSupport

/// Reading files: display names, encodings, and files that cannot be read.
@Suite struct LoadTests {
    @Test func loadUsesTheDisplayNameInLocations() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("params.yaml", "train:\n  lr: 0.1\n")
        let node = try YAML.load(path: path, displayName: "params.yaml")
        #expect(node["train"]?["lr"]?.location == SourceLocation(file: "params.yaml", line: 2, column: 7))
        #expect(try YAML.load(path: path, displayName: nil).location.file == path)
    }

    @Test func emptyFileIsNull() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("empty.yaml", "# only a comment\n")
        let node = try YAML.load(path: path, displayName: "empty.yaml")
        #expect(node.isNull)
        #expect(node.location == SourceLocation(file: "empty.yaml", line: 1, column: 1))
    }

    @Test func byteOrderMarksAreHonoured() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let utf8 = directory.url("utf8.yaml")
        try Data([0xEF, 0xBB, 0xBF] + Array("a: é\n".utf8)).write(to: URL(fileURLWithPath: utf8))
        #expect(try YAML.load(path: utf8, displayName: nil)["a"]?.location.column == 4)
        let utf16 = directory.url("utf16.yaml")
        try utf16LittleEndian("a: é\n").write(to: URL(fileURLWithPath: utf16))
        #expect(try YAML.load(path: utf16, displayName: nil)["a"]?.stringValue == "é")
    }

    @Test func invalidUTF8IsLocated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url("bad.yaml")
        try Data(Array("a: 1\nb: x".utf8) + [0xFF] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(throws: Diagnostic.error(
            "invalid UTF-8 byte sequence", at: SourceLocation(file: "bad.yaml", line: 2, column: 5),
            hint: "save the file as UTF-8")
        ) {
            try YAML.load(path: path, displayName: "bad.yaml")
        }
    }

    @Test func missingFileAndDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: Diagnostic.error("no such file: 'params.yaml'", hint: "check the path")) {
            try YAML.load(path: directory.url("params.yaml"), displayName: "params.yaml")
        }
        #expect(throws: Diagnostic.error("'dir' is a directory, not a YAML file", hint: "give the path of a file")) {
            try YAML.load(path: directory.path, displayName: "dir")
        }
    }

    /// UTF-16 little-endian bytes with a byte order mark.
    private func utf16LittleEndian(_ text: String) -> Data {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return Data(bytes)
    }
}
