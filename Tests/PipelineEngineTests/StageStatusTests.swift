import Basics
import ContentStore
import PipelineState
import Pipeline
import PipelineEngine
import Testing

@Suite struct StageStatusTests {
    static let here = SourceLocation(file: "pipeline.yaml", line: 1, column: 1)
    static let input = Fingerprint.file(hash: "aaa", size: 3)
    static let model = Fingerprint.file(hash: "bbb", size: 5)

    static func stage(alwaysChanged: Bool = false, frozen: Bool = false, deps: [String] = ["data.csv"],
                      outs: [String] = ["model.json"], params: [String] = ["train.lr"]) -> StageSpec {
        StageSpec(
            name: "train", commands: ["python train.py"],
            dependencies: deps.map { DependencySpec(declaredPath: $0, path: $0, location: here) },
            parameters: params.map { ParamRef(file: "params.yaml", path: "params.yaml", key: $0, location: here) },
            outputs: outs.map { OutputSpec(declaredPath: $0, path: $0, location: here) },
            alwaysChanged: alwaysChanged, frozen: frozen, location: here)
    }

    static let recorded = LockEntry(
        commands: ["python train.py"], dependencies: [LockedPath(path: "data.csv", fingerprint: input)],
        parameters: ["params.yaml": ["train.lr": .double(0.1)]], outputs: [LockedPath(path: "model.json", fingerprint: model)])

    static func observed(data: Fingerprint = input, model: Fingerprint = model, lr: JSONValue = .double(0.1)) -> ObservedState {
        ObservedState(fingerprints: ["data.csv": data, "model.json": model], parameters: ["params.yaml": ["train.lr": lr]])
    }

    @Test func upToDateWhenEverythingMatches() {
        #expect(StageStatus.reasons(for: Self.stage(), lock: Self.recorded, observed: Self.observed()) == [])
    }

    @Test func neverRunWithoutLockEntry() {
        #expect(StageStatus.reasons(for: Self.stage(), lock: nil, observed: Self.observed()) == [.neverRun])
    }

    @Test func eachChangeIsNamed() {
        let cases: [(ObservedState, [StaleReason])] = [
            (Self.observed(data: .file(hash: "ccc", size: 3)), [.dependencyModified(path: "data.csv")]),
            (Self.observed(data: .missing), [.dependencyDeleted(path: "data.csv")]),
            (Self.observed(model: .missing), [.outputDeleted(path: "model.json")]),
            (Self.observed(model: .file(hash: "ddd", size: 5)), [.outputModified(path: "model.json")]),
            (Self.observed(lr: .double(0.2)),
             [.parameterChanged(file: "params.yaml", key: "train.lr", old: .double(0.1), new: .double(0.2))]),
        ]
        for (observed, expected) in cases {
            #expect(StageStatus.reasons(for: Self.stage(), lock: Self.recorded, observed: observed) == expected)
        }
    }

    @Test func equivalentNumberIsNotAChange() {
        var lock = Self.recorded
        lock.parameters["params.yaml"] = ["train.lr": .int(1)]
        #expect(StageStatus.reasons(for: Self.stage(), lock: lock, observed: Self.observed(lr: .double(1.0))) == [])
    }

    @Test func changedCommand() {
        var stage = Self.stage()
        stage.commands = ["python train.py --fast"]
        #expect(StageStatus.reasons(for: stage, lock: Self.recorded, observed: Self.observed()) == [.commandChanged])
    }

    @Test func removedDepOrParamDoesNotRerunButAddedOneDoes() {
        #expect(StageStatus.reasons(for: Self.stage(deps: [], params: []), lock: Self.recorded,
                                    observed: ObservedState(fingerprints: ["model.json": Self.model], parameters: [:])) == [])
        var observed = Self.observed()
        observed.fingerprints["extra.csv"] = .file(hash: "eee", size: 1)
        #expect(StageStatus.reasons(for: Self.stage(deps: ["data.csv", "extra.csv"]), lock: Self.recorded, observed: observed)
            == [.dependencyAdded(path: "extra.csv")])
        observed.parameters["params.yaml"]?["train.depth"] = .int(6)
        #expect(StageStatus.reasons(for: Self.stage(params: ["train.lr", "train.depth"]), lock: Self.recorded, observed: observed)
            .contains(.parameterChanged(file: "params.yaml", key: "train.depth", old: nil, new: .int(6))))
    }

    @Test func alwaysChangedAndCommandOnlyStagesAlwaysRun() {
        #expect(StageStatus.reasons(for: Self.stage(alwaysChanged: true), lock: Self.recorded, observed: Self.observed())
            == [.alwaysChanged])
        let bare = Self.stage(deps: [], outs: [], params: [])
        #expect(StageStatus.reasons(for: bare, lock: LockEntry(commands: ["python train.py"]),
                                    observed: ObservedState(fingerprints: [:], parameters: [:])) == [.noDependenciesOrOutputs])
    }

    @Test func outsWithoutDepsAreUpToDateOnceRun() {
        let stage = Self.stage(deps: [], params: [])
        let lock = LockEntry(commands: ["python train.py"], outputs: [LockedPath(path: "model.json", fingerprint: Self.model)])
        #expect(StageStatus.reasons(for: stage, lock: lock, observed: ObservedState(fingerprints: ["model.json": Self.model], parameters: [:])) == [])
    }

    @Test func frozenStagesAreNeverStale() {
        #expect(StageStatus.reasons(for: Self.stage(frozen: true), lock: nil, observed: Self.observed()) == [])
    }
}

@Suite struct SectionParameterTests {
    @Test func changedLeafOfATrackedSectionIsNamed() {
        let here = SourceLocation(file: "pipeline.yaml", line: 1, column: 1)
        let stage = StageSpec(name: "train", commands: ["x"],
                              parameters: [ParamRef(file: "params.yaml", path: "params.yaml", key: "train", location: here)],
                              outputs: [OutputSpec(declaredPath: "m", path: "m", location: here)], location: here)
        let lock = LockEntry(commands: ["x"], parameters: ["params.yaml": ["train": .object(["lr": .double(0.1), "depth": .int(6)])]],
                             outputs: [LockedPath(path: "m", fingerprint: .file(hash: "h", size: 1))])
        let observed = ObservedState(
            fingerprints: ["m": .file(hash: "h", size: 1)],
            parameters: ["params.yaml": ["train": .object(["depth": .int(6), "lr": .double(0.2), "seed": .int(1)])]])
        #expect(StageStatus.reasons(for: stage, lock: lock, observed: observed) == [
            .parameterChanged(file: "params.yaml", key: "train.lr", old: .double(0.1), new: .double(0.2)),
            .parameterChanged(file: "params.yaml", key: "train.seed", old: nil, new: .int(1)),
        ])
    }
}

/// Inputs a repro cannot bring: a dependency that no stage writes, a params file that
/// does not exist. Status names them whatever the lock file recorded.
@Suite struct MissingInputStatusTests {
    static func reasons(lock: LockEntry?, deps: [String] = ["data.csv"], unproduced: Set<String> = [],
                        missingParams: [String] = [], frozen: Bool = false) -> [StaleReason] {
        var observed = StageStatusTests.observed(data: unproduced.isEmpty ? StageStatusTests.input : .missing)
        observed.unproducedDependencies = unproduced
        observed.missingParamsFiles = missingParams
        return StageStatus.reasons(for: StageStatusTests.stage(frozen: frozen, deps: deps), lock: lock, observed: observed)
    }

    @Test func recordedDependencyThatNoStageWritesIsMissingNotDeleted() {
        #expect(Self.reasons(lock: StageStatusTests.recorded, unproduced: ["data.csv"]) == [.dependencyMissing(path: "data.csv")])
    }

    @Test func addedDependencyThatDoesNotExistIsNamed() {
        // It was not recorded, so it is not "new" either: before, status said nothing at all.
        var observed = StageStatusTests.observed()
        observed.unproducedDependencies = ["extra.csv"]
        let reasons = StageStatus.reasons(for: StageStatusTests.stage(deps: ["data.csv", "extra.csv"]),
                                          lock: StageStatusTests.recorded, observed: observed)
        #expect(reasons == [.dependencyMissing(path: "extra.csv")])
    }

    @Test func stageThatNeverRanNamesWhatItLacks() {
        #expect(Self.reasons(lock: nil, unproduced: ["data.csv"], missingParams: ["configs/x.yml"])
            == [.neverRun, .dependencyMissing(path: "data.csv"), .paramsFileMissing(file: "configs/x.yml")])
    }

    @Test func missingParamsFileIsNamedOnce() {
        #expect(Self.reasons(lock: StageStatusTests.recorded, missingParams: ["configs/x.yml"])
            == [.paramsFileMissing(file: "configs/x.yml")])
    }

    @Test func frozenStagesAreStillNeverStale() {
        #expect(Self.reasons(lock: nil, unproduced: ["data.csv"], missingParams: ["configs/x.yml"], frozen: true) == [])
    }

    @Test func newReasonsReadAsDVCWordsThem() {
        let missing = StaleReason.dependencyMissing(path: "data/missing.txt")
        #expect(missing.summary == "changed deps: deleted data/missing.txt (no stage produces it)")
        #expect(missing.json == .object([("kind", .string("dep_missing")), ("path", .string("data/missing.txt"))]))
        let params = StaleReason.paramsFileMissing(file: "configs/x.yml")
        #expect(params.summary == "changed params: deleted configs/x.yml (the params file does not exist)")
        #expect(params.json == .object([("kind", .string("params_missing")), ("file", .string("configs/x.yml"))]))
    }
}
