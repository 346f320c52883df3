import Basics
import Foundation
import Pipeline
import YAML

/// The `parsing` settings (how `${mapping}` in `cmd` becomes arguments), read from the
/// project's configuration for the pipeline loader.
extension Workspace {
    /// The `parsing` settings: DVC's defaults, then `.dvc/config`'s `[parsing]` section
    /// (for projects that come from DVC), then `parsing:` in `.sluice/config.yaml`, which
    /// wins setting by setting. A value not allowed is a located configuration error.
    package func parsingOptions() throws(Diagnostic) -> ParsingOptions {
        var options = ParsingOptions()
        try applyDVCParsingConfig(to: &options)
        try applySluiceParsingConfig(to: &options)
        return options
    }

    /// `[parsing]` in `.dvc/config` (`bool = boolean_optional`).
    private func applyDVCParsingConfig(to options: inout ParsingOptions) throws(Diagnostic) {
        let displayName = ".dvc/config"
        let path = root + "/" + displayName
        guard FileKind(path: path) == .regular else { return }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .error("cannot read \(displayName): \(SystemErrorText.reason(error))",
                         hint: "make it readable, or remove it if the project no longer uses DVC")
        }
        for entry in INISection.entries(of: ParsingOptions.section, in: text, file: displayName) {
            guard entry.hasValue else {
                throw .error("expected 'key = value' in the [\(ParsingOptions.section)] section", at: entry.location,
                             hint: Self.parsingKeysHint)
            }
            try apply(entry.key, .text(entry.value), at: entry.location, keyLocation: entry.keyLocation, to: &options)
        }
    }

    /// `parsing: {bool: …, list: …}` in `.sluice/config.yaml`.
    private func applySluiceParsingConfig(to options: inout ParsingOptions) throws(Diagnostic) {
        let configPath = stateDirectory + "/config.yaml"
        guard FileManager.default.fileExists(atPath: configPath),
              let section = try YAML.load(path: configPath, displayName: ".sluice/config.yaml")[ParsingOptions.section] else {
            return
        }
        let pairs: [YAMLPair]
        switch section.value {
        case .mapping(let found): pairs = found
        case .null: pairs = []
        default:
            throw .error("'\(ParsingOptions.section)' must be a mapping", at: section.location, hint: Self.parsingKeysHint)
        }
        for pair in pairs {
            // Only a string can be a setting's value; anything else is named by its kind.
            let found: Found = if case .string(let text) = pair.value.value { .text(text) } else { .other(pair.value.kindDescription) }
            try apply(pair.key.stringValue ?? pair.key.text ?? pair.key.kindDescription, found, at: pair.value.location, keyLocation: pair.key.location, to: &options)
        }
    }

    /// A setting's value as a file holds it.
    private enum Found {
        /// Text, which may be one of the allowed values.
        case text(String)
        /// Something else (`a sequence`, `an integer`), never allowed.
        case other(String)
    }

    /// Sets the setting `key` of the `parsing` section to `found`, or throws a located error.
    private func apply(
        _ key: String, _ found: Found, at location: SourceLocation, keyLocation: SourceLocation,
        to options: inout ParsingOptions
    ) throws(Diagnostic) {
        let section = ParsingOptions.section
        guard let setting = ParsingOptions.setting(named: key) else {
            let names = ParsingOptions.settings.map(\.name)
            let hint = Suggestion.closest(to: key, among: names).map { "did you mean '\($0)'?" } ?? Self.parsingKeysHint
            throw .error("unknown setting '\(key)' in '\(section)'", at: keyLocation, hint: hint)
        }
        let shown: String
        switch found {
        case .text(let value):
            if setting.apply(value, to: &options) { return }
            shown = "'\(value)'"
        case .other(let kind):
            shown = kind
        }
        throw .error("\(section).\(setting.name) must be \(setting.allowedList), not \(shown)", at: location,
                     hint: "\(setting.help); the default is '\(setting.defaultValue)'")
    }

    /// The settings the `parsing` section takes, for hints.
    private static var parsingKeysHint: String {
        "'\(ParsingOptions.section)' takes " + ParsingOptions.settings.map { "\($0.name) (\($0.allowedList))" }
            .joined(separator: " and ")
    }
}
