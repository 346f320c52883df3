// sluice: the executable. It hands its arguments to SluiceCLI and exits with the status
// SluiceCLI returns; it must not know anything else, so nothing else belongs here.
import Foundation
import SluiceCLI

exit(sluiceMain(Array(CommandLine.arguments.dropFirst())))
