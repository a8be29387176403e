// Text made safe for XML 1.0: escaped markup, and no character that XML
// forbids (most control characters, lone surrogates, U+FFFE/U+FFFF), which
// would make a CI server reject the whole report.

// Allowed: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, and surrogate pairs.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces the characters XML cannot carry with U+FFFD. */
function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, "\uFFFD");
}

/** Element content. CR is kept as a reference, or parsers would turn CRLF into LF. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** A double-quoted attribute value; line breaks and tabs as references so they survive normalization. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
