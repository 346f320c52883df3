import Remote
import Testing
@testable import SluiceCLI

/// The progress line of push, fetch and pull.
@Suite struct TransferProgressLineTests {
    @Test func aPushKnowsItsBytesAPullCountsThem() {
        var push = TransferProgress(objectsTotal: 10000, bytesTotal: 102_400_000)
        push.objectsDone = 120
        push.bytesDone = 1_228_800
        #expect(TransferProgressLine.text(push, verb: "pushing") == "pushing 120/10000 objects, 1.2/102.4 MB")
        var pull = TransferProgress(objectsTotal: 3)
        pull.objectsDone = 1
        pull.bytesDone = 1 << 30
        #expect(TransferProgressLine.text(pull, verb: "fetching") == "fetching 1/3 objects, 1073.7 MB")
    }
}
