import Foundation
import SluiceCLI

exit(sluiceMain(Array(CommandLine.arguments.dropFirst())))
