// What kubectl's YAML reader (go-yaml v2, through sigs.k8s.io/yaml) refuses
// that the yaml package reads: characters outside YAML's printable set, and
// escapes of double-quoted strings that YAML 1.1 does not define (`\/`, a
// lone surrogate `\uD800`). The messages are go-yaml's.

export interface GoYamlProblem {
  /** Offset in the text where the problem is. */
  offset: number;
  message: string;
  /** What kubeplan adds to go-yaml's words, when it says more. */
  hint?: string;
}

/**
 * Characters go-yaml's reader refuses ("control characters are not allowed"):
 * anything but tab, line feed, carriage return, 0x20-0x7E, NEL, 0xA0-0xD7FF,
 * 0xE000-0xFFFD and the supplementary planes.
 */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/** The first character go-yaml refuses between `start` and `end`. */
export function controlCharacter(text: string, start = 0, end = text.length): GoYamlProblem | undefined {
  // Searched in the slice, not on to the end of the text: a file is searched once per chunk.
  const match = NOT_PRINTABLE.exec(text.slice(start, end));
  if (!match) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return { offset: start + match.index, message: `control characters are not allowed (U+${code})` };
}

export function hasControlCharacters(text: string): boolean {
  return controlCharacter(text) !== undefined;
}

/** Escapes go-yaml decodes: the letter after the backslash, and how many hex digits follow it. */
const ESCAPES: Record<string, number> = {
  "0": 0, a: 0, b: 0, t: 0, "\t": 0, n: 0, v: 0, f: 0, r: 0, e: 0, " ": 0, '"': 0, "'": 0, "\\": 0,
  N: 0, _: 0, L: 0, P: 0, x: 2, u: 4, U: 8,
};

/**
 * The first escape of a double-quoted scalar (its source, quotes included)
 * that go-yaml refuses; `offset` is relative to the source.
 */
export function badEscape(source: string): GoYamlProblem | undefined {
  for (let i = source.indexOf("\\"); i >= 0 && i < source.length - 1; i = source.indexOf("\\", i + 2)) {
    const letter = source[i + 1]!;
    if (letter === "\n" || letter === "\r" || letter === "\u2028" || letter === "\u2029") continue; // an escaped line break
    const digits = Object.hasOwn(ESCAPES, letter) ? ESCAPES[letter] : undefined;
    if (digits === undefined) {
      const escape = JSON.stringify("\\" + letter);
      const advice = "write the character without the backslash, or \\\\ for a backslash";
      return { offset: i, message: `found unknown escape character ${escape} while parsing a quoted scalar (${advice})`, hint: `${escape}: ${advice}` };
    }
    if (digits === 0) continue;
    const hex = source.slice(i + 2, i + 2 + digits);
    if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) {
      return { offset: i, message: "did not find expected hexdecimal number while parsing a quoted scalar" };
    }
    const value = parseInt(hex, 16);
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
      return { offset: i, message: `found invalid Unicode character escape code ${JSON.stringify("\\" + letter + hex)} while parsing a quoted scalar` };
    }
    i += digits;
  }
  return undefined;
}

/**
 * go-yaml reads a lone carriage return, a NEL, and LS and PS as line breaks
 * (is_break): so does the text returned, a line feed in place of each (the
 * same length: positions stay). A lone CR or a NEL is a line feed to go-yaml
 * too; LS and PS it keeps in values (line-separators.ts gives them back).
 */
export function withLineFeeds(text: string): string {
  return /[\r\u0085\u2028\u2029]/.test(text) ? text.replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, "\n") : text;
}
