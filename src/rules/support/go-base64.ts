// Go's base64.StdEncoding.Decode, as the API server runs it on []byte fields
// (Secret data, ConfigMap binaryData): padding required, '\r' and '\n' skipped,
// and the same error offsets ("illegal base64 data at input byte N").

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Map([...ALPHABET].map((char, i) => [char.charCodeAt(0), i]));
const PAD = "=".charCodeAt(0);
const NEWLINES = new Set(["\n".charCodeAt(0), "\r".charCodeAt(0)]);

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; offset: number };

/** One quantum of up to 4 characters; returns the next index, the bytes decoded, or the error offset. */
function decodeQuantum(src: Uint8Array, start: number): { next: number; bytes: number[] } | { error: number } {
  const values: number[] = [];
  let si = start;
  let length = 4;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { next: si, bytes: [] };
      // Standard encoding requires padding: a short final quantum is corrupt.
      return { error: si - j };
    }
    const char = src[si]!;
    si++;
    const value = DECODE.get(char);
    if (value !== undefined) {
      values[j] = value;
      continue;
    }
    if (NEWLINES.has(char)) {
      j--;
      continue;
    }
    if (char !== PAD) return { error: si - 1 };
    // Padding: only after 2 or 3 characters.
    if (j === 0 || j === 1) return { error: si - 1 };
    if (j === 2) {
      while (si < src.length && NEWLINES.has(src[si]!)) si++;
      if (si === src.length) return { error: src.length };
      if (src[si] !== PAD) return { error: si - 1 };
      si++;
    }
    while (si < src.length && NEWLINES.has(src[si]!)) si++;
    if (si < src.length) return { error: si };
    length = j;
    break;
  }
  const [a = 0, b = 0, c = 0, d = 0] = values;
  const bits = (a << 18) | (b << 12) | (c << 6) | d;
  const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff].slice(0, length - 1);
  return { next: si, bytes };
}

/** Decodes like Go's base64.StdEncoding.DecodeString of the string's UTF-8 bytes. */
export function decodeBase64(text: string): Base64Result {
  const src = Buffer.from(text, "utf8");
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const step = decodeQuantum(src, si);
    if ("error" in step) return { ok: false, offset: step.error };
    out.push(...step.bytes);
    if (step.next === si) break;
    si = step.next;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** Whether the bytes are UTF-8 text without control characters other than whitespace. */
export function isPrintableText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
