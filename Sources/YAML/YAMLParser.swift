import Basics

/// Builds node trees from the scanner's tokens: one recursive-descent function per
/// grammar rule, with anchors resolved and merge keys applied on the way.
///
/// Two limits keep hostile input from exhausting the machine: nesting depth (every
/// level costs stack) and the number of nodes aliases may add (an "alias bomb" of
/// nested anchors would otherwise expand exponentially in `json` and `==`).
struct YAMLParser {
    /// A node defined with `&name`, and how many nodes it stands for once expanded.
    struct Anchored {
        var node: YAMLNode
        var weight: Int
    }

    /// How deeply collections may nest.
    static let maxDepth = 256

    var scanner: YAMLScanner
    var anchors: [String: Anchored] = [:]
    var anchorsInProgress: Set<String> = []
    var tagHandles: [String: String] = [:]
    var depth = 0
    /// Nodes created in the current document, counting each alias as the nodes it copies.
    var nodeCount = 0
    /// Nodes added by aliases in the current document.
    var aliasExpansion = 0
    /// The most nodes aliases may add to one document.
    let aliasBudget: Int

    /// Creates a parser over validated UTF-8 bytes.
    init(bytes: [UInt8], file: String) {
        scanner = YAMLScanner(bytes: bytes, file: file)
        aliasBudget = max(1_000_000, 2 * bytes.count)
    }

    /// Every document of the stream.
    mutating func parseStream() throws(Diagnostic) -> [YAMLNode] {
        _ = try scanner.nextToken()
        var documents: [YAMLNode] = []
        while true {
            while case .documentEnd = try scanner.peekToken().kind { _ = try scanner.nextToken() }
            if case .streamEnd = try scanner.peekToken().kind { return documents }
            documents.append(try parseDocument())
        }
    }

    private mutating func parseDocument() throws(Diagnostic) -> YAMLNode {
        anchors = [:]
        anchorsInProgress = []
        nodeCount = 0
        aliasExpansion = 0
        let directives = try parseDirectives()
        let first = try scanner.peekToken()
        let root: YAMLNode
        if case .documentStart = first.kind {
            _ = try scanner.nextToken()
            let next = try scanner.peekToken()
            switch next.kind {
            case .documentStart, .documentEnd, .streamEnd, .versionDirective, .tagDirective, .reservedDirective:
                root = emptyNode(at: first.end)
            default:
                root = try parseNode(block: true, indentlessSequence: false)
            }
        } else if let directives {
            throw scanner.error(
                "directives must be followed by a '---' line", at: directives.start,
                hint: "add '---' after the directives to start the document")
        } else {
            root = try parseNode(block: true, indentlessSequence: false)
        }
        let after = try scanner.peekToken()
        switch after.kind {
        case .documentEnd, .documentStart, .streamEnd:
            return root
        default:
            throw scanner.error(
                "unexpected \(after.kind.userDescription) after the end of the document's top-level node",
                at: after.start,
                hint: "check the indentation of this line; a file holds one top-level node unless documents are separated by '---'")
        }
    }

    /// Reads the directives before a document and installs its tag handles.
    /// Returns the first directive token, if there was one.
    private mutating func parseDirectives() throws(Diagnostic) -> YAMLToken? {
        tagHandles = [:]
        var first: YAMLToken?
        var sawVersion = false
        while true {
            let token = try scanner.peekToken()
            switch token.kind {
            case .versionDirective(let major, let minor):
                if sawVersion {
                    throw scanner.error("duplicate %YAML directive", at: token.start, hint: "keep only one %YAML line")
                }
                guard major == 1 else {
                    throw scanner.error(
                        "unsupported YAML version \(major).\(minor)", at: token.start,
                        hint: "this reader understands YAML 1.x; write '%YAML 1.2'")
                }
                sawVersion = true
            case .tagDirective(let handle, let prefix):
                if tagHandles[handle] != nil {
                    throw scanner.error(
                        "duplicate %TAG directive for the handle '\(handle)'", at: token.start,
                        hint: "declare each handle once per document")
                }
                tagHandles[handle] = prefix
            case .reservedDirective:
                break
            default:
                return first
            }
            if first == nil { first = token }
            _ = try scanner.nextToken()
        }
    }

    /// A null node standing for a value that is not written at all.
    mutating func emptyNode(at mark: YAMLMark) -> YAMLNode {
        nodeCount += 1
        return YAMLNode(.null, at: scanner.location(mark), text: "")
    }
}
