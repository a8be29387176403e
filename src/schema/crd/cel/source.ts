// Rules are parsed by cel-js after renamings of calls, outside string
// literals: `has(` becomes the general has() macro of lib/macros.ts,
// `matches(` the RE2 matcher of lib/regex.ts (cel-js's own compiles
// JavaScript regular expressions, which neither read RE2's syntax nor bound
// their work), and the type conversions `int(`, `uint(`, `double(`,
// `bool(`, `string(`, `duration(` and `timestamp(` those of lib/conversions.ts (cel-js's
// read strings as JavaScript does, not as Go does), and the string methods
// `indexOf(`, `lastIndexOf(`, `substring(`, `lowerAscii(`, `upperAscii(` and
// `trim(` those of lib/strings.ts (cel-js's count UTF-16 units).
// Strings are skipped whatever their form: quotes ' or ", triple quotes,
// raw (r"") and bytes (b"") prefixes, escapes.
// cel-js does not read optional entries of list and map literals (`[?x]`,
// `{?k: v}`), which cel-go's parser reads with optional syntax on (every
// release kubeplan targets): the `?` that starts such an entry becomes a
// `!`, which cel-js reads as a unary operator at the same place, and
// lib/optional-entries.ts turns those nodes back into optional entries.

const RENAMED: Record<string, string> = {
  has: "__has", matches: "__matches", int: "__int", uint: "__uint", double: "__double", bool: "__bool", string: "__string", duration: "__duration", timestamp: "__timestamp",
  indexOf: "__indexOf", lastIndexOf: "__lastIndexOf", substring: "__substring", lowerAscii: "__lowerAscii", upperAscii: "__upperAscii", trim: "__trim",
};

/** The index just past the string literal that starts at `start` (its opening quote). */
export function skipString(text: string, start: number, raw: boolean): number {
  const quote = text[start]!;
  const triple = text.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  let i = start + close.length;
  while (i < text.length) {
    if (!raw && text[i] === "\\") {
      i += 2;
      continue;
    }
    if (text.startsWith(close, i)) return i + close.length;
    if (!triple && (text[i] === "\n" || text[i] === "\r")) return i;
    i++;
  }
  return i;
}

const isIdentStart = (char: string | undefined) => char !== undefined && ((char >= "a" && char <= "z") || (char >= "A" && char <= "Z") || char === "_");
const isIdentPart = (char: string | undefined) => isIdentStart(char) || (char !== undefined && char >= "0" && char <= "9");

/** What an opening bracket opens: a list literal, an index, a map literal, a message construction, a call or a group. */
type Opened = "list" | "index" | "map" | "construction" | "paren";

/** The last token before the current one, as far as telling a list literal from an index and an entry's start needs. */
type Previous = "value" | "word" | "open" | "comma" | "other";

/** The expression with the calls above renamed and optional entries marked, the offsets of the renamed words and of the marks. */
function rewrite(expression: string): { text: string; renamedAt: number[]; optionalAt: number[] } {
  const renamedAt: number[] = [];
  const optionalAt: number[] = [];
  const opened: Opened[] = [];
  let previous: Previous = "other";
  let out = "";
  let i = 0;
  while (i < expression.length) {
    const char = expression[i]!;
    if (char === "'" || char === '"') {
      const end = skipString(expression, i, false);
      out += expression.slice(i, end);
      i = end;
      previous = "value";
      continue;
    }
    if (isIdentStart(char)) {
      let end = i + 1;
      while (isIdentPart(expression[end])) end++;
      const word = expression.slice(i, end);
      const prefix = /^[rRbB]{1,2}$/.test(word) && (expression[end] === "'" || expression[end] === '"');
      if (prefix) {
        const stop = skipString(expression, end, /[rR]/.test(word));
        out += expression.slice(i, stop);
        i = stop;
        previous = "value";
        continue;
      }
      let next = end;
      while (expression[next] === " " || expression[next] === "\t" || expression[next] === "\n" || expression[next] === "\r") next++;
      const renamed = expression[next] === "(" && Object.hasOwn(RENAMED, word);
      if (renamed) renamedAt.push(i);
      out += renamed ? RENAMED[word] : word;
      i = end;
      // `in` is an operator: a `[` after it opens a list.
      previous = word === "in" ? "other" : "word";
      continue;
    }
    if (char === "?" && optionalEntryStarts(previous, opened[opened.length - 1])) {
      optionalAt.push(out.length);
      out += "!";
      i++;
      previous = "other";
      continue;
    }
    switch (char) {
      case "[":
        opened.push(previous === "value" || previous === "word" ? "index" : "list");
        break;
      case "{":
        opened.push(previous === "word" ? "construction" : "map");
        break;
      case "(":
        opened.push("paren");
        break;
      case "]":
      case "}":
      case ")":
        opened.pop();
        break;
    }
    if (char !== " " && char !== "\t" && char !== "\n" && char !== "\r") {
      if (char === "[" || char === "{") previous = "open";
      else if (char === ",") previous = "comma";
      else if (char === "]" || char === "}" || char === ")" || (char >= "0" && char <= "9")) previous = "value";
      else previous = "other";
    }
    out += char;
    i++;
  }
  return { text: out, renamedAt, optionalAt };
}

/** Whether a `?` starts an entry of a list literal or a key of a map literal: right after its bracket or a comma. */
function optionalEntryStarts(previous: Previous, innermost: Opened | undefined): boolean {
  return (previous === "open" || previous === "comma") && (innermost === "list" || innermost === "map");
}

/** The expression with the calls above renamed and optional entries marked. */
export function rewriteRuleSource(expression: string): string {
  return rewrite(expression).text;
}

/** The expression rewritten, with the offsets (in the rewritten text) of the marks of its optional entries. */
export function rewriteRuleSourceMarkingEntries(expression: string): { text: string; optionalEntries: ReadonlySet<number> } {
  const { text, optionalAt } = rewrite(expression);
  return { text, optionalEntries: new Set(optionalAt) };
}

/** The offset in the expression of an offset in its rewritten text (each renaming adds "__"). */
export function sourceOffset(expression: string, parsedOffset: number): number {
  let shift = 0;
  for (const at of rewrite(expression).renamedAt) {
    const start = at + shift;
    if (parsedOffset < start) break;
    if (parsedOffset < start + 2) return at;
    shift += 2;
  }
  return parsedOffset - shift;
}
