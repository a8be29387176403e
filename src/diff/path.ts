// Paths inside an object as the diff walks it: field names, and list items
// named by their merge key (`containers[name=app]`), rendered the way
// kube-apiserver and kubectl print field paths.

/** A field name, or a list item written `[name=app]` (keyed), `[3]` (by index) or `[value]` (sets). */
export type PathToken = string;

export function itemToken(label: string): PathToken {
  return `[${label}]`;
}

export function isItemToken(token: PathToken): boolean {
  return token.startsWith("[") && token.endsWith("]");
}

const PLAIN_FIELD = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `spec.template.spec.containers[name=app].image`, `metadata.labels[app.kubernetes.io/name]`. */
export function displayPath(tokens: readonly PathToken[]): string {
  let out = "";
  for (const token of tokens) {
    if (isItemToken(token)) out += token;
    else if (PLAIN_FIELD.test(token)) out += out === "" ? token : "." + token;
    else out += `[${token}]`;
  }
  return out;
}

/**
 * A path pattern: tokens matched one by one, where `*` inside a token matches
 * any text, and a `**` token matches any number of tokens.
 */
export type PathPattern = readonly string[];

const globCache = new Map<string, RegExp>();

function tokenMatches(pattern: string, token: string): boolean {
  if (!pattern.includes("*")) return pattern === token;
  let regex = globCache.get(pattern);
  if (!regex) {
    regex = new RegExp("^" + pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$");
    globCache.set(pattern, regex);
  }
  return regex.test(token);
}

export function matchesPattern(pattern: PathPattern, tokens: readonly PathToken[], from = 0, at = 0): boolean {
  if (from === pattern.length) return at === tokens.length;
  const head = pattern[from]!;
  if (head === "**") {
    for (let skip = at; skip <= tokens.length; skip++) if (matchesPattern(pattern, tokens, from + 1, skip)) return true;
    return false;
  }
  if (at >= tokens.length || !tokenMatches(head, tokens[at]!)) return false;
  return matchesPattern(pattern, tokens, from + 1, at + 1);
}

export function matchesAny(patterns: readonly PathPattern[], tokens: readonly PathToken[]): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, tokens));
}

/** Whether some path below `tokens` could match one of the patterns (so a subtree is worth walking). */
export function mayMatchBelow(patterns: readonly PathPattern[], tokens: readonly PathToken[]): boolean {
  return patterns.some((pattern) => {
    if (pattern.includes("**")) return true;
    if (pattern.length <= tokens.length) return false;
    return tokens.every((token, i) => tokenMatches(pattern[i]!, token));
  });
}
