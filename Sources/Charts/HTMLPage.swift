/// A self-contained HTML document: headings, paragraphs, tables, summaries and charts
/// as inline SVG, styled by an inline stylesheet. It loads nothing: no script, no font,
/// no image, no URL of any kind, and its Content-Security-Policy forbids the browser to
/// fetch anything, so it reads the same offline, as a CI artifact or from an e-mail.
package struct HTMLPage: Sendable, Equatable {
    /// The document's title and top heading.
    package var title: String
    /// The page's content, in order.
    package var blocks: [HTMLBlock]

    /// An empty page titled `title`.
    package init(title: String, blocks: [HTMLBlock] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Appends a heading.
    package mutating func heading(_ text: String) { blocks.append(.heading(text)) }

    /// Appends a paragraph.
    package mutating func paragraph(_ text: String, emphasis: Emphasis = .none) { blocks.append(.paragraph(text, emphasis)) }

    /// Appends a table.
    package mutating func table(_ table: HTMLTable) { blocks.append(.table(table)) }

    /// Appends a chart drawn at `width` × `height`.
    package mutating func chart(_ chart: Chart, width: Int = 640, height: Int = 400) { blocks.append(.chart(chart, width: width, height: height)) }

    /// Appends charts laid out side by side.
    package mutating func charts(_ charts: [Chart], width: Int = 420, height: Int = 280) { blocks.append(.charts(charts, width: width, height: height)) }

    /// Appends a block of name–value facts.
    package mutating func summary(_ items: [SummaryItem]) { blocks.append(.summary(items)) }

    /// Appends a section titled `title` whose blocks `build` adds to a page of its own.
    package mutating func section(_ title: String, _ build: (inout HTMLPage) -> Void) {
        var inner = HTMLPage(title: title)
        build(&inner)
        blocks.append(.section(HTMLSection(title, inner.blocks)))
    }

    /// The whole document. The same page always gives the same bytes.
    package func html() -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        html += "<title>" + XMLText.escaped(title) + "</title>\n<style>\n" + HTMLStyle.css + "</style>\n</head>\n<body>\n<main>\n"
        html += "<h1>" + XMLText.escaped(title) + "</h1>\n"
        for block in blocks { html += Self.html(block, depth: 1) }
        return html + "</main>\n</body>\n</html>\n"
    }

    /// One block at section `depth` (1 under the page's h1), headings capped at h6.
    static func html(_ block: HTMLBlock, depth: Int) -> String {
        switch block {
        case .heading(let text):
            let level = min(depth + 1, 6)
            return "<h\(level)>" + XMLText.escaped(text) + "</h\(level)>\n"
        case .paragraph(let text, let emphasis):
            return "<p" + (emphasis == .none ? "" : " class=\"\(emphasis.rawValue)\"") + ">" + XMLText.escaped(text) + "</p>\n"
        case .table(let table):
            return "<div class=\"table\">\n" + table.html() + "</div>\n"
        case .chart(let chart, let width, let height):
            return "<figure>\n" + chart.svg(width: width, height: height) + "</figure>\n"
        case .charts(let charts, let width, let height):
            return "<div class=\"charts\">\n" + charts.map { "<figure>\n" + $0.svg(width: width, height: height) + "</figure>\n" }.joined() + "</div>\n"
        case .summary(let items):
            var html = "<dl class=\"summary\">\n"
            for item in items {
                let value = item.emphasis == .none ? "<dd>" : "<dd class=\"\(item.emphasis.rawValue)\">"
                html += "<div><dt>" + XMLText.escaped(item.name) + "</dt>" + value + XMLText.escaped(item.value) + "</dd></div>\n"
            }
            return html + "</dl>\n"
        case .section(let section):
            let level = min(depth + 1, 6)
            var html = "<section>\n<h\(level)>" + XMLText.escaped(section.title) + "</h\(level)>\n"
            for inner in section.blocks { html += Self.html(inner, depth: depth + 1) }
            return html + "</section>\n"
        }
    }
}
