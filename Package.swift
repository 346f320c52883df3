// swift-tools-version: 6.0
// sluice: a staged pipeline runner in the style of DVC, with built-in ML tasks.
// No package dependencies: everything beyond the toolchain is ours.
import PackageDescription

let package = Package(
    name: "sluice",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sluice", targets: ["sluice"]),
        .executable(name: "sluice-bench", targets: ["sluice-bench"]),
    ],
    targets: [
        // Locations, diagnostics, SHA-256, canonical JSON, atomic writes: shared by every module.
        .target(name: "Basics", dependencies: ["CSluiceSHA"]),
        // The x86 SHA-256 instructions, which Swift cannot reach; Basics keeps a portable path.
        .target(name: "CSluiceSHA"),
        // YAML 1.2 reader with located nodes, and a deterministic YAML/JSON emitter.
        .target(name: "YAML", dependencies: ["Basics"]),
        // What pipeline.yaml declares: stages, interpolation, foreach/matrix, validation, the DAG.
        .target(name: "Pipeline", dependencies: ["Basics", "YAML"]),
        // Fingerprints, the stat cache and the lock file (later: the content cache and run-cache).
        .target(name: "ContentStore", dependencies: ["Basics", "YAML"]),
        // Status as a pure function, the parallel reproducer, the shell executor, progress events.
        .target(name: "PipelineEngine", dependencies: ["Basics", "Pipeline", "ContentStore"]),
        // The runs/ directory: records of runs, their params, metrics, history and logs; MLflow export.
        .target(name: "RunStore", dependencies: ["Basics"]),
        // The built-in ML steps as tasks: ingest, prepare, train, evaluate, export, predict.
        .target(name: "MLTasks", dependencies: ["Basics", "YAML", "Tabular", "GradientBoosting", "RunStore"]),
        // Gradient-boosted trees (XGBoost's hist method) and XGBoost's JSON model format.
        .target(name: "GradientBoosting", dependencies: ["Basics", "CSluicePrefetch"]),
        // The prefetch hint, which Swift cannot reach; without it the same code runs slower.
        .target(name: "CSluicePrefetch"),
        // Commands as types: options, flags, arguments, help, usage errors, exit codes.
        .target(name: "CommandLineKit", dependencies: ["Basics"]),
        // Every `sluice` command; the only module that prints.
        .target(name: "SluiceCLI", dependencies: ["Basics", "YAML", "CommandLineKit", "Pipeline", "ContentStore", "PipelineEngine", "MLTasks", "RunStore", "GradientBoosting"]),
        // The `sluice` binary: hands argv to SluiceCLI.
        .executableTarget(name: "sluice", dependencies: ["SluiceCLI"]),
        // Columnar tables of doubles and strings, CSV reading/writing, imputers, scalers, splits, metrics.
        .target(name: "Tabular", dependencies: ["Basics"]),
        // `sluice-bench`: prints the speed figures the project sets targets for.
        .executableTarget(name: "sluice-bench", dependencies: ["Basics", "ContentStore", "Tabular", "GradientBoosting"], path: "Sources/SluiceBench"),
        // Helpers for tests only: temporary directories, running the binary, snapshots.
        .target(name: "_TestSupport", dependencies: ["Basics"], path: "Sources/_TestSupport"),

        .testTarget(name: "BasicsTests", dependencies: ["Basics", "_TestSupport"]),
        .testTarget(
            name: "YAMLTests", dependencies: ["YAML", "_TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "_TestSupport"]),
        .testTarget(name: "ContentStoreTests", dependencies: ["ContentStore", "_TestSupport"]),
        .testTarget(name: "PipelineEngineTests", dependencies: ["PipelineEngine", "_TestSupport"]),
        .testTarget(name: "TabularTests", dependencies: ["Tabular", "_TestSupport"]),
        // Hand-computed splits, gains and leaves; determinism across threads; the model file.
        .testTarget(name: "GradientBoostingTests", dependencies: ["GradientBoosting", "_TestSupport"]),
        .testTarget(name: "MLTasksTests", dependencies: ["MLTasks", "_TestSupport"]),
        // Run records, id order, run references, killed detection, history, filters, MLflow layout.
        .testTarget(name: "RunStoreTests", dependencies: ["RunStore", "_TestSupport"]),
        .testTarget(
            name: "CommandLineKitTests", dependencies: ["CommandLineKit", "_TestSupport"],
            resources: [.copy("Snapshots")]),
        .testTarget(
            name: "SluiceCLITests", dependencies: ["SluiceCLI", "_TestSupport"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["sluice", "Tabular", "_TestSupport"],
            resources: [.copy("Fixtures"), .copy("Snapshots")]),
    ]
)
