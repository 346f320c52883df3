@testable import Charts
import Testing

@Suite struct HTMLPageTests {
    static func samplePage() -> HTMLPage {
        var page = HTMLPage(title: "Report <script>alert(1)</script>")
        page.summary([SummaryItem("level", "severe", emphasis: .bad), SummaryItem("share", "0.25")])
        page.section("Parameters") { section in
            section.paragraph("Changed values are highlighted & bold.", emphasis: .muted)
            section.table(HTMLTable(header: ["name", "run a", "run b"], rows: [["lr", .number(0.1), HTMLTable.Cell("0.3", emphasis: .highlight)], ["depth"]]))
            section.section("Nested") { $0.heading("Deeper") }
        }
        page.charts([Chart(title: "f1", series: [.histogram("ref", edges: [0, 1, 2], counts: [1, 2])]), Chart(title: "f2")])
        page.chart(Chart(title: "curve", series: [.line("train", [ChartPoint(0, 1), ChartPoint(1, 0.5)])]))
        return page
    }

    @Test func pageIsWellFormedAndSelfContained() throws {
        let html = Self.samplePage().html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Apart from the doctype, the page is XML too: a parser checks that every tag closes.
        let body = String(html.dropFirst("<!DOCTYPE html>\n".count))
        #expect(WellFormed.parse(body) != nil)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src=") && !html.contains("<script"))
        #expect(!html.contains("@import") && !html.contains("url("))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func everythingIsEscaped() {
        let html = Self.samplePage().html()
        #expect(html.contains("<title>Report &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("highlighted &amp; bold"))
    }

    @Test func structure() throws {
        let html = Self.samplePage().html()
        let parsed = try #require(WellFormed.parse(String(html.dropFirst("<!DOCTYPE html>\n".count))))
        #expect(parsed.counts["svg"] == 3 * 2, "three charts, each with its nested plot area")
        #expect(parsed.counts["h2"] == 1 && parsed.counts["h3"] == 1 && parsed.counts["h4"] == 1)
        #expect(parsed.counts["td"] == 6, "short rows are padded to the header's width")
        #expect(html.contains("<td class=\"num\">0.1</td>") && html.contains("<td class=\"highlight\">0.3</td>"))
        #expect(html.contains("<dd class=\"bad\">severe</dd>"))
        #expect(Self.samplePage().html() == html, "same page, same bytes")
    }
}
