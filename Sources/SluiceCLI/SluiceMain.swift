// SluiceCLI: every `sluice` command as a type. A command parses its options, calls the
// module that does the work (Project, PipelineEngine, MLTasks, RunStore), renders the
// results, diagnostics and progress, and chooses the exit status. The only module that
// prints.
//
// What this module must not know: how the work is done. Finding the project, recording
// runs, reading params and metrics, staleness, caching and ML live in the modules below;
// a command whose body grows logic beyond parsing and rendering moves it down.
import Basics
import CommandLineKit
import Foundation
import MLTasks
import Project

/// Runs sluice with `arguments` (without the program name) and returns the exit status.
package func sluiceMain(_ arguments: [String]) -> Int32 {
    let console = Console()
    let parser = CommandParser(root: SluiceCommand.self)
    let printer = DiagnosticPrinter(baseDirectory: FileManager.default.currentDirectoryPath) {
        try? Workspace.locate(file: nil).root
    }
    do {
        switch try parser.parse(arguments) {
        case .help(let text, let exitCode):
            console.out(text)
            return exitCode.rawValue
        case .version(let version):
            console.out(version)
            return ExitCode.success.rawValue
        case .run(let command, _):
            guard let runnable = command as? any RunnableCommand else { return ExitCode.usage.rawValue }
            return try runnable.run(console).rawValue
        }
    } catch let error as UsageError {
        console.err(error.rendered)
        return error.exitCode.rawValue
    } catch let error as ValidationError {
        console.err("error: \(error.message)")
        return ExitCode(error.cause).rawValue
    } catch let diagnostic as Diagnostic {
        console.err(printer.render(diagnostic))
        return ExitCode(diagnostic.cause).rawValue
    } catch let list as DiagnosticList {
        console.err(printer.render(list))
        return ExitCode(list.cause).rawValue
    } catch let failure as TaskFailure {
        console.err(printer.render(Diagnostic.failure(failure.message, at: failure.location, hint: failure.hint)))
        return ExitCode(failure.cause).rawValue
    } catch let failure as CommandFailure {
        return failure.exitCode.rawValue
    } catch let error as any CategorizedError {
        console.err("error: \(error)")
        return ExitCode(error.cause).rawValue
    } catch {
        // Foundation's and the system's errors: said in plain words, as a failure.
        console.err("error: \(SystemErrorText.describe(error))")
        return ExitCode.failure.rawValue
    }
}
