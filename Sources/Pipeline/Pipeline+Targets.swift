import Basics

/// What commands accept as targets: stage addresses as DVC writes them, bare names
/// where they are unique, `foreach`/`matrix` groups, pipeline files and folders.
extension Pipeline {
    /// The stages `target` names, as indices:
    /// - `path/to/pipeline.yaml:name`: the stage `name` of that file (or its generated
    ///   stages `name@…`);
    /// - `path/to/pipeline.yaml`: every stage of that file;
    /// - a bare name: the stage of the root's pipeline file with that name, else the one
    ///   stage of any file with that name (several are an error listing their addresses),
    ///   else the generated stages of a `foreach`/`matrix` of that name.
    ///
    /// Paths are relative to the project root, as `status` and `dag` show them.
    package func stages(matching target: String) throws(Diagnostic) -> [Int] {
        var colon = target.startIndex
        while let found = target[colon...].firstIndex(of: ":") {
            if let file = knownFile(String(target[..<found])) {
                return try stages(named: String(target[target.index(after: found)...]), inFile: file, target: target)
            }
            colon = target.index(after: found)
        }
        if let file = knownFile(target) { return addresses.byFile[file] ?? [] }
        if let index = addresses.byAddress[target] { return [index] }
        if let named = addresses.byName[target] {
            guard named.count == 1 else { throw ambiguity(target, named.map { stages[$0].address }) }
            return named
        }
        if let group = addresses.byGroup[target] {
            let rootFile = group.filter { !stages[$0].file.utf8.contains(UInt8(ascii: "/")) }
            if !rootFile.isEmpty { return rootFile }
            let files = Set(group.map { stages[$0].file })
            guard files.count == 1 else { throw ambiguity(target, files.sorted().map { $0 + ":" + target }) }
            return group
        }
        throw notFound(target)
    }

    /// Every stage of the pipeline files in `folder` and below it; `folder` is
    /// root-relative or absolute.
    package func stages(inFolder folder: String) throws(Diagnostic) -> [Int] {
        let relative = ProjectPath.resolve(folder, root: root)
        guard !ProjectPath.isExternal(relative) else {
            throw .error("folder '\(folder)' is outside the project root \(root)",
                         hint: "-R takes folders of the project, whose pipeline files it collects")
        }
        let inside = files.filter { ProjectPath.isInside(PipelineFile.directory(of: $0), relative) }
        guard !inside.isEmpty else {
            throw .error("no pipeline file in '\(folder)' or below it",
                         hint: "the project's pipeline files: \(files.joined(separator: ", "))")
        }
        return inside.flatMap { addresses.byFile[$0] ?? [] }
    }

    /// `path` as one of `files`, as written or normalized (`./sub/pipeline.yaml`).
    private func knownFile(_ path: String) -> String? {
        guard !path.isEmpty else { return nil }
        if addresses.byFile[path] != nil { return path }
        let normalized = ProjectPath.resolve(path, root: root)
        return addresses.byFile[normalized] != nil ? normalized : nil
    }

    /// The stage `name` of `file`, or the stages it generates.
    private func stages(named name: String, inFile file: String, target: String) throws(Diagnostic) -> [Int] {
        if let index = addresses.byAddress[StageSpec.address(file: file, name: name)] { return [index] }
        let group = (addresses.byGroup[name] ?? []).filter { stages[$0].file == file }
        guard group.isEmpty else { return group }
        let names = (addresses.byFile[file] ?? []).map { stages[$0].name }
        throw .error("no stage named '\(name)' in \(file)",
                     hint: Suggestion.closest(to: name, among: names).map { "did you mean '\(file):\($0)'?" }
                        ?? "'sluice dag' lists the stages")
    }

    private func ambiguity(_ target: String, _ candidates: [String]) -> Diagnostic {
        .error("stage name '\(target)' is ambiguous: \(candidates.joined(separator: ", "))",
               hint: "name the stage by its address, e.g. '\(candidates[0])'")
    }

    private func notFound(_ target: String) -> Diagnostic {
        let place = files.count == 1 ? displayName : "the \(files.count) pipeline files"
        let hint = Suggestion.closest(to: target, among: stages.map(\.address)).map { "did you mean '\($0)'?" }
            ?? "'sluice dag' lists the stages"
        return .error("no stage named '\(target)' in \(place)", hint: hint)
    }
}
