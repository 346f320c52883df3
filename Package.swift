// swift-tools-version: 6.0
// sluice: a staged pipeline runner in the style of DVC, with built-in ML tasks.
// No package dependencies: everything beyond the toolchain is ours.
import PackageDescription

let package = Package(
    name: "sluice",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sluice", targets: ["sluice"]),
    ],
    targets: [
        // Locations, diagnostics, SHA-256, canonical JSON, atomic writes: shared by every module.
        .target(name: "Basics", dependencies: ["CSluiceSHA"]),
        // The x86 SHA-256 instructions, which Swift cannot reach; Basics keeps a portable path.
        .target(name: "CSluiceSHA"),
        // YAML 1.2 reader with located nodes, and a deterministic YAML/JSON emitter.
        .target(name: "YAML", dependencies: ["Basics"]),
        // Commands as types: options, flags, arguments, help, usage errors, exit codes.
        .target(name: "CommandLineKit", dependencies: ["Basics"]),
        // Every `sluice` command; the only module that prints.
        .target(name: "SluiceCLI", dependencies: ["Basics", "YAML", "CommandLineKit"]),
        // The `sluice` binary: hands argv to SluiceCLI.
        .executableTarget(name: "sluice", dependencies: ["SluiceCLI"]),
        // Helpers for tests only: temporary directories, running the binary, snapshots.
        .target(name: "_TestSupport", dependencies: ["Basics"], path: "Sources/_TestSupport"),

        .testTarget(name: "BasicsTests", dependencies: ["Basics", "_TestSupport"]),
        .testTarget(
            name: "YAMLTests", dependencies: ["YAML", "_TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CommandLineKitTests", dependencies: ["CommandLineKit", "_TestSupport"],
            resources: [.copy("Snapshots")]),
        .testTarget(
            name: "SluiceCLITests", dependencies: ["SluiceCLI", "_TestSupport"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["sluice", "_TestSupport"],
            resources: [.copy("Snapshots")]),
    ]
)
