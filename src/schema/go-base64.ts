// Where Go's base64.StdEncoding (used by encoding/json for []byte fields such
// as Secret.data) rejects a string: `illegal base64 data at input byte N`.
// It decodes in quanta of 4 characters, skips \r and \n anywhere, and wants
// "=" padding to complete the last quantum.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const IS_BASE64 = new Uint8Array(256);
for (const char of ALPHABET) IS_BASE64[char.charCodeAt(0)] = 1;

const CR = 0x0d;
const LF = 0x0a;
const PAD = 0x3d; // "="

const isNewline = (byte: number | undefined) => byte === CR || byte === LF;

function skipNewlines(src: Uint8Array, at: number): number {
  while (at < src.length && isNewline(src[at])) at++;
  return at;
}

/**
 * Checks one quantum starting at `start`; returns where the next one starts,
 * or the byte offset Go reports as illegal.
 */
function checkQuantum(src: Uint8Array, start: number): { next: number } | { illegalAt: number } {
  let at = start;
  for (let filled = 0; filled < 4; filled++) {
    if (at === src.length) {
      if (filled === 0) return { next: at };
      // A partial quantum without padding: Go points at its first character.
      return { illegalAt: at - filled };
    }
    const byte = src[at++]!;
    if (IS_BASE64[byte]) continue;
    if (isNewline(byte)) {
      filled--;
      continue;
    }
    if (byte !== PAD || filled < 2) return { illegalAt: at - 1 };
    if (filled === 2) {
      // "==" must end the quantum: the second "=" comes next, newlines aside.
      at = skipNewlines(src, at);
      if (at === src.length) return { illegalAt: src.length };
      if (src[at] !== PAD) return { illegalAt: at - 1 };
      at++;
    }
    at = skipNewlines(src, at);
    return at < src.length ? { illegalAt: at } : { next: at };
  }
  return { next: at };
}

/** The offset Go would report for this string, or undefined when it decodes. */
export function base64ErrorOffset(value: string): number | undefined {
  const src = Buffer.from(value, "utf8");
  let at = 0;
  while (at < src.length) {
    const result = checkQuantum(src, at);
    if ("illegalAt" in result) return result.illegalAt;
    if (result.next === at) break;
    at = result.next;
  }
  return undefined;
}

export function base64ErrorMessage(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}
