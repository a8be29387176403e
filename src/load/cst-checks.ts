// Checks on a document's tokens before it is composed: how deep it nests
// (the composer, and every later stage, recurse once per level, so a
// document nested thousands of levels deep would overflow the stack) and
// the escapes go-yaml refuses. The walk is iterative: it is what keeps the
// depth of everything after it bounded.
import type { CST } from "yaml";
import { badEscape, type GoYamlProblem } from "./go-yaml.js";

/**
 * Deepest nesting of mappings and lists read. Kubernetes objects nest a few
 * dozen levels (a CRD's schema perhaps a hundred); the YAML parser itself
 * runs out of stack at about 800.
 */
export const MAX_NESTING = 500;

/** go-yaml forgets a possible key after this many characters, as YAML's spec allows: a longer key is no key. */
export const MAX_KEY_LENGTH = 1024;

export interface TokenProblem extends GoYamlProblem {
  /** `limit` for a limit of kubeplan's own, `syntax` for what go-yaml refuses. */
  kind: "limit" | "syntax";
}

function collectionItems(token: CST.Token): Array<{ start?: CST.SourceToken[]; key?: CST.Token | null; value?: CST.Token }> | undefined {
  switch (token.type) {
    case "block-map":
    case "block-seq":
    case "flow-collection":
      return token.items;
    default:
      return undefined;
  }
}

/**
 * The first problem among a document's tokens, in document order.
 * `keyLength`: whether implicit keys are held to go-yaml's length (not in a
 * JSON stream, which kubectl reads with a JSON decoder).
 */
export function checkTokens(document: CST.Token, { keyLength }: { keyLength: boolean }): TokenProblem | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = [{ token: document, depth: 0 }];
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === "document") {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type === "double-quoted-scalar") {
      const problem = badEscape(token.source);
      if (problem) return { kind: "syntax", ...problem, offset: token.offset + problem.offset };
      continue;
    }
    const items = collectionItems(token);
    if (!items) continue;
    if (depth >= MAX_NESTING) {
      return { kind: "limit", offset: token.offset, message: `nested more than ${MAX_NESTING} levels deep: the document is not read` };
    }
    // Pushed in reverse so that the first problem in the text is found first.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      if (item.key) stack.push({ token: item.key, depth: depth + 1 });
    }
    const long = keyLength ? items.find((item) => isLongImplicitKey(item)) : undefined;
    if (long?.key) {
      const hint = `a key is at most ${MAX_KEY_LENGTH} characters`;
      return { kind: "syntax", offset: long.key.offset, message: `could not find expected ':' (${hint})`, hint };
    }
  }
  return undefined;
}

/** A key written without `?` (which allows any length) and longer than go-yaml reads as a key. */
function isLongImplicitKey(item: { start?: CST.SourceToken[]; key?: CST.Token | null }): boolean {
  const key = item.key;
  if (!key || !(key.type === "scalar" || key.type === "single-quoted-scalar" || key.type === "double-quoted-scalar")) return false;
  return key.source.length > MAX_KEY_LENGTH && !item.start?.some((token) => token.type === "explicit-key-ind");
}

/** Where the first quoted scalar that has no closing quote opens, if any. */
export function unterminatedQuote(tokens: readonly CST.Token[]): number | undefined {
  const stack = [...tokens].reverse();
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (token.type === "document") {
      if (token.value) stack.push(token.value);
    } else if (token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar") {
      if (!isClosed(token.source)) return token.offset;
    } else {
      const items = collectionItems(token) ?? [];
      for (let i = items.length - 1; i >= 0; i--) {
        const item = items[i]!;
        if (item.value) stack.push(item.value);
        if (item.key) stack.push(item.key);
      }
    }
  }
  return undefined;
}

function isClosed(source: string): boolean {
  const quote = source[0]!;
  if (source.length < 2 || !source.endsWith(quote)) return false;
  if (quote === "'") return true;
  // `"a\"` closes; `"a\\"` does not: count the backslashes before the last quote.
  let backslashes = 0;
  for (let i = source.length - 2; i > 0 && source[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}
