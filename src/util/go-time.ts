// Go's time.Parse(time.RFC3339, text), as cel-go's timestamp() and
// metav1.Time read a string. Go tries a strict RFC 3339 reader first and falls
// back to the general layout parser, which takes more (a one-digit hour, a
// comma before the fraction, zone offsets up to 24:60) and words the errors.
// The fallback takes everything the strict reader does, with the same result,
// so it alone is mirrored here: the layout's chunks in order, each failure in
// Go's words. Fraction digits past the ninth are read and dropped.
import { timeQuote } from "./go-duration.js";

export interface GoTime {
  /** Seconds since the Unix epoch. */
  seconds: number;
  /** Nanoseconds within the second, 0-999999999. */
  nanos: number;
  /** The zone's offset written in the text, in seconds east of UTC (Go keeps it as a fixed zone). */
  offset: number;
}

const RFC3339 = "2006-01-02T15:04:05Z07:00";

const isDigit = (text: string, i: number) => i < text.length && text[i]! >= "0" && text[i]! <= "9";

/** getnum: one or two digits (exactly two when fixed). */
function getnum(text: string, fixed: boolean): { value: number; rest: string } | undefined {
  if (!isDigit(text, 0)) return undefined;
  if (!isDigit(text, 1)) return fixed ? undefined : { value: Number(text[0]), rest: text.slice(1) };
  return { value: Number(text.slice(0, 2)), rest: text.slice(2) };
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The fraction after the seconds (a period or a comma, then digits), in nanoseconds. */
function fraction(text: string): { nanos: number; rest: string } {
  if (text.length < 2 || (text[0] !== "." && text[0] !== ",") || !isDigit(text, 1)) return { nanos: 0, rest: text };
  let end = 2;
  while (isDigit(text, end)) end++;
  return { nanos: Number(text.slice(1, Math.min(end, 10)).padEnd(9, "0")), rest: text.slice(end) };
}

/** A ParseError's text: what of the value a chunk of the layout could not read, or a range error. */
const cannotParse = (text: string, rest: string, chunk: string) => `parsing time ${timeQuote(text)} as ${timeQuote(RFC3339)}: cannot parse ${timeQuote(rest)} as ${timeQuote(chunk)}`;
const outOfRange = (text: string, what: string) => `parsing time ${timeQuote(text)}: ${what} out of range`;

/** The zone chunk (Z07:00): the offset in seconds east of UTC and the rest, or Go's error. */
function readZone(text: string, rest: string): { offset: number; rest: string } | { error: string } {
  if (rest.startsWith("Z")) return { offset: 0, rest: rest.slice(1) };
  if (rest.length < 6 || rest[3] !== ":") return { error: cannotParse(text, rest, "Z07:00") };
  const hours = getnum(rest.slice(1, 3), true);
  const minutes = hours && getnum(rest.slice(4, 6), true);
  // Go's range test uses > as some write offsets of 24 hours or 60 minutes; it comes before the other errors.
  if (hours && hours.value > 24) return { error: outOfRange(text, "time zone offset hour") };
  if (minutes && minutes.value > 60) return { error: outOfRange(text, "time zone offset minute") };
  if (!hours || !minutes || (rest[0] !== "+" && rest[0] !== "-")) return { error: cannotParse(text, rest, "Z07:00") };
  const offset = (hours.value * 60 + minutes.value) * 60;
  return { offset: rest[0] === "-" ? -offset : offset, rest: rest.slice(6) };
}

/** time.Parse(time.RFC3339, text): the time, or Go's error (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`). */
export function readRFC3339(text: string): GoTime | { error: string } {
  if (!/^\d{4}/.test(text)) return { error: cannotParse(text, text, "2006") };
  const year = Number(text.slice(0, 4));
  // The two-digit chunks of the layout: the literal before each, its name in the layout, and the range it takes.
  const chunks = [
    { literal: "-", chunk: "01", fixed: true, range: "month", valid: (n: number) => n >= 1 && n <= 12 },
    { literal: "-", chunk: "02", fixed: true, range: "", valid: () => true },
    { literal: "T", chunk: "15", fixed: false, range: "hour", valid: (n: number) => n < 24 },
    { literal: ":", chunk: "04", fixed: true, range: "minute", valid: (n: number) => n < 60 },
    { literal: ":", chunk: "05", fixed: true, range: "second", valid: (n: number) => n < 60 },
  ];
  const values: number[] = [];
  let rest = text.slice(4);
  for (const { literal, chunk, fixed, range, valid } of chunks) {
    if (!rest.startsWith(literal)) return { error: cannotParse(text, rest, literal) };
    rest = rest.slice(literal.length);
    const read = getnum(rest, fixed);
    if (!read) return { error: cannotParse(text, rest, chunk) };
    if (!valid(read.value)) return { error: outOfRange(text, range) };
    values.push(read.value);
    rest = read.rest;
  }
  const [month, day, hour, minute, second] = values as [number, number, number, number, number];
  const { nanos, rest: zoneText } = fraction(rest);
  const zone = readZone(text, zoneText);
  if ("error" in zone) return zone;
  if (zone.rest !== "") return { error: `parsing time ${timeQuote(text)}: extra text: ${timeQuote(zone.rest)}` };
  if (day < 1 || day > daysIn(month, year)) return { error: outOfRange(text, "day") };
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return { seconds: date.getTime() / 1000 - zone.offset, nanos, offset: zone.offset };
}

/** time.Parse(time.RFC3339, text), or undefined when Go refuses it. */
export function parseRFC3339(text: string): GoTime | undefined {
  const read = readRFC3339(text);
  return "error" in read ? undefined : read;
}
