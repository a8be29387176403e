// go-yaml v2's scanner (scannerc.go, as sigs.k8s.io/yaml v1.4.0 vendors it),
// written again for one purpose: to find the first syntax error kubectl's
// reader finds in a document, with its message and the marks that decide the
// line kubectl prints. It makes the same tokens in the same order, queued and
// fetched as lazily as go-yaml's (a simple key keeps the scanner reading ahead
// until it is settled), so that a scanner error and a parser error further
// back are found in go-yaml's order. Values are not built: no caller needs
// them. Lines are counted at every line break go-yaml knows (LF, CR, CRLF,
// NEL, LS, PS); columns in characters.

/** A place in the text: `offset` in UTF-16 units, `line` and `column` 0-based as go-yaml counts them. */
export interface GoMark {
  offset: number;
  line: number;
  column: number;
}

export type GoTokenType =
  | "STREAM-START"
  | "STREAM-END"
  | "VERSION-DIRECTIVE"
  | "TAG-DIRECTIVE"
  | "DOCUMENT-START"
  | "DOCUMENT-END"
  | "BLOCK-SEQUENCE-START"
  | "BLOCK-MAPPING-START"
  | "BLOCK-END"
  | "FLOW-SEQUENCE-START"
  | "FLOW-SEQUENCE-END"
  | "FLOW-MAPPING-START"
  | "FLOW-MAPPING-END"
  | "BLOCK-ENTRY"
  | "FLOW-ENTRY"
  | "KEY"
  | "VALUE"
  | "ALIAS"
  | "ANCHOR"
  | "TAG"
  | "SCALAR";

export interface GoToken {
  type: GoTokenType;
  start: GoMark;
  end: GoMark;
  /** An anchor's or alias's name, a tag's or %TAG directive's handle. */
  value?: string;
  /** A %TAG directive's prefix. */
  prefix?: string;
  /** A %YAML directive's version. */
  major?: number;
  minor?: number;
}

/** What stops go-yaml: which part said it (its line is counted differently), its words, and its marks. */
export class GoYamlFailure {
  constructor(
    readonly by: "scanner" | "parser" | "composer",
    readonly problem: string,
    readonly problemMark: GoMark | undefined,
    readonly contextMark: GoMark | undefined,
    /** Where kubeplan reports it, when not at the problem mark. */
    readonly at?: number,
  ) {}
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: GoMark;
}

/** go-yaml's limits on nesting (max_flow_level, max_indents). */
const MAX_DEPTH = 10_000;
/** A simple key is at most this many characters before its `:`. */
const MAX_SIMPLE_KEY = 1024;

const LF = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;

function isAlphaCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : c <= 70 ? c - 55 : c - 87;
}

/** Characters a tag's URI may hold besides is_alpha's. */
const URI_CHARACTERS = new Set(";/?:@&=+$,.!~*'()[]%".split("").map((c) => c.charCodeAt(0)));

/** Characters that cannot start a plain scalar (with blanks and the end). */
const INDICATORS = new Set("-?:,[]{}#&*!|>'\"%@`".split("").map((c) => c.charCodeAt(0)));

export class GoScanner {
  private readonly text: string;
  private readonly length: number;
  mark: GoMark = { offset: 0, line: 0, column: 0 };

  private tokens: GoToken[] = [];
  private head = 0;
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  streamEndProduced = false;

  private indent = -1;
  private indents: number[] = [];
  private simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByToken = new Map<number, number>();
  private flowLevel = 0;

  /**
   * `blockValues`: where to put the value of each block scalar, by the
   * offset of its `|` or `>`.
   */
  constructor(
    text: string,
    private readonly blockValues?: Map<number, string>,
  ) {
    this.text = text;
    this.length = text.length;
    // The reader takes a byte order mark off the start of the stream.
    if (text.charCodeAt(0) === 0xfeff) this.mark.offset = 1;
  }

  // Characters: past the end reads as NUL (is_z), as go-yaml's buffer does.

  private code(at = this.mark.offset): number {
    return at < this.length ? this.text.charCodeAt(at) : 0;
  }

  private isZ(at = this.mark.offset): boolean {
    return at >= this.length || this.text.charCodeAt(at) === 0;
  }

  private isBreak(at = this.mark.offset): boolean {
    const c = this.code(at);
    return c === LF || c === CR || c === 0x85 || c === 0x2028 || c === 0x2029;
  }

  private isBreakZ(at = this.mark.offset): boolean {
    return this.isBreak(at) || this.isZ(at);
  }

  private isBlank(at = this.mark.offset): boolean {
    const c = this.code(at);
    return c === SPACE || c === TAB;
  }

  private isBlankZ(at = this.mark.offset): boolean {
    return this.isBlank(at) || this.isBreakZ(at);
  }

  private copyMark(): GoMark {
    return { ...this.mark };
  }

  /** skip: one character (a surrogate pair is one). */
  private skip(): void {
    const c = this.code();
    this.mark.offset += c >= 0xd800 && c <= 0xdbff && this.code(this.mark.offset + 1) >= 0xdc00 && this.code(this.mark.offset + 1) <= 0xdfff ? 2 : 1;
    this.mark.column++;
  }

  /** read_line: one line break, as it stands in a value: LS and PS as themselves, any other as a line feed. */
  private readLine(): string {
    const c = this.code();
    const kind = c === 0x2028 || c === 0x2029 ? String.fromCharCode(c) : this.isBreak() ? "\n" : "";
    this.skipLine();
    return kind;
  }

  /** skip_line (and read_line, the same to marks): one line break, CRLF as one. */
  private skipLine(): void {
    if (this.code() === CR && this.code(this.mark.offset + 1) === LF) {
      this.mark.offset += 2;
    } else if (this.isBreak()) {
      this.mark.offset += 1;
    } else {
      return;
    }
    this.mark.column = 0;
    this.mark.line++;
  }

  private fail(context: GoMark | undefined, problem: string, at?: number): never {
    throw new GoYamlFailure("scanner", problem, this.copyMark(), context, at);
  }

  // The queue, as the parser reads it (peek_token, skip_token).

  peek(): GoToken {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head]!;
  }

  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head]!.type === "STREAM-END";
    this.head++;
    // The consumed part of the queue is dropped now and then: the queue stays as long as the lookahead.
    if (this.head > 1024) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }

  private insertToken(position: number, token: GoToken): void {
    if (position < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + position, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const index = this.simpleKeysByToken.get(this.tokensParsed);
        if (index === undefined || !this.simpleKeyIsValid(this.simpleKeys[index]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);
    if (this.isZ()) return this.fetchStreamEnd();
    const at = this.mark.offset;
    const c = this.code();
    const column0 = this.mark.column === 0;
    if (column0 && c === 37 /* % */) return this.fetchDirective();
    if (column0 && this.text.startsWith("---", at) && this.isBlankZ(at + 3)) return this.fetchDocumentIndicator("DOCUMENT-START");
    if (column0 && this.text.startsWith("...", at) && this.isBlankZ(at + 3)) return this.fetchDocumentIndicator("DOCUMENT-END");
    switch (c) {
      case 91 /* [ */:
        return this.fetchFlowCollectionStart("FLOW-SEQUENCE-START");
      case 123 /* { */:
        return this.fetchFlowCollectionStart("FLOW-MAPPING-START");
      case 93 /* ] */:
        return this.fetchFlowCollectionEnd("FLOW-SEQUENCE-END");
      case 125 /* } */:
        return this.fetchFlowCollectionEnd("FLOW-MAPPING-END");
      case 44 /* , */:
        return this.fetchFlowEntry();
    }
    const next = at + 1;
    if (c === 45 /* - */ && this.isBlankZ(next)) return this.fetchBlockEntry();
    if (c === 63 /* ? */ && (this.flowLevel > 0 || this.isBlankZ(next))) return this.fetchKey();
    if (c === 58 /* : */ && (this.flowLevel > 0 || this.isBlankZ(next))) return this.fetchValue();
    if (c === 42 /* * */) return this.fetchAnchor("ALIAS");
    if (c === 38 /* & */) return this.fetchAnchor("ANCHOR");
    if (c === 33 /* ! */) return this.fetchTag();
    if (c === 124 /* | */ && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === 62 /* > */ && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === 39 /* ' */) return this.fetchFlowScalar(true);
    if (c === 34 /* " */) return this.fetchFlowScalar(false);
    const plain =
      !(this.isBlankZ() || INDICATORS.has(c)) ||
      (c === 45 && !this.isBlank(next)) ||
      (this.flowLevel === 0 && (c === 63 || c === 58) && !this.isBlankZ(next));
    if (plain) return this.fetchPlainScalar();
    this.fail(this.copyMark(), "found character that cannot start any token");
  }

  // Simple keys: a scalar, collection or node property that may turn out to be a key when a `:` follows on its line.

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.mark.line || key.mark.offset + MAX_SIMPLE_KEY < this.mark.offset) {
      if (key.required) this.fail(key.mark, "could not find expected ':'", key.mark.offset);
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + (this.tokens.length - this.head), mark: this.copyMark() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (!key.possible) return;
    if (key.required) this.fail(key.mark, "could not find expected ':'", key.mark.offset);
    key.possible = false;
    this.simpleKeysByToken.delete(key.tokenNumber);
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.tokensParsed + (this.tokens.length - this.head), mark: this.copyMark() });
    this.flowLevel++;
    if (this.flowLevel > MAX_DEPTH) this.fail(this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_DEPTH}`);
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel === 0) return;
    this.flowLevel--;
    const key = this.simpleKeys.pop()!;
    this.simpleKeysByToken.delete(key.tokenNumber);
  }

  // Block indentation.

  private rollIndent(column: number, tokenNumber: number, type: GoTokenType, mark: GoMark): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    if (this.indents.length > MAX_DEPTH) this.fail(this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${MAX_DEPTH}`);
    this.insertToken(tokenNumber > -1 ? tokenNumber - this.tokensParsed : -1, { type, start: mark, end: mark });
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insertToken(-1, { type: "BLOCK-END", start: this.copyMark(), end: this.copyMark() });
      this.indent = this.indents.pop()!;
    }
  }

  // Fetching each kind of token.

  private simpleToken(type: GoTokenType): void {
    const start = this.copyMark();
    this.skip();
    this.insertToken(-1, { type, start, end: this.copyMark() });
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.copyMark() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.insertToken(-1, { type: "STREAM-START", start: this.copyMark(), end: this.copyMark() });
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, { type: "STREAM-END", start: this.copyMark(), end: this.copyMark() });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: GoTokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { type, start, end: this.copyMark() });
  }

  private fetchFlowCollectionStart(type: GoTokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.simpleToken(type);
  }

  private fetchFlowCollectionEnd(type: GoTokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.simpleToken(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken("FLOW-ENTRY");
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail(undefined, "block sequence entries are not allowed in this context");
      this.rollIndent(this.mark.column, -1, "BLOCK-SEQUENCE-START", this.copyMark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken("BLOCK-ENTRY");
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail(undefined, "mapping keys are not allowed in this context");
      this.rollIndent(this.mark.column, -1, "BLOCK-MAPPING-START", this.copyMark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.simpleToken("KEY");
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(key)) {
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: "KEY", start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, "BLOCK-MAPPING-START", key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail(undefined, "mapping values are not allowed in this context");
        this.rollIndent(this.mark.column, -1, "BLOCK-MAPPING-START", this.copyMark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.simpleToken("VALUE");
  }

  private fetchAnchor(type: "ANCHOR" | "ALIAS"): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanAnchor(type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  /** Blanks, comments and line breaks up to the next token; a tab is a blank only in a flow collection or where no key may start. */
  private scanToNextToken(): void {
    for (;;) {
      while (this.code() === SPACE || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.code() === TAB)) this.skip();
      if (this.code() === 35 /* # */) {
        while (!this.isBreakZ()) this.skip();
      }
      if (!this.isBreak()) return;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  // Scanning each kind of token.

  private skipBlanks(): void {
    while (this.isBlank()) this.skip();
  }

  /** Blanks, then a comment to the end of the line. */
  private skipBlanksAndComment(): void {
    this.skipBlanks();
    if (this.code() === 35) {
      while (!this.isBreakZ()) this.skip();
    }
  }

  private scanDirective(): GoToken {
    const start = this.copyMark();
    this.skip();
    let name = "";
    while (isAlphaCode(this.code())) {
      name += this.text[this.mark.offset];
      this.skip();
    }
    if (name === "") this.fail(start, "could not find expected directive name");
    if (!this.isBlankZ()) this.fail(start, "found unexpected non-alphabetical character");
    let token: GoToken;
    if (name === "YAML") {
      this.skipBlanks();
      const major = this.scanVersionNumber(start);
      if (this.code() !== 46 /* . */) this.fail(start, "did not find expected digit or '.' character");
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: "VERSION-DIRECTIVE", start, end: this.copyMark(), major, minor };
    } else if (name === "TAG") {
      this.skipBlanks();
      const handle = this.scanTagHandle(true, start);
      if (!this.isBlank()) this.fail(start, "did not find expected whitespace");
      this.skipBlanks();
      const prefix = this.scanTagUri(true, "", start);
      if (!this.isBlankZ()) this.fail(start, "did not find expected whitespace or line break");
      token = { type: "TAG-DIRECTIVE", start, end: this.copyMark(), value: handle, prefix };
    } else {
      this.fail(start, "found unknown directive name");
    }
    this.skipBlanksAndComment();
    if (!this.isBreakZ()) this.fail(start, "did not find expected comment or line break");
    this.skipLine();
    return token;
  }

  private scanVersionNumber(start: GoMark): number {
    let value = 0;
    let length = 0;
    while (this.code() >= 48 && this.code() <= 57) {
      if (++length > 2) this.fail(start, "found extremely long version number");
      value = value * 10 + (this.code() - 48);
      this.skip();
    }
    if (length === 0) this.fail(start, "did not find expected version number");
    return value;
  }

  private scanAnchor(type: "ANCHOR" | "ALIAS"): GoToken {
    const start = this.copyMark();
    this.skip();
    const from = this.mark.offset;
    while (isAlphaCode(this.code())) this.skip();
    const name = this.text.slice(from, this.mark.offset);
    const end = this.copyMark();
    const c = this.code();
    const stops = this.isBlankZ() || c === 63 || c === 58 || c === 44 || c === 93 || c === 125 || c === 37 || c === 64 || c === 96;
    if (name === "" || !stops) this.fail(start, "did not find expected alphabetic or numeric character", start.offset);
    return { type, start, end, value: name };
  }

  private scanTag(): GoToken {
    const start = this.copyMark();
    let handle: string;
    if (this.code(this.mark.offset + 1) === 60 /* < */) {
      this.skip();
      this.skip();
      this.scanTagUri(false, "", start);
      if (this.code() !== 62 /* > */) this.fail(start, "did not find the expected '>'");
      this.skip();
      handle = "";
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.endsWith("!")) {
        this.scanTagUri(false, "", start);
      } else {
        const suffix = this.scanTagUri(false, handle, start);
        // `!foo` is the handle `!` and the suffix `foo`; a lone `!` is no handle.
        handle = suffix === "" ? "" : "!";
      }
    }
    if (!this.isBlankZ()) this.fail(start, "did not find expected whitespace or line break");
    return { type: "TAG", start, end: this.copyMark(), value: handle };
  }

  private scanTagHandle(directive: boolean, start: GoMark): string {
    if (this.code() !== 33 /* ! */) this.fail(start, "did not find expected '!'");
    let handle = "!";
    this.skip();
    while (isAlphaCode(this.code())) {
      handle += this.text[this.mark.offset];
      this.skip();
    }
    if (this.code() === 33) {
      handle += "!";
      this.skip();
    } else if (directive && handle !== "!") {
      this.fail(start, "did not find expected '!'");
    }
    return handle;
  }

  /** A tag's URI; `head`: the handle read before it, whose characters after the `!` start it. */
  private scanTagUri(directive: boolean, head: string, start: GoMark): string {
    let uri = head.length > 1 ? head.slice(1) : "";
    let hasTag = head.length > 0;
    for (;;) {
      const c = this.code();
      if (!(isAlphaCode(c) || URI_CHARACTERS.has(c))) break;
      if (c === 37 /* % */) {
        uri += this.scanUriEscapes(directive, start);
      } else {
        uri += this.text[this.mark.offset];
        this.skip();
      }
      hasTag = true;
    }
    if (!hasTag) this.fail(start, "did not find expected tag URI");
    return uri;
  }

  private scanUriEscapes(_directive: boolean, start: GoMark): string {
    let width = 1024;
    let octets = "";
    while (width > 0) {
      const at = this.mark.offset;
      if (!(this.code() === 37 && isHexCode(this.code(at + 1)) && isHexCode(this.code(at + 2)))) this.fail(start, "did not find URI escaped octet");
      const octet = (hexValue(this.code(at + 1)) << 4) + hexValue(this.code(at + 2));
      if (width === 1024) {
        width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (width === 0) this.fail(start, "found an incorrect leading UTF-8 octet");
      } else if ((octet & 0xc0) !== 0x80) {
        this.fail(start, "found an incorrect trailing UTF-8 octet");
      }
      octets += this.text.slice(at, at + 3);
      this.skip();
      this.skip();
      this.skip();
      width--;
    }
    return octets;
  }

  private scanBlockScalar(literal: boolean): GoToken {
    const start = this.copyMark();
    this.skip();
    let increment = 0;
    let chomping = 0;
    const chomp = (code: number) => (code === 43 ? 1 : -1);
    const c = this.code();
    if (c === 43 || c === 45 /* + - */) {
      chomping = chomp(c);
      this.skip();
      if (this.code() >= 48 && this.code() <= 57) {
        if (this.code() === 48) this.fail(start, "found an indentation indicator equal to 0");
        increment = this.code() - 48;
        this.skip();
      }
    } else if (c >= 48 && c <= 57) {
      if (c === 48) this.fail(start, "found an indentation indicator equal to 0");
      increment = c - 48;
      this.skip();
      if (this.code() === 43 || this.code() === 45) {
        chomping = chomp(this.code());
        this.skip();
      }
    }
    this.skipBlanksAndComment();
    if (!this.isBreakZ()) this.fail(start, "did not find expected comment or line break");
    this.skipLine();
    const end = { mark: this.copyMark() };
    const breaks = { text: "" };
    let indent = increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    indent = this.scanBlockScalarBreaks(indent, start, end, breaks);
    // The value, built only when asked for (a folded block's line breaks other than line feeds, go-yaml keeps).
    const building = this.blockValues !== undefined;
    let value = "";
    let leadingBreak = "";
    let leadingBlank = false;
    while (this.mark.column === indent && !this.isZ()) {
      const trailingBlank = this.isBlank();
      if (building) {
        // A folded block joins two lines with a space where a line feed alone ends the first and neither starts with a blank.
        if (!literal && !leadingBlank && !trailingBlank && leadingBreak === "\n") {
          if (breaks.text === "") value += " ";
        } else {
          value += leadingBreak;
        }
        value += breaks.text;
      }
      breaks.text = "";
      leadingBlank = trailingBlank;
      const from = this.mark.offset;
      while (!this.isBreakZ()) this.skip();
      if (building) value += this.text.slice(from, this.mark.offset);
      leadingBreak = this.readLine();
      indent = this.scanBlockScalarBreaks(indent, start, end, breaks);
    }
    if (building) {
      if (chomping !== -1) value += leadingBreak;
      if (chomping === 1) value += breaks.text;
      this.blockValues!.set(start.offset, value);
    }
    return { type: "SCALAR", start, end: end.mark };
  }

  /** The empty and indentation-only lines of a block scalar, their breaks added to `breaks`; returns its indentation, found here when not given. */
  private scanBlockScalarBreaks(indent: number, start: GoMark, end: { mark: GoMark }, breaks: { text: string }): number {
    end.mark = this.copyMark();
    let maxIndent = 0;
    for (;;) {
      while ((indent === 0 || this.mark.column < indent) && this.code() === SPACE) this.skip();
      if (this.mark.column > maxIndent) maxIndent = this.mark.column;
      if ((indent === 0 || this.mark.column < indent) && this.code() === TAB) {
        this.fail(start, "found a tab character where an indentation space is expected");
      }
      if (!this.isBreak()) break;
      breaks.text += this.readLine();
      end.mark = this.copyMark();
    }
    if (indent === 0) indent = Math.max(maxIndent, this.indent + 1, 1);
    return indent;
  }

  private scanFlowScalar(single: boolean): GoToken {
    const start = this.copyMark();
    this.skip();
    for (;;) {
      const at = this.mark.offset;
      if (this.mark.column === 0 && (this.text.startsWith("---", at) || this.text.startsWith("...", at)) && this.isBlankZ(at + 3)) {
        this.fail(start, "found unexpected document indicator");
      }
      if (this.isZ()) this.fail(start, "found unexpected end of stream", start.offset);
      while (!this.isBlankZ()) {
        const c = this.code();
        if (single && c === 39 && this.code(this.mark.offset + 1) === 39) {
          this.skip();
          this.skip();
        } else if (c === (single ? 39 : 34)) {
          break;
        } else if (!single && c === 92 /* \ */ && this.isBreak(this.mark.offset + 1)) {
          // An escaped line break: the line goes on without it.
          this.skip();
          this.skipLine();
          break;
        } else if (!single && c === 92) {
          this.scanEscape(start);
        } else {
          this.skip();
        }
      }
      if (this.code() === (single ? 39 : 34)) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) this.skip();
        else this.skipLine();
      }
    }
    this.skip();
    return { type: "SCALAR", start, end: this.copyMark() };
  }

  /** One escape of a double-quoted scalar, its backslash at the mark. */
  private scanEscape(start: GoMark): void {
    const backslash = this.mark.offset;
    const letter = this.text[backslash + 1] ?? "";
    const digits = Object.hasOwn(ESCAPE_DIGITS, letter) ? ESCAPE_DIGITS[letter] : undefined;
    if (digits === undefined) this.fail(start, "found unknown escape character", backslash);
    this.skip();
    this.skip();
    if (digits === 0) return;
    let value = 0;
    for (let k = 0; k < digits; k++) {
      const c = this.code(this.mark.offset + k);
      if (!isHexCode(c)) this.fail(start, "did not find expected hexdecimal number", backslash);
      value = value * 16 + hexValue(c);
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) this.fail(start, "found invalid Unicode character escape code", backslash);
    for (let k = 0; k < digits; k++) this.skip();
  }

  private scanPlainScalar(): GoToken {
    const indent = this.indent + 1;
    const start = this.copyMark();
    let end = this.copyMark();
    let leadingBlanks = false;
    for (;;) {
      const at = this.mark.offset;
      if (this.mark.column === 0 && (this.text.startsWith("---", at) || this.text.startsWith("...", at)) && this.isBlankZ(at + 3)) break;
      if (this.code() === 35 /* # */) break;
      while (!this.isBlankZ()) {
        const c = this.code();
        if (c === 58 /* : */ && this.isBlankZ(this.mark.offset + 1)) break;
        if (this.flowLevel > 0 && (c === 44 || c === 63 || c === 91 || c === 93 || c === 123 || c === 125)) break;
        leadingBlanks = false;
        this.skip();
        end = this.copyMark();
      }
      if (!(this.isBlank() || this.isBreak())) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.mark.column < indent && this.code() === TAB) {
            this.fail(start, "found a tab character that violates indentation");
          }
          this.skip();
        } else {
          this.skipLine();
          leadingBlanks = true;
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: "SCALAR", start, end };
  }
}

/** The escapes go-yaml decodes: the character after the backslash, and how many hex digits follow it. */
const ESCAPE_DIGITS: Record<string, number> = {
  "0": 0, a: 0, b: 0, t: 0, "\t": 0, n: 0, v: 0, f: 0, r: 0, e: 0, " ": 0, '"': 0, "'": 0, "\\": 0,
  N: 0, _: 0, L: 0, P: 0, x: 2, u: 4, U: 8,
};
