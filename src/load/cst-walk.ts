// One walk over the yaml parser's tokens, for the passes that mend them
// before the composer reads them (long-quotes.ts, go-flow-scalars.ts,
// quoted-lines.ts) and those that look for what go-yaml reads otherwise
// (anchor-names.ts, tab-lines.ts).
import type { CST } from "yaml";

/** Where a token stands. */
export interface TokenContext {
  /** Inside a flow collection. */
  flow: boolean;
  /** The column of the innermost block mapping or list (go-yaml's `parser.indent`), -1 at the top. */
  blockIndent: number;
}

export interface WalkOptions {
  /** Also the tokens written before a node or between its parts: a document's and an item's start, an item's separator, a flow collection's opening bracket, a block scalar's header. */
  props?: boolean;
  /** Also the tokens that end a node's line: a document's end, a scalar's or an alias's, a flow collection's closing bracket and what follows it, what follows `...`. */
  ends?: boolean;
}

type AnyToken = CST.Token | CST.SourceToken;

const TOP: TokenContext = { flow: false, blockIndent: -1 };

/**
 * Calls `visit` on every token of the documents in the order they were
 * written, each with its context, until it returns true: a collection
 * before its items (so that a pass may mend the items first), a block
 * scalar after its header. A stack, not recursion: the nesting is not yet
 * known to be bounded where this runs.
 */
export function walkTokens(tokens: readonly CST.Token[], visit: (token: AnyToken, context: TokenContext) => boolean | void, options: WalkOptions = {}): void {
  const props = options.props === true;
  const ends = options.ends === true;
  // Tokens to visit, last first; a list of source tokens (which have no parts) is one entry.
  const stack: Array<AnyToken | readonly AnyToken[]> = [];
  const contexts: TokenContext[] = [];
  const push = (token: AnyToken | readonly AnyToken[] | null | undefined, context: TokenContext) => {
    if (!token) return;
    stack.push(token);
    contexts.push(context);
  };
  for (let i = tokens.length - 1; i >= 0; i--) push(tokens[i], TOP);
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const context = contexts.pop()!;
    if (Array.isArray(entry)) {
      for (const token of entry as readonly AnyToken[]) if (visit(token, context) === true) return;
      continue;
    }
    const token = entry as AnyToken;
    // A block scalar's header is written before its text (and is made of source tokens only).
    if (props && token.type === "block-scalar") {
      for (const prop of token.props) if (visit(prop, context) === true) return;
    }
    if (visit(token, context) === true) return;
    switch (token.type) {
      case "document":
        if (ends) push(token.end, context);
        push(token.value, context);
        if (props) push(token.start, context);
        break;
      case "block-map":
      case "block-seq": {
        const inner: TokenContext = { flow: false, blockIndent: token.indent };
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i]!;
          push(item.value, inner);
          if (props && "sep" in item) push(item.sep, inner);
          if ("key" in item) push(item.key, inner);
          if (props) push(item.start, inner);
        }
        break;
      }
      case "flow-collection": {
        const inner: TokenContext = { flow: true, blockIndent: context.blockIndent };
        if (ends) push(token.end, context);
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i]!;
          push(item.value, inner);
          if (props) push(item.sep, inner);
          push(item.key, inner);
          if (props) push(item.start, inner);
        }
        if (props) push(token.start, inner);
        break;
      }
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
      case "doc-end":
        if (ends) push(token.end, context);
        break;
      default:
        break;
    }
  }
}

/** Calls `visit` on every document, collection, key and value, collections before their items (see walkTokens). */
export function visitTokens(tokens: readonly CST.Token[], visit: (token: CST.Token) => void): void {
  walkTokens(tokens, (token) => {
    visit(token as CST.Token);
  });
}
