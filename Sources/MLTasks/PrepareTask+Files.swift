import Basics
import Drift
import Foundation
import Tabular

extension PrepareTask {
    /// The files `ml prepare` reads and writes.
    package struct Files: Sendable {
        /// The raw CSV.
        package var input: String
        /// Where the training split goes.
        package var train: String
        /// Where the test split goes.
        package var test: String
        /// Where the fitted preprocessor goes.
        package var preprocessor: String
        /// Where the reference profile of the training split goes (for drift checks), if anywhere.
        package var profile: String?

        /// Names the files of one preparation.
        package init(input: String, train: String, test: String, preprocessor: String, profile: String? = nil) {
            self.profile = profile
            self.input = input
            self.train = train
            self.test = test
            self.preprocessor = preprocessor
        }
    }

    /// Reads `files.input`, prepares it and writes both splits and the preprocessor.
    /// Everything is computed before anything is written, so an error leaves no file.
    package func run(_ files: Files) throws -> Result {
        guard FileManager.default.fileExists(atPath: files.input) else {
            throw TaskFailure("input '\(files.input)' does not exist", hint: "run the ingest step first, or check --input")
        }
        let table = try CSVReader.read(path: files.input, displayName: files.input, options: configuration.readOptions)
        let (trainSplit, testSplit, result) = try run(table, inputName: files.input)
        let trainData = try CSVWriter.data(trainSplit), testData = try CSVWriter.data(testSplit)
        try AtomicFile.write(trainData, to: files.train)
        try AtomicFile.write(testData, to: files.test)
        let profile = files.profile.map { _ in DriftColumn.profile(of: result.rawTrain) }
        try result.preprocessor.write(to: files.preprocessor)
        if let path = files.profile, let profile { try AtomicFile.write(profile.jsonText + "\n", to: path) }
        return result
    }
}
