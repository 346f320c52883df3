import Basics
import Foundation
import Project
import RunStore

/// The run store of the current project, as the inspection commands read it.
struct RunsContext {
    let workspace: Workspace
    let store: RunStore
    /// Readable runs, oldest first.
    let runs: [StoredRun]
    /// Now, for ages.
    let now: Date

    /// Reads the store; unreadable run folders are reported as warnings and left out.
    init(file: String?, console: Console) throws {
        workspace = try Workspace.locate(file: file)
        store = RunStore(directory: workspace.runsDirectory)
        let (runs, problems) = store.runs()
        for var problem in problems {
            problem.severity = .warning  // one broken folder must not hide the other runs
            console.err(DiagnosticPrinter(baseDirectory: workspace.root).render(problem))
        }
        self.runs = runs
        now = try SluiceClock.now()
    }

    /// The run a user's reference names.
    func resolve(_ reference: String) throws(Diagnostic) -> StoredRun {
        try RunReference.resolve(reference, in: runs)
    }
}
