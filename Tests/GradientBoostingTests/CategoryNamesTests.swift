import Basics
import Foundation
import GradientBoosting
import Testing

/// Each categorical feature's strings in the model file, as XGBoost 3.1+ stores them
/// under `gradient_booster.model.cats`.
@Suite struct CategoryNamesTests {
    static func model(categoryNames: [[String]]) -> Booster {
        var leaf = RegressionTree.Node()
        leaf.condition = 0.5
        var model = Booster(objective: .squaredError, baseScore: 0, trees: [RegressionTree(nodes: [leaf])], featureNames: ["c", "x"])
        model.featureTypes = [.categorical, .numeric]
        model.categoryNames = categoryNames
        return model
    }

    @Test func namesRoundTripWithByteOrderRanks() throws {
        let model = Self.model(categoryNames: [["zebra", "Äpfel", "apple"], []])
        let text = model.xgboostJSON()
        // Ä's UTF-8 bytes (0xC3 0x84) sort after every ASCII letter.
        #expect(text.contains("\"feature_segments\":[0,3,3],\"sorted_idx\":[2,0,1]"))
        #expect(text.contains("{\"offsets\":[],\"values\":[]}"))
        let read = try Booster(xgboostJSON: Data(text.utf8), file: "model.json")
        #expect(read.categoryNames == [["zebra", "Äpfel", "apple"], []])
    }

    @Test func modelsWithoutNamesWriteAnEmptyEncoding() throws {
        let text = Self.model(categoryNames: []).xgboostJSON()
        #expect(text.contains("\"cats\":{\"enc\":[],\"feature_segments\":[],\"sorted_idx\":[]}"))
        #expect(try Booster(xgboostJSON: Data(text.utf8), file: "model.json").categoryNames == [])
    }

    /// The `cats` member as XGBoost 3.2 writes it for a pandas category column (blue,
    /// green, red) beside a float column; categories that were numbers have no offsets.
    @Test(arguments: [
        ("{\"enc\": [{\"offsets\": [0, 4, 9, 12], \"values\": [98, 108, 117, 101, 103, 114, 101, 101, 110, 114, 101, 100]}, {\"offsets\": [], \"values\": []}], \"feature_segments\": [0, 3, 3], \"sorted_idx\": [0, 1, 2]}",
         [["blue", "green", "red"], []]),
        ("{\"enc\": [{\"offsets\": [], \"values\": [1, 2]}, {\"offsets\": [], \"values\": []}], \"feature_segments\": [0, 2, 2], \"sorted_idx\": [0, 1]}",
         []),
    ])
    func xgboostEncodingIsRead(cats: String, expected: [[String]]) throws {
        let text = Self.model(categoryNames: []).xgboostJSON()
            .replacingOccurrences(of: "{\"enc\":[],\"feature_segments\":[],\"sorted_idx\":[]}", with: cats)
        #expect(try Booster(xgboostJSON: Data(text.utf8), file: "model.json").categoryNames == expected)
    }

    @Test func offsetsBeyondTheValuesAreRefused() {
        let text = Self.model(categoryNames: [["ab"], []]).xgboostJSON().replacingOccurrences(of: "\"offsets\":[0,2]", with: "\"offsets\":[0,5]")
        #expect { try Booster(xgboostJSON: Data(text.utf8), file: "model.json") } throws: { "\($0)".contains("offsets") }
    }
}
