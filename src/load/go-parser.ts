// go-yaml v2's parser (parserc.go) and the part of its composer (decode.go,
// parser.parse) that can refuse a document, over go-scanner.ts's tokens:
// what kubectl's reader says of a broken document, in its words and with the
// line it prints. As go-yaml's Unmarshal, it reads the first document of the
// text only, and an alias must name an anchor defined before it.
import { GoScanner, GoYamlFailure, type GoMark, type GoToken } from "./go-scanner.js";

type State =
  | "stream-start"
  | "implicit-document-start"
  | "document-start"
  | "document-content"
  | "document-end"
  | "block-node"
  | "block-node-or-indentless-sequence"
  | "flow-node"
  | "block-sequence-first-entry"
  | "block-sequence-entry"
  | "indentless-sequence-entry"
  | "block-mapping-first-key"
  | "block-mapping-key"
  | "block-mapping-value"
  | "flow-sequence-first-entry"
  | "flow-sequence-entry"
  | "flow-sequence-entry-mapping-key"
  | "flow-sequence-entry-mapping-value"
  | "flow-sequence-entry-mapping-end"
  | "flow-mapping-first-key"
  | "flow-mapping-key"
  | "flow-mapping-value"
  | "flow-mapping-empty-value"
  | "end";

type EventType = "stream-start" | "stream-end" | "document-start" | "document-end" | "alias" | "scalar" | "sequence-start" | "sequence-end" | "mapping-start" | "mapping-end";

interface GoEvent {
  type: EventType;
  anchor?: string;
  /** An alias's offset. */
  at?: number;
}

/** The handles every document knows (default_tag_directives). */
const DEFAULT_HANDLES = ["!", "!!"];

class GoParser {
  private state: State = "stream-start";
  private readonly states: State[] = [];
  private readonly marks: GoMark[] = [];
  private handles: string[] = [];

  constructor(private readonly scanner: GoScanner) {}

  private fail(problem: string, problemMark: GoMark, contextMark?: GoMark): never {
    throw new GoYamlFailure("parser", problem, problemMark, contextMark);
  }

  private pop(): void {
    this.state = this.states.pop()!;
  }

  private peek(): GoToken {
    return this.scanner.peek();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  /** yaml_parser_parse: the next event. */
  next(): GoEvent {
    switch (this.state) {
      case "stream-start": {
        const token = this.peek();
        if (token.type !== "STREAM-START") this.fail("did not find expected <stream-start>", token.start);
        this.state = "implicit-document-start";
        this.skip();
        return { type: "stream-start" };
      }
      case "implicit-document-start":
        return this.documentStart(true);
      case "document-start":
        return this.documentStart(false);
      case "document-content": {
        const token = this.peek();
        if (["VERSION-DIRECTIVE", "TAG-DIRECTIVE", "DOCUMENT-START", "DOCUMENT-END", "STREAM-END"].includes(token.type)) {
          this.pop();
          return { type: "scalar" };
        }
        return this.node(true, false);
      }
      case "document-end": {
        const token = this.peek();
        if (token.type === "DOCUMENT-END") this.skip();
        this.handles = [];
        this.state = "document-start";
        return { type: "document-end" };
      }
      case "block-node":
        return this.node(true, false);
      case "block-node-or-indentless-sequence":
        return this.node(true, true);
      case "flow-node":
        return this.node(false, false);
      case "block-sequence-first-entry":
        return this.blockSequenceEntry(true);
      case "block-sequence-entry":
        return this.blockSequenceEntry(false);
      case "indentless-sequence-entry":
        return this.indentlessSequenceEntry();
      case "block-mapping-first-key":
        return this.blockMappingKey(true);
      case "block-mapping-key":
        return this.blockMappingKey(false);
      case "block-mapping-value":
        return this.blockMappingValue();
      case "flow-sequence-first-entry":
        return this.flowSequenceEntry(true);
      case "flow-sequence-entry":
        return this.flowSequenceEntry(false);
      case "flow-sequence-entry-mapping-key":
        return this.flowSequenceEntryMappingKey();
      case "flow-sequence-entry-mapping-value":
        return this.flowSequenceEntryMappingValue();
      case "flow-sequence-entry-mapping-end":
        this.peek();
        this.state = "flow-sequence-entry";
        return { type: "mapping-end" };
      case "flow-mapping-first-key":
        return this.flowMappingKey(true);
      case "flow-mapping-key":
        return this.flowMappingKey(false);
      case "flow-mapping-value":
        return this.flowMappingValue(false);
      case "flow-mapping-empty-value":
        return this.flowMappingValue(true);
      case "end":
        return { type: "stream-end" };
    }
  }

  private documentStart(implicit: boolean): GoEvent {
    let token = this.peek();
    if (!implicit) {
      while (token.type === "DOCUMENT-END") {
        this.skip();
        token = this.peek();
      }
    }
    if (implicit && !["VERSION-DIRECTIVE", "TAG-DIRECTIVE", "DOCUMENT-START", "STREAM-END"].includes(token.type)) {
      this.processDirectives();
      this.states.push("document-end");
      this.state = "block-node";
      return { type: "document-start" };
    }
    if (token.type !== "STREAM-END") {
      this.processDirectives();
      token = this.peek();
      if (token.type !== "DOCUMENT-START") this.fail("did not find expected <document start>", token.start);
      this.states.push("document-end");
      this.state = "document-content";
      this.skip();
      return { type: "document-start" };
    }
    this.state = "end";
    this.skip();
    return { type: "stream-end" };
  }

  private processDirectives(): void {
    let version = false;
    let token = this.peek();
    while (token.type === "VERSION-DIRECTIVE" || token.type === "TAG-DIRECTIVE") {
      if (token.type === "VERSION-DIRECTIVE") {
        if (version) this.fail("found duplicate %YAML directive", token.start);
        if (token.major !== 1 || token.minor !== 1) this.fail("found incompatible YAML document", token.start);
        version = true;
      } else {
        if (this.handles.includes(token.value!)) this.fail("found duplicate %TAG directive", token.start);
        this.handles.push(token.value!);
      }
      this.skip();
      token = this.peek();
    }
    for (const handle of DEFAULT_HANDLES) if (!this.handles.includes(handle)) this.handles.push(handle);
  }

  private node(block: boolean, indentlessSequence: boolean): GoEvent {
    let token = this.peek();
    if (token.type === "ALIAS") {
      this.pop();
      this.skip();
      return { type: "alias", anchor: token.value, at: token.start.offset };
    }
    let start = token.start;
    let anchor: string | undefined;
    let tagHandle: string | undefined;
    let tagMark: GoMark | undefined;
    if (token.type === "ANCHOR") {
      anchor = token.value;
      this.skip();
      token = this.peek();
      if (token.type === "TAG") {
        tagHandle = token.value;
        tagMark = token.start;
        this.skip();
        token = this.peek();
      }
    } else if (token.type === "TAG") {
      tagHandle = token.value;
      start = token.start;
      tagMark = token.start;
      this.skip();
      token = this.peek();
      if (token.type === "ANCHOR") {
        anchor = token.value;
        this.skip();
        token = this.peek();
      }
    }
    if (tagHandle !== undefined && tagHandle !== "" && !this.handles.includes(tagHandle)) {
      this.fail("found undefined tag handle", tagMark!, start);
    }
    if (indentlessSequence && token.type === "BLOCK-ENTRY") {
      this.state = "indentless-sequence-entry";
      return { type: "sequence-start", anchor };
    }
    switch (token.type) {
      case "SCALAR":
        this.pop();
        this.skip();
        return { type: "scalar", anchor };
      case "FLOW-SEQUENCE-START":
        this.state = "flow-sequence-first-entry";
        return { type: "sequence-start", anchor };
      case "FLOW-MAPPING-START":
        this.state = "flow-mapping-first-key";
        return { type: "mapping-start", anchor };
    }
    if (block && token.type === "BLOCK-SEQUENCE-START") {
      this.state = "block-sequence-first-entry";
      return { type: "sequence-start", anchor };
    }
    if (block && token.type === "BLOCK-MAPPING-START") {
      this.state = "block-mapping-first-key";
      return { type: "mapping-start", anchor };
    }
    if (anchor !== undefined || tagHandle !== undefined) {
      this.pop();
      return { type: "scalar", anchor };
    }
    this.fail("did not find expected node content", token.start, start);
  }

  /** The first token of a collection: its mark is the context of the collection's errors. */
  private openCollection(): void {
    this.marks.push(this.peek().start);
    this.skip();
  }

  private closeCollection(): void {
    this.pop();
    this.marks.pop();
  }

  private blockSequenceEntry(first: boolean): GoEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type === "BLOCK-ENTRY") {
      this.skip();
      token = this.peek();
      if (token.type !== "BLOCK-ENTRY" && token.type !== "BLOCK-END") {
        this.states.push("block-sequence-entry");
        return this.node(true, false);
      }
      this.state = "block-sequence-entry";
      return { type: "scalar" };
    }
    if (token.type === "BLOCK-END") {
      this.closeCollection();
      this.skip();
      return { type: "sequence-end" };
    }
    this.fail("did not find expected '-' indicator", token.start, this.marks.pop());
  }

  private indentlessSequenceEntry(): GoEvent {
    let token = this.peek();
    if (token.type === "BLOCK-ENTRY") {
      this.skip();
      token = this.peek();
      if (!["BLOCK-ENTRY", "KEY", "VALUE", "BLOCK-END"].includes(token.type)) {
        this.states.push("indentless-sequence-entry");
        return this.node(true, false);
      }
      this.state = "indentless-sequence-entry";
      return { type: "scalar" };
    }
    this.pop();
    return { type: "sequence-end" };
  }

  private blockMappingKey(first: boolean): GoEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type === "KEY") {
      this.skip();
      token = this.peek();
      if (token.type !== "KEY" && token.type !== "VALUE" && token.type !== "BLOCK-END") {
        this.states.push("block-mapping-value");
        return this.node(true, true);
      }
      this.state = "block-mapping-value";
      return { type: "scalar" };
    }
    if (token.type === "BLOCK-END") {
      this.closeCollection();
      this.skip();
      return { type: "mapping-end" };
    }
    this.fail("did not find expected key", token.start, this.marks.pop());
  }

  private blockMappingValue(): GoEvent {
    let token = this.peek();
    if (token.type === "VALUE") {
      this.skip();
      token = this.peek();
      if (token.type !== "KEY" && token.type !== "VALUE" && token.type !== "BLOCK-END") {
        this.states.push("block-mapping-key");
        return this.node(true, true);
      }
    }
    this.state = "block-mapping-key";
    return { type: "scalar" };
  }

  private flowSequenceEntry(first: boolean): GoEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type !== "FLOW-SEQUENCE-END") {
      if (!first) {
        if (token.type !== "FLOW-ENTRY") this.fail("did not find expected ',' or ']'", token.start, this.marks.pop());
        this.skip();
        token = this.peek();
      }
      if (token.type === "KEY") {
        this.state = "flow-sequence-entry-mapping-key";
        this.skip();
        return { type: "mapping-start" };
      }
      if (token.type !== "FLOW-SEQUENCE-END") {
        this.states.push("flow-sequence-entry");
        return this.node(false, false);
      }
    }
    this.closeCollection();
    this.skip();
    return { type: "sequence-end" };
  }

  private flowSequenceEntryMappingKey(): GoEvent {
    const token = this.peek();
    if (token.type !== "VALUE" && token.type !== "FLOW-ENTRY" && token.type !== "FLOW-SEQUENCE-END") {
      this.states.push("flow-sequence-entry-mapping-value");
      return this.node(false, false);
    }
    this.skip();
    this.state = "flow-sequence-entry-mapping-value";
    return { type: "scalar" };
  }

  private flowSequenceEntryMappingValue(): GoEvent {
    const token = this.peek();
    if (token.type === "VALUE") {
      this.skip();
      const next = this.peek();
      if (next.type !== "FLOW-ENTRY" && next.type !== "FLOW-SEQUENCE-END") {
        this.states.push("flow-sequence-entry-mapping-end");
        return this.node(false, false);
      }
    }
    this.state = "flow-sequence-entry-mapping-end";
    return { type: "scalar" };
  }

  private flowMappingKey(first: boolean): GoEvent {
    if (first) this.openCollection();
    let token = this.peek();
    if (token.type !== "FLOW-MAPPING-END") {
      if (!first) {
        if (token.type !== "FLOW-ENTRY") this.fail("did not find expected ',' or '}'", token.start, this.marks.pop());
        this.skip();
        token = this.peek();
      }
      if (token.type === "KEY") {
        this.skip();
        token = this.peek();
        if (token.type !== "VALUE" && token.type !== "FLOW-ENTRY" && token.type !== "FLOW-MAPPING-END") {
          this.states.push("flow-mapping-value");
          return this.node(false, false);
        }
        this.state = "flow-mapping-value";
        return { type: "scalar" };
      }
      if (token.type !== "FLOW-MAPPING-END") {
        this.states.push("flow-mapping-empty-value");
        return this.node(false, false);
      }
    }
    this.closeCollection();
    this.skip();
    return { type: "mapping-end" };
  }

  private flowMappingValue(empty: boolean): GoEvent {
    let token = this.peek();
    if (empty) {
      this.state = "flow-mapping-key";
      return { type: "scalar" };
    }
    if (token.type === "VALUE") {
      this.skip();
      token = this.peek();
      if (token.type !== "FLOW-ENTRY" && token.type !== "FLOW-MAPPING-END") {
        this.states.push("flow-mapping-key");
        return this.node(false, false);
      }
    }
    this.state = "flow-mapping-key";
    return { type: "scalar" };
  }
}

/** What go-yaml's Unmarshal refuses in a document: the first failure, or none. `blockValues`: filled with its block scalars' values. */
export function goYamlFailure(text: string, blockValues?: Map<number, string>): GoYamlFailure | undefined {
  const parser = new GoParser(new GoScanner(text, blockValues));
  try {
    parser.next(); // stream start
    if (parser.next().type !== "document-start") return undefined;
    // The first document's node, then its end: go-yaml reads no further.
    const anchors = new Set<string>();
    let depth = 0;
    do {
      const event = parser.next();
      if (event.type === "alias" && !anchors.has(event.anchor!)) {
        throw new GoYamlFailure("composer", `unknown anchor '${event.anchor}' referenced`, undefined, undefined, event.at);
      }
      if (event.anchor !== undefined && event.type !== "alias") anchors.add(event.anchor);
      if (event.type === "mapping-start" || event.type === "sequence-start") depth++;
      else if (event.type === "mapping-end" || event.type === "sequence-end") depth--;
    } while (depth > 0);
    parser.next(); // document end
    return undefined;
  } catch (error) {
    if (error instanceof GoYamlFailure) return error;
    throw error;
  }
}

/**
 * go-yaml's message for a failure (parser.fail): the line is the problem's,
 * 1-based for the scanner's errors but 0-based for the parser's (the line
 * before the problem), or the context's when the problem is on the first
 * line; none when both are on the first line.
 */
export function goYamlMessage(failure: GoYamlFailure): string {
  let line = 0;
  if (failure.problemMark && failure.problemMark.line !== 0) {
    line = failure.problemMark.line + (failure.by === "scanner" ? 1 : 0);
  } else if (failure.contextMark && failure.contextMark.line !== 0) {
    line = failure.contextMark.line;
  }
  return `yaml: ${line !== 0 ? `line ${line}: ` : ""}${failure.problem}`;
}

/** Where go-yaml's refusal of a document is, in the text it was cut from, and kubectl's words for it. */
export interface KubectlSyntaxError {
  offset: number;
  message: string;
  problem: string;
}

/**
 * kubectl's refusal of the document of a `---` chunk, `[start, end)` of
 * `text` (the file as written), if go-yaml refuses it: kubectl gives go-yaml
 * the lines after the `---` line, so its lines are counted from there.
 */
export function kubectlSyntaxError(text: string, start: number, end: number): KubectlSyntaxError | undefined {
  const from = documentStart(text, start, end);
  const document = text.slice(from, end);
  const failure = goYamlFailure(document);
  if (!failure) return undefined;
  // A problem found at the end of the document (a collection left open) is reported where its context starts, or at the document's last character.
  const last = Math.max(0, document.trimEnd().length - 1);
  const before = (mark: GoMark | undefined) => (mark && mark.offset < document.length ? mark.offset : undefined);
  const at = failure.at ?? before(failure.problemMark) ?? before(failure.contextMark) ?? last;
  return { offset: from + at, message: `error converting YAML to JSON: ${goYamlMessage(failure)}`, problem: failure.problem };
}

/** Where go-yaml's text of the `---` chunk `[start, end)` starts: after its `---` line, which kubectl takes off. */
function documentStart(text: string, start: number, end: number): number {
  if (!text.startsWith("---", start)) return start;
  const lineEnd = text.indexOf("\n", start);
  return lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
}

/**
 * go-yaml's values of the block scalars of the document of a `---` chunk,
 * by the offset in `text` of their `|` or `>`; none when go-yaml refuses
 * the document.
 */
export function goBlockScalarValues(text: string, start: number, end: number): Map<number, string> {
  const from = documentStart(text, start, end);
  const values = new Map<number, string>();
  if (goYamlFailure(text.slice(from, end), values)) return new Map();
  return new Map([...values].map(([offset, value]) => [from + offset, value]));
}
