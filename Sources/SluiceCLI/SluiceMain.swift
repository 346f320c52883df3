// Placeholder entry point until the command-line kit exists.
/// Runs sluice with the given arguments and returns the process exit status.
public func sluiceMain(_ arguments: [String]) -> Int32 { 0 }
