// swift-tools-version: 6.0
// sluice: a staged pipeline runner in the style of DVC, with built-in ML tasks.
// No package dependencies: everything beyond the toolchain is ours.
import PackageDescription

// Release builds on Linux carry the Swift runtime and Foundation statically: the
// binary runs on machines without Swift, and every command starts in half the time.
// Every module is compiled against the static runtime's modules, not only linked.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticRuntimeLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "sluice",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sluice", targets: ["sluice"]),
        .executable(name: "sluice-bench", targets: ["sluice-bench"]),
        .executable(name: "sluice-fuzz", targets: ["sluice-fuzz"]),
    ],
    targets: [
        // Locations, diagnostics, SHA-256, JSON reading and writing, atomic writes, graphs, a seeded PRNG, the parallel loop: shared by every module.
        .target(name: "Basics", dependencies: ["CSluiceSHA"], swiftSettings: staticRuntime),
        // The x86 SHA-256 instructions, which Swift cannot reach; Basics keeps a portable path.
        .target(name: "CSluiceSHA"),
        // YAML 1.2 reader with located nodes, and a deterministic YAML emitter for JSON-shaped values.
        .target(name: "YAML", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // What pipeline.yaml declares: stages, interpolation, foreach/matrix, validation, the DAG.
        .target(name: "Pipeline", dependencies: ["Basics", "YAML"], swiftSettings: staticRuntime),
        // Content only: fingerprints, the stat cache, the content-addressed object cache, checkout of objects, gc.
        .target(name: "ContentStore", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // Pipeline state: the lock file (what each stage last recorded) and the run-cache of earlier executions.
        .target(name: "PipelineState", dependencies: ["Basics", "YAML", "ContentStore"], swiftSettings: staticRuntime),
        // Status as a pure function with reasons, the parallel reproducer, the shell executor, checkout, progress events.
        .target(name: "PipelineEngine", dependencies: ["Basics", "Pipeline", "ContentStore", "PipelineState"], swiftSettings: staticRuntime),
        // The application layer: the workspace and its root, repro sessions recorded as runs, params/metrics and diffs, gc.
        .target(
            name: "Project", dependencies: ["Basics", "YAML", "Pipeline", "ContentStore", "PipelineState", "PipelineEngine", "RunStore", "Remote"],
            swiftSettings: staticRuntime),
        // Experiments: -S overrides of params files, sweeps, each run in a temporary copy sharing the cache; show, apply, remove.
        .target(
            name: "Experiments",
            dependencies: ["Basics", "YAML", "Pipeline", "ContentStore", "PipelineState", "PipelineEngine", "Project", "RunStore", "SearchSpace"],
            swiftSettings: staticRuntime),
        // The runs/ directory: records of runs, their params, metrics, history and logs; MLflow export.
        .target(name: "RunStore", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // Remotes for the content cache: AWS Signature Version 4 over our HMAC and SHA-256, S3 and directory remotes.
        .target(name: "Remote", dependencies: ["Basics", "ContentStore"], swiftSettings: staticRuntime),
        // Runs exported to an MLflow tracking server over its REST API (requests as data, sent by the system's curl).
        .target(name: "MLflowTracking", dependencies: ["Basics", "RunStore", "Remote"], swiftSettings: staticRuntime),
        // One self-contained HTML page about recorded runs: params, metrics with deltas, stage timeline, curves, drift verdict.
        .target(name: "RunReport", dependencies: ["Basics", "RunStore", "Charts"], swiftSettings: staticRuntime),
        // The built-in ML steps as tasks: ingest, prepare, train, evaluate, export, predict; the model registry.
        .target(name: "MLTasks", dependencies: ["Basics", "YAML", "Tabular", "GradientBoosting", "RunStore", "Drift", "Charts", "SearchSpace", "Explanation"], swiftSettings: staticRuntime),
        // Drift statistics as pure functions checked against scipy: KS, chi-squared, PSI, Wasserstein, Jensen–Shannon; the reference profile.
        .target(name: "Drift", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // Gradient-boosted trees (XGBoost's hist method) and XGBoost's JSON model format.
        .target(name: "GradientBoosting", dependencies: ["Basics", "CSluicePrefetch"], swiftSettings: staticRuntime),
        // The prefetch hint, which Swift cannot reach; without it the same code runs slower.
        .target(name: "CSluicePrefetch"),
        // Hydra's sweep syntax (range, choice, uniform, loguniform, randint) parsed with located errors; grids and seeded samples.
        .target(name: "SearchSpace", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // SHAP values of tree models (exact TreeSHAP, as XGBoost's pred_contribs): knows no files, tables or pipelines.
        .target(name: "Explanation", dependencies: ["Basics", "GradientBoosting"], swiftSettings: staticRuntime),
        // Pictures as data drawn as inline SVG (axes, ticks, series, legends) and self-contained HTML pages; knows no ML.
        .target(name: "Charts", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // DVC's plots: declared plots' data files (CSV, TSV, JSON, YAML) from the workspace or runs, x/y defaults, templates, drawn by Charts.
        .target(name: "Plots", dependencies: ["Basics", "YAML", "Pipeline", "Tabular", "Charts"], swiftSettings: staticRuntime),
        // The pipeline as another engine's file (an Airflow DAG, a GitHub Actions workflow), every stage one task: pure, graph in, text out.
        .target(name: "PipelineExport", dependencies: ["Basics", "YAML", "Pipeline"], swiftSettings: staticRuntime),
        // Commands as types: options, flags, arguments, help, usage errors, exit codes.
        .target(name: "CommandLineKit", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // Every `sluice` command: parsing, rendering, exit codes; the only module that prints.
        .target(
            name: "SluiceCLI",
            dependencies: ["Basics", "YAML", "CommandLineKit", "Pipeline", "PipelineEngine", "Project", "MLTasks", "RunStore", "GradientBoosting", "RunReport", "Plots", "Charts",
                           "Experiments", "MLflowTracking", "PipelineExport"],
            swiftSettings: staticRuntime),
        // The `sluice` binary: hands argv to SluiceCLI.
        .executableTarget(name: "sluice", dependencies: ["SluiceCLI"], swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),
        // Columnar tables of doubles and strings, CSV reading/writing, imputers, scalers, splits, metrics.
        .target(name: "Tabular", dependencies: ["Basics"], swiftSettings: staticRuntime),
        // `sluice-bench`: prints the speed figures the project sets targets for.
        .executableTarget(
            name: "sluice-bench", dependencies: ["Basics", "ContentStore", "PipelineState", "Tabular", "GradientBoosting"], path: "Sources/SluiceBench",
            swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),
        // What the fuzzer runs and the regression test replays: one entry point per file format
        // over the real readers, the seed files, and the mutations that make hostile inputs of them.
        .target(
            name: "FuzzTargets",
            dependencies: ["Basics", "YAML", "Pipeline", "PipelineState", "Project", "Tabular", "GradientBoosting", "RunStore", "MLTasks", "Drift"],
            swiftSettings: staticRuntime),
        // `sluice-fuzz`: mutates seed files, runs them through FuzzTargets in a supervised worker, saves crashers and hangs.
        .executableTarget(
            name: "sluice-fuzz", dependencies: ["Basics", "FuzzTargets"], path: "Sources/SluiceFuzz",
            swiftSettings: staticRuntime, linkerSettings: staticRuntimeLink),
        // Helpers for tests only: temporary directories, running the binary, snapshots.
        .target(name: "_TestSupport", dependencies: ["Basics"], path: "Sources/_TestSupport"),

        .testTarget(name: "BasicsTests", dependencies: ["Basics", "_TestSupport"]),
        .testTarget(
            name: "YAMLTests", dependencies: ["YAML", "_TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "_TestSupport"]),
        .testTarget(name: "ContentStoreTests", dependencies: ["ContentStore", "_TestSupport"]),
        .testTarget(name: "PipelineStateTests", dependencies: ["PipelineState", "ContentStore", "_TestSupport"]),
        .testTarget(name: "ProjectTests", dependencies: ["Project", "PipelineState", "RunStore", "_TestSupport"]),
        // Override parsing and writing, nearest keys, experiment grids, the show table's order.
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Project", "RunStore", "_TestSupport"]),
        .testTarget(name: "PipelineEngineTests", dependencies: ["PipelineEngine", "PipelineState", "_TestSupport"]),
        .testTarget(name: "TabularTests", dependencies: ["Tabular", "_TestSupport"]),
        // Hand-computed splits, gains and leaves; determinism across threads; the model file.
        .testTarget(name: "GradientBoostingTests", dependencies: ["GradientBoosting", "_TestSupport"], exclude: ["Fixtures"]),
        // Every statistic against scipy's own results (fixtures written by make_drift_fixtures.py), edge inputs, the profile's size and error.
        .testTarget(name: "DriftTests", dependencies: ["Drift", "Basics"], resources: [.copy("Fixtures")]),
        // Nice ticks, number labels, escaping, well-formed SVG for degenerate data, thinning, byte-stable output.
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Basics"]),
        // Parsing, located errors, grid order and size, sampling determinism and bounds.
        .testTarget(name: "SearchSpaceTests", dependencies: ["SearchSpace", "Basics"]),
        // Hand-computed SHAP values of small trees; XGBoost's pred_contribs on the same models (Fixtures/make_shap_fixtures.py).
        .testTarget(name: "ExplanationTests", dependencies: ["Explanation", "GradientBoosting", "Basics"], exclude: ["Fixtures"]),
        // Plot schema, every data format, x/y defaults, located errors, templates, the thinning bound.
        .testTarget(name: "PlotsTests", dependencies: ["Plots", "Pipeline", "Charts", "_TestSupport"]),
        .testTarget(name: "MLTasksTests", dependencies: ["MLTasks", "Drift", "SearchSpace", "GradientBoosting", "_TestSupport"]),
        // Run records, id order, run references, killed detection, history, filters, MLflow layout.
        .testTarget(name: "RunStoreTests", dependencies: ["RunStore", "_TestSupport"]),
        .testTarget(name: "RemoteTests", dependencies: ["Remote", "Basics", "ContentStore", "_TestSupport"]),
        // Request bodies, batching within MLflow's limits, idempotent re-export against a recording transport.
        .testTarget(name: "MLflowTrackingTests", dependencies: ["MLflowTracking", "RunStore", "Basics", "_TestSupport"]),
        // Edges, ids, escaping for Python, YAML and GitHub expressions, meta retries and timeouts.
        .testTarget(name: "PipelineExportTests", dependencies: ["PipelineExport", "Pipeline", "YAML", "Basics", "_TestSupport"]),
        .testTarget(name: "RunReportTests", dependencies: ["RunReport", "RunStore", "Charts", "Basics"]),
        .testTarget(
            name: "CommandLineKitTests", dependencies: ["CommandLineKit", "_TestSupport"],
            resources: [.copy("Snapshots")]),
        .testTarget(
            name: "SluiceCLITests", dependencies: ["SluiceCLI", "_TestSupport"]),
        // The regression corpus of inputs that once crashed or hung, the seeds, bundles, mutations.
        .testTarget(
            name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "_TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["sluice", "Tabular", "_TestSupport"],
            resources: [.copy("Fixtures"), .copy("Snapshots")]),
    ]
)
