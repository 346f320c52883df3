import Basics
import Drift
import Foundation
import MLTasks

extension FuzzTarget {
    /// The batch every profile input is compared with: a number, a category, a 0/1
    /// flag and a date column, as the seed profiles have (and some missing cells).
    static let driftBatch = "x,city,flag,when\n1.5,Oslo,1,2024-01-05\n-2,Rome,0,2024-03-01 10:00:00\nNA,,1,\n1e300,Lima,0,2024-12-31\n"

    /// A reference profile, read as `ml drift --reference profile.json` reads it and
    /// compared with a small batch; a profile that reads must write a file that reads
    /// back the same.
    static func runProfile(_ bundle: FuzzBundle, in sandbox: FuzzSandbox) throws -> FuzzOutcome {
        let path = sandbox.path(of: "reference_profile.json", format: .profile)
        let profile = try ReferenceProfile.load(path: path, displayName: "reference_profile.json")
        guard let again = try? ReferenceProfile(json: JSONReader.parse(profile.jsonText), file: "again.json"), again == profile else {
            return .mismatch("the profile read does not read back the same once written")
        }
        let batch = sandbox.directory(for: .profile) + "/batch.csv"
        if !FileManager.default.fileExists(atPath: batch) { try Data(driftBatch.utf8).write(to: URL(fileURLWithPath: batch)) }
        var options = DriftTask.Options(referencePath: path, currentPath: batch)
        options.paramsPath = sandbox.directory(for: .profile) + "/no-params.yaml"
        let report = try DriftTask(options: options).run()
        _ = JSONWriter.pretty.string(report.json)
        _ = report.page(reference: "reference_profile.json", current: "batch.csv").html()
        return .accepted
    }
}
