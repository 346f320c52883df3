import Basics
import YAML

/// One stage as pipeline.yaml declares it, after interpolation and expansion.
///
/// Paths are kept twice: as written (relative to the stage's `wdir`, which is what
/// the lock file records, as DVC does) and normalized relative to the project root
/// (which is what the graph and the fingerprints use).
package struct StageSpec: Hashable, Sendable {
    /// The stage name; generated stages are `name@key`. Unique within its pipeline file,
    /// and the key of its entry in that file's lock file.
    package var name: String
    /// The pipeline file declaring it, relative to the project root (`pipeline.yaml`,
    /// `pipelines/x/dvc.yaml`): with `name`, the stage's identity.
    package var file: String
    /// Shell commands run in order with `/bin/sh -c`.
    package var commands: [String]
    /// The working directory, relative to the project root (`.` for the root itself); by
    /// default the pipeline file's folder.
    package var workingDirectory: String
    /// Files and directories the stage reads.
    package var dependencies: [DependencySpec]
    /// Parameters the stage reads, tracked by value.
    package var parameters: [ParamRef]
    /// Files and directories the stage writes: outs, metrics and plots.
    package var outputs: [OutputSpec]
    /// Run on every `repro`, whatever changed.
    package var alwaysChanged: Bool
    /// Never run; the recorded outputs are used as they are.
    package var frozen: Bool
    /// A description for people.
    package var description: String?
    /// The stage's `meta:` as written (never interpolated, as in DVC): free-form for
    /// people and tools; the exporters read their task settings from it.
    package var meta: YAMLNode?
    /// Where the stage is declared (its name in pipeline.yaml).
    package var location: SourceLocation

    /// The commands as one text, the form compared with the lock file.
    package var commandText: String { commands.joined(separator: "\n") }

    /// How commands and reports name the stage: `file:name`, as DVC does, or the bare
    /// name for a stage of the pipeline file in the project root.
    package var address: String { Self.address(file: file, name: name) }

    /// The address of the stage `name` of the pipeline file `file` (root-relative).
    package static func address(file: String, name: String) -> String {
        file.utf8.contains(UInt8(ascii: "/")) ? file + ":" + name : name
    }

    /// Creates a stage.
    package init(
        name: String, file: String = "pipeline.yaml", commands: [String], workingDirectory: String = ".",
        dependencies: [DependencySpec] = [], parameters: [ParamRef] = [], outputs: [OutputSpec] = [],
        alwaysChanged: Bool = false, frozen: Bool = false, description: String? = nil, location: SourceLocation
    ) {
        self.name = name
        self.file = file
        self.commands = commands
        self.workingDirectory = workingDirectory
        self.dependencies = dependencies
        self.parameters = parameters
        self.outputs = outputs
        self.alwaysChanged = alwaysChanged
        self.frozen = frozen
        self.description = description
        self.location = location
    }
}

/// A file or directory a stage reads.
package struct DependencySpec: Hashable, Sendable {
    /// As written in pipeline.yaml, relative to the stage's working directory.
    package var declaredPath: String
    /// Normalized, relative to the project root; absolute when it lies outside the root.
    package var path: String
    /// Where it is declared.
    package var location: SourceLocation

    /// Whether it lies outside the project root: read and hashed, never cached or checked out.
    package var isExternal: Bool { ProjectPath.isExternal(path) }

    /// Creates a dependency.
    package init(declaredPath: String, path: String, location: SourceLocation) {
        self.declaredPath = declaredPath
        self.path = path
        self.location = location
    }
}

/// A file or directory a stage writes.
package struct OutputSpec: Hashable, Sendable {
    /// Which list of pipeline.yaml declared it.
    package enum Kind: String, Hashable, Sendable { case outs, metrics, plots }

    /// As written in pipeline.yaml, relative to the stage's working directory.
    package var declaredPath: String
    /// Normalized, relative to the project root; absolute when it lies outside the root
    /// (which `repro` refuses).
    package var path: String
    /// Which list declared it.
    package var kind: Kind
    /// Whether successful versions are kept in the content cache (default true, as DVC).
    package var cache: Bool
    /// Whether the output is left in place before the stage runs (default: removed).
    package var persist: Bool
    /// A description for people.
    package var description: String?
    /// Where it is declared.
    package var location: SourceLocation

    /// Whether it lies outside the project root, where sluice never writes.
    package var isExternal: Bool { ProjectPath.isExternal(path) }

    /// Creates an output.
    package init(
        declaredPath: String, path: String, kind: Kind = .outs, cache: Bool = true, persist: Bool = false,
        description: String? = nil, location: SourceLocation
    ) {
        self.declaredPath = declaredPath
        self.path = path
        self.kind = kind
        self.cache = cache
        self.persist = persist
        self.description = description
        self.location = location
    }
}

/// A parameter a stage tracks: one key (or a whole section) of a params file.
package struct ParamRef: Hashable, Sendable {
    /// The params file as written (relative to the stage's working directory), e.g. `params.yaml`.
    package var file: String
    /// The params file, normalized relative to the project root.
    package var path: String
    /// A dotted key such as `train.learning_rate` or a section such as `train`;
    /// `nil` tracks every key of the file.
    package var key: String?
    /// Where it is declared.
    package var location: SourceLocation
    /// Where its params file is named: the file's key in `{other.yaml: [keys]}`, else
    /// `location` (the key of params.yaml, or the file in `{other.yaml: null}`).
    package var fileLocation: SourceLocation

    /// Creates a parameter reference; `fileLocation` defaults to `location`.
    package init(file: String, path: String, key: String?, location: SourceLocation, fileLocation: SourceLocation? = nil) {
        self.file = file
        self.path = path
        self.key = key
        self.location = location
        self.fileLocation = fileLocation ?? location
    }
}
