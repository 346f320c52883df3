import Basics
import ContentStore
import Project
import Testing

@Suite struct WorkspaceCacheConfigTests {
    @Test func withoutAConfigTheCacheCopies() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n"])
        defer { project.directory.remove() }
        let cache = try project.workspace.cacheStore()
        #expect(cache.linkMode == .copy)
        #expect(cache.directory == project.root + "/.sluice/cache")
    }

    @Test(arguments: [
        ("cache: {link: hardlink}\n", CacheStore.LinkMode.hardlink),
        ("cache:\n  link: copy\n", .copy),
        ("# nothing about the cache\nother: 1\n", .copy),
        ("cache: {}\n", .copy),
    ])
    func readsTheLinkModeFromTheConfig(config: String, mode: CacheStore.LinkMode) throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", ".sluice/config.yaml": config])
        defer { project.directory.remove() }
        #expect(try project.workspace.cacheStore().linkMode == mode)
    }

    @Test(arguments: ["cache: {link: symlink}\n", "cache: {link: 3}\n"])
    func anUnknownLinkModeIsALocatedConfigurationError(config: String) throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", ".sluice/config.yaml": config])
        defer { project.directory.remove() }
        let error = #expect(throws: Diagnostic.self) { try project.workspace.cacheStore() }
        #expect(error?.message.contains("'copy' or 'hardlink'") == true)
        #expect(error?.location == SourceLocation(file: ".sluice/config.yaml", line: 1, column: 15))
        #expect(error?.cause == .configuration)
    }

    @Test func aConfigThatDoesNotParseIsALocatedError() throws {
        let project = try TestProject(["pipeline.yaml": "stages: {}\n", ".sluice/config.yaml": "cache:\n  link: [copy\n"])
        defer { project.directory.remove() }
        let error = #expect(throws: Diagnostic.self) { try project.workspace.cacheStore() }
        #expect(error?.location?.file == ".sluice/config.yaml")
    }
}
