// Go's `%q` of a string (strconv.Quote), as Kubernetes prints names and values
// in its messages.

const SIMPLE_ESCAPES: Record<string, string> = {
  "\u0007": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\u000b": "\\v",
  "\\": "\\\\",
  '"': '\\"',
};

/** Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * Whether Go's unicode.IsPrint holds for one character. ASCII is answered
 * without PRINTABLE: its Unicode classes take V8 a millisecond to compile,
 * which most runs, quoting only ASCII, need not pay.
 */
export function isGoPrint(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x80 && char.length === 1 ? code >= 0x20 && code < 0x7f : PRINTABLE.test(char);
}

/** Go's `%q` of a string. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) out += simple;
    else if (isGoPrint(char)) out += char;
    else if (codePoint < 0x80) out += "\\x" + codePoint.toString(16).padStart(2, "0");
    else if (codePoint <= 0xffff) out += "\\u" + codePoint.toString(16).padStart(4, "0");
    else out += "\\U" + codePoint.toString(16).padStart(8, "0");
  }
  return out + '"';
}
