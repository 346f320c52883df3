/// How a table cell or paragraph stands out; a CSS class on the page.
package enum Emphasis: String, Sendable, Equatable {
    /// Plain text.
    case none
    /// Worth a look (a changed parameter): a pale yellow background.
    case highlight
    /// Good news (an improved metric, no drift): green.
    case good
    /// Bad news (a worse metric, severe drift): red.
    case bad
    /// Less important (a note, an unchanged value): grey.
    case muted
}
