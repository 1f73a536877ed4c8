/**
 * Text made safe for XML 1.0 content and attribute values. XML 1.0 cannot
 * carry most C0 control characters (U+0000–U+0008, U+000B, U+000C,
 * U+000E–U+001F), U+FFFE/U+FFFF or lone surrogates at all, not even as
 * character references, so those become U+FFFD (visibly replaced rather than
 * silently dropped). Tab, line feed and carriage return are written as
 * character references so that parsers' end-of-line and attribute-value
 * normalisation give back exactly the text we wrote.
 */

const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const MARKUP = /[&<>"'\t\n\r]/g;
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** The text an XML parser gives back for `escapeXml(text)`. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD');
}

export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(MARKUP, (character) => REFERENCES[character] ?? character);
}
