// Whether Go's net/mail.ParseAddress accepts a string (RFC 5322 mailbox:
// `addr@example.com`, `Name <addr@example.com>`, `addr@example.com (comment)`):
// the check behind the `email` format of custom resources. Group syntax
// (`Team: a@example.com;`) is accepted without further checks.
import { net } from "./on-demand-modules.js";

const SPECIALS = new Set([..."()<>[]:;@\\,.\""]);

/** isVchar: printable ASCII, or any non-ASCII character. */
const isVchar = (c: string): boolean => (c >= "!" && c <= "~") || c.charCodeAt(0) >= 0x80;
const isAtext = (c: string, dot: boolean): boolean => (c === "." ? dot : isVchar(c) && !SPECIALS.has(c));

class AddressParser {
  private at = 0;
  constructor(private readonly text: string) {}

  get empty(): boolean {
    return this.at >= this.text.length;
  }

  private peek(): string {
    return this.text[this.at] ?? "";
  }

  consume(c: string): boolean {
    if (this.peek() !== c) return false;
    this.at++;
    return true;
  }

  skipSpace(): void {
    while (this.peek() === " " || this.peek() === "\t") this.at++;
  }

  /** Folding white space and (nested) comments; false for an unclosed comment. */
  skipCFWS(): boolean {
    this.skipSpace();
    while (this.peek() === "(") {
      if (!this.skipComment()) return false;
      this.skipSpace();
    }
    return true;
  }

  private skipComment(): boolean {
    let depth = 0;
    while (!this.empty) {
      const c = this.text[this.at++]!;
      if (c === "\\") this.at++;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return true;
    }
    return false;
  }

  /** A dot-atom (no leading, trailing or double dot) or an atom; undefined when none. */
  atom(dot: boolean, permissive: boolean): string | undefined {
    const start = this.at;
    while (!this.empty && isAtext(this.peek(), dot)) this.at++;
    const atom = this.text.slice(start, this.at);
    if (atom === "") return undefined;
    if (!permissive && (atom.startsWith(".") || atom.endsWith(".") || atom.includes(".."))) return undefined;
    return atom;
  }

  quotedString(): string | undefined {
    if (!this.consume('"')) return undefined;
    let content = "";
    while (!this.empty) {
      const c = this.text[this.at++]!;
      if (c === '"') return content === "" ? undefined : content;
      if (c === "\\") {
        const escaped = this.text[this.at++];
        if (escaped === undefined || !(isVchar(escaped) || escaped === " " || escaped === "\t")) return undefined;
        content += escaped;
      } else if (isVchar(c) || c === " " || c === "\t") {
        content += c;
      } else {
        return undefined;
      }
    }
    return undefined;
  }

  private domainLiteral(): boolean {
    const close = this.text.indexOf("]", this.at);
    if (close < 0) return false;
    const literal = this.text.slice(this.at + 1, close).trim();
    this.at = close + 1;
    return net().isIP(literal.replace(/^IPv6:/, "")) !== 0;
  }

  /** local-part "@" domain. */
  addrSpec(): boolean {
    this.skipSpace();
    const local = this.peek() === '"' ? this.quotedString() : this.atom(true, false);
    if (local === undefined || !this.consume("@")) return false;
    this.skipSpace();
    if (this.empty) return false;
    if (this.peek() === "[") return this.domainLiteral();
    return this.atom(true, false) !== undefined;
  }

  /** A display name: words (atoms with dots, or quoted strings) separated by spaces. */
  phrase(): boolean {
    let words = 0;
    for (;;) {
      if (!this.skipCFWS()) return false;
      const word = this.peek() === '"' ? this.quotedString() : this.atom(true, true);
      if (word === undefined) return words > 0;
      words++;
    }
  }
}

/** mail.ParseAddress(text) returns an address and no error. */
export function isMailAddress(text: string): boolean {
  const bare = new AddressParser(text);
  if (bare.addrSpec() && bare.skipCFWS() && bare.empty) return true;
  const named = new AddressParser(text);
  named.skipSpace();
  if (named.consume("<")) {
    return named.addrSpec() && named.consume(">") && named.skipCFWS() && named.empty;
  }
  if (!named.phrase()) return false;
  named.skipSpace();
  if (named.consume(":")) return true;
  if (!named.consume("<") || !named.addrSpec() || !named.consume(">")) return false;
  return named.skipCFWS() && named.empty;
}
