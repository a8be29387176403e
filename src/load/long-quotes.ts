// The yaml package builds a double-quoted scalar's value one character at a
// time, which for a value of megabytes costs seconds of garbage collection.
// A double-quoted scalar with no escape, quote or line break in it says
// exactly what it contains, as a single-quoted one would: such scalars are
// read as their text, and long ones handed to the composer single-quoted,
// which it reads in slices.
import { CST } from "yaml";
import { visitTokens } from "./cst-walk.js";

/** Shorter scalars cost nothing worth changing how they are written. */
const LONG_SCALAR = 4096;
const NOTHING_TO_RESOLVE = /^"[^\\"'\r\n]*"$/;

/** The value of a double-quoted scalar's source that has nothing to resolve, else undefined. */
export function plainDoubleQuoted(source: string): string | undefined {
  return NOTHING_TO_RESOLVE.test(source) ? source.slice(1, -1) : undefined;
}

function cheapen(token: CST.Token | null | undefined): void {
  if (token?.type !== "double-quoted-scalar" || token.source.length < LONG_SCALAR) return;
  const text = plainDoubleQuoted(token.source);
  if (text === undefined) return;
  // Same length, same value: positions and the value stay as they were.
  (token as CST.FlowScalar).type = "single-quoted-scalar";
  token.source = `'${text}'`;
}

/** The parser's tokens with every long double-quoted scalar that has nothing to resolve written single-quoted. */
export function withCheapQuotes(tokens: Iterable<CST.Token>): CST.Token[] {
  const out = [...tokens];
  visitTokens(out, cheapen);
  return out;
}
