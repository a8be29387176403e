// One walk over the yaml parser's tokens, for the passes that mend them
// before the composer reads them (long-quotes.ts, go-flow-scalars.ts).
import type { CST } from "yaml";

/**
 * Calls `visit` on every token of the documents, collections before their
 * items. A stack, not recursion: the nesting is not yet known to be bounded
 * where this runs.
 */
export function visitTokens(tokens: readonly CST.Token[], visit: (token: CST.Token) => void): void {
  const stack: CST.Token[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop()!;
    visit(token);
    if (token.type === "document") {
      if (token.value) stack.push(token.value);
    } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      for (const item of token.items) {
        if (item.value) stack.push(item.value);
        if ("key" in item && item.key) stack.push(item.key);
      }
    }
  }
}
