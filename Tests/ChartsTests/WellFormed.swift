import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks text with Foundation's XML parser: whether it is well-formed, and how many
/// elements of each name it holds.
final class WellFormed: NSObject, XMLParserDelegate {
    private(set) var counts: [String: Int] = [:]
    private(set) var texts: [String] = []
    private var current = ""

    /// Parses `text`; nil when it is not well-formed XML.
    static func parse(_ text: String) -> WellFormed? {
        let checker = WellFormed()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = checker
        return parser.parse() ? checker : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" || name == "title" { texts.append(current) }
        current = ""
    }
}
