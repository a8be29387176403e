// Go's time.Parse(time.RFC3339, text), as cel-go's timestamp() reads a
// string. Go tries a strict RFC 3339 reader first and falls back to the
// general layout parser, which takes more: a one-digit hour, a comma before
// the fraction, zone offsets up to 24:60. The fallback takes everything the
// strict reader does, with the same result, so it alone is mirrored here.
// Fraction digits past the ninth are read and dropped.

export interface GoTime {
  /** Seconds since the Unix epoch. */
  seconds: number;
  /** Nanoseconds within the second, 0-999999999. */
  nanos: number;
  /** The zone's offset written in the text, in seconds east of UTC (Go keeps it as a fixed zone). */
  offset: number;
}

const isDigit = (text: string, i: number) => i < text.length && text[i]! >= "0" && text[i]! <= "9";

/** getnum: one or two digits (exactly two when fixed). */
function getnum(text: string, fixed: boolean): { value: number; rest: string } | undefined {
  if (!isDigit(text, 0)) return undefined;
  if (!isDigit(text, 1)) return fixed ? undefined : { value: Number(text[0]), rest: text.slice(1) };
  return { value: Number(text.slice(0, 2)), rest: text.slice(2) };
}

/** skip: the literal text of the layout. */
function skip(text: string, literal: string): string | undefined {
  return text.startsWith(literal) ? text.slice(literal.length) : undefined;
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The zone (Z07:00): an offset in seconds east of UTC, with the text after it. */
function zoneOffset(text: string): { offset: number; rest: string } | undefined {
  if (text.startsWith("Z")) return { offset: 0, rest: text.slice(1) };
  if (text.length < 6 || text[3] !== ":" || (text[0] !== "+" && text[0] !== "-")) return undefined;
  const hours = getnum(text.slice(1, 3), true);
  const minutes = getnum(text.slice(4, 6), true);
  // Go's range test uses > as some write offsets of 24 hours or 60 minutes.
  if (!hours || !minutes || hours.value > 24 || minutes.value > 60) return undefined;
  const offset = (hours.value * 60 + minutes.value) * 60;
  return { offset: text[0] === "-" ? -offset : offset, rest: text.slice(6) };
}

/** The fraction after the seconds (a period or a comma, then digits), in nanoseconds. */
function fraction(text: string): { nanos: number; rest: string } {
  if (text.length < 2 || (text[0] !== "." && text[0] !== ",") || !isDigit(text, 1)) return { nanos: 0, rest: text };
  let end = 2;
  while (isDigit(text, end)) end++;
  return { nanos: Number(text.slice(1, Math.min(end, 10)).padEnd(9, "0")), rest: text.slice(end) };
}

/** time.Parse(time.RFC3339, text), or undefined when Go refuses it. */
export function parseRFC3339(text: string): GoTime | undefined {
  if (text.length < 4 || !/^\d{4}/.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  let rest: string | undefined = skip(text.slice(4), "-");
  const month = rest === undefined ? undefined : getnum(rest, true);
  rest = month && skip(month.rest, "-");
  const day = rest === undefined ? undefined : getnum(rest, true);
  rest = day && skip(day.rest, "T");
  const hour = rest === undefined ? undefined : getnum(rest, false);
  rest = hour && skip(hour.rest, ":");
  const minute = rest === undefined ? undefined : getnum(rest, true);
  rest = minute && skip(minute.rest, ":");
  const second = rest === undefined ? undefined : getnum(rest, true);
  if (!month || !day || !hour || !minute || !second) return undefined;
  if (month.value < 1 || month.value > 12 || hour.value > 23 || minute.value > 59 || second.value > 59) return undefined;
  const { nanos, rest: zoneText } = fraction(second.rest);
  const zone = zoneOffset(zoneText);
  if (!zone || zone.rest !== "") return undefined;
  if (day.value < 1 || day.value > daysIn(month.value, year)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month.value - 1, day.value);
  date.setUTCHours(hour.value, minute.value, second.value, 0);
  return { seconds: date.getTime() / 1000 - zone.offset, nanos, offset: zone.offset };
}
