// A scalar with an explicit tag, as go-yaml v2 decodes it (resolve.go's
// resolve with the tag, decode.go's scalar): the tag does not make the
// value, it checks it. Under !!str (and under a tag go-yaml does not know,
// `!custom`) the text is a string; under !!int, !!float, !!bool, !!null or
// !!timestamp the text is read as if it were plain, and must read as that
// type (`!!int "1"` is 1; `!!int "abc"` is refused, `cannot decode !!str
// `abc` as a !!int`), an integer being allowed where a float is wanted
// (`!!float 1` is the float 1); !!binary is base64, decoded to the string of
// its bytes (`!!binary aGk=` is "hi"), or refused. The yaml package resolves
// tags otherwise (`!!float 1` stays "1", `!!binary` is not decoded).
import { goDecoded } from "./go-scalars.js";
import { typePlainScalar } from "./plain-scalars.js";

const PREFIX = "tag:yaml.org,2002:";
export const FLOAT_TAG = `${PREFIX}float`;
const STR_TAG = `${PREFIX}str`;
const INT_TAG = `${PREFIX}int`;
const BOOL_TAG = `${PREFIX}bool`;
const NULL_TAG = `${PREFIX}null`;
const TIMESTAMP_TAG = `${PREFIX}timestamp`;
const BINARY_TAG = `${PREFIX}binary`;
const MERGE_TAG = `${PREFIX}merge`;

/** The tags go-yaml resolves a scalar's text under (resolvableTag). */
const RESOLVABLE = new Set([STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG, TIMESTAMP_TAG]);

/** go-yaml's short form of a tag in its messages (`!!int`). */
function shortTag(tag: string): string {
  return tag.startsWith(PREFIX) ? `!!${tag.slice(PREFIX.length)}` : tag;
}

/** A date, as Go's time.Parse reads the layouts go-yaml tries (parseTimestamp): `2006-1-2`, then a time with `T`, `t` or a space. */
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/;

function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hour = Number(match[4] ?? match[7] ?? 0);
  const minute = Number(match[5] ?? match[8] ?? 0);
  const second = Number(match[6] ?? match[9] ?? 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
}

/** The tag go-yaml resolves a text to, read as plain, and the value, as the other ways type it. */
function resolvePlain(text: string, wantTimestamp: boolean): { tag: string; value: unknown } {
  if (text === "<<") return { tag: MERGE_TAG, value: text };
  if (wantTimestamp && isTimestamp(text)) return { tag: TIMESTAMP_TAG, value: text };
  const value = typePlainScalar(text, false);
  if (value === undefined) return { tag: STR_TAG, value: text };
  if (value === null) return { tag: NULL_TAG, value };
  if (typeof value === "boolean") return { tag: BOOL_TAG, value };
  if (typeof value === "number") return { tag: goDecoded(value, text).type === "float64" ? FLOAT_TAG : INT_TAG, value };
  return { tag: STR_TAG, value };
}

/** A base64 text as Go's base64.StdEncoding decodes it (line breaks skipped, padding required), or undefined. */
function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/[\r\n]/g, "");
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return undefined;
  // The bytes as a Go string; JSON then writes an invalid UTF-8 sequence as U+FFFD, as TextDecoder does.
  return new TextDecoder().decode(Buffer.from(compact, "base64"));
}

export type TaggedValue = { value: unknown } | { refused: (shown: string) => string };

/**
 * The value go-yaml decodes from the text of a scalar tagged `tag` (the
 * yaml package's long form, `tag:yaml.org,2002:int`), or its refusal, a
 * message given the text to show (a Secret's is masked).
 */
export function taggedValue(tag: string, text: string): TaggedValue {
  if (tag === BINARY_TAG) {
    const decoded = decodeBase64(text);
    return decoded === undefined ? { refused: () => "yaml: !!binary value contains invalid base64 data" } : { value: decoded };
  }
  if (!RESOLVABLE.has(tag) || tag === STR_TAG) return { value: text };
  const resolved = resolvePlain(text, tag === TIMESTAMP_TAG);
  if (resolved.tag === tag) return { value: resolved.value };
  if (tag === FLOAT_TAG && resolved.tag === INT_TAG && goDecoded(resolved.value, text).type === "int") return { value: resolved.value };
  return { refused: (shown) => `yaml: cannot decode ${shortTag(resolved.tag)} \`${shown}\` as a ${shortTag(tag)}` };
}
