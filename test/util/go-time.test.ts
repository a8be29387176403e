// RFC 3339 times as Go's time.Parse(time.RFC3339, ...) reads them.
import { describe, expect, it } from "vitest";
import { parseRFC3339, readRFC3339 } from "../../src/util/go-time.js";

describe("time.Parse(time.RFC3339, ...)", () => {
  it.each([
    ["1970-01-01T00:00:00Z", 0, 0],
    ["2004-09-16T23:59:59Z", 1095379199, 0],
    ["2024-02-29T12:00:00Z", 1709208000, 0],
    ["2024-05-01T10:00:00.25Z", 1714557600, 250_000_000],
    ["2024-05-01T10:00:00.123456789Z", 1714557600, 123_456_789],
    // digits past the ninth are dropped, not rounded
    ["2024-05-01T10:00:00.1234567899Z", 1714557600, 123_456_789],
    ["2024-05-01T12:00:00+02:00", 1714557600, 0, 7200],
    ["2024-05-01T07:30:00-02:30", 1714557600, 0, -9000],
    // what the general layout parser takes beyond RFC 3339 itself
    ["2024-05-01T1:00:00Z", 1714525200, 0],
    ["2024-05-01T10:00:00,5Z", 1714557600, 500_000_000],
    ["2024-05-02T10:00:00+24:00", 1714557600, 0, 86400],
    ["2024-05-01T11:00:00+00:60", 1714557600, 0, 3600],
    ["0001-01-01T00:00:00Z", -62135596800, 0],
    ["0000-01-01T00:00:00Z", -62167219200, 0],
    ["9999-12-31T23:59:59.999999999Z", 253402300799, 999_999_999],
  ] as Array<[string, number, number, number?]>)("reads %s", (text, seconds, nanos, offset = 0) => {
    expect(parseRFC3339(text)).toEqual({ seconds, nanos, offset });
  });

  it.each([
    "",
    "2024-05-01",
    "2024-05-01T10:00:00",
    "2024-05-01 10:00:00Z",
    "2024-05-01t10:00:00Z",
    "2024-05-01T10:00:00z",
    "2024-5-01T10:00:00Z",
    "2024-05-1T10:00:00Z",
    "24-05-01T10:00:00Z",
    "+2024-05-01T10:00:00Z",
    "2024-13-01T10:00:00Z",
    "2024-00-01T10:00:00Z",
    "2023-02-29T10:00:00Z",
    "2024-04-31T10:00:00Z",
    "2024-05-01T24:00:00Z",
    "2024-05-01T10:60:00Z",
    "2024-05-01T10:00:60Z",
    "2024-05-01T10:0:00Z",
    "2024-05-01T10:00:00.Z",
    "2024-05-01T10:00:00+0200",
    "2024-05-01T10:00:00+02",
    "2024-05-01T10:00:00+25:00",
    "2024-05-01T10:00:00+02:61",
    "2024-05-01T10:00:00Z ",
    "2024-05-01T10:00:00ZZ",
    "yesterday",
  ])("refuses %j", (text) => {
    expect(parseRFC3339(text)).toBeUndefined();
  });

  const AS = '"2006-01-02T15:04:05Z07:00"';
  it.each([
    ["", `parsing time "" as ${AS}: cannot parse "" as "2006"`],
    ["yesterday", `parsing time "yesterday" as ${AS}: cannot parse "yesterday" as "2006"`],
    ["2024-05-01", `parsing time "2024-05-01" as ${AS}: cannot parse "" as "T"`],
    ["2024-05-01 10:00:00Z", `parsing time "2024-05-01 10:00:00Z" as ${AS}: cannot parse " 10:00:00Z" as "T"`],
    ["2024-5-01T10:00:00Z", `parsing time "2024-5-01T10:00:00Z" as ${AS}: cannot parse "5-01T10:00:00Z" as "01"`],
    ["2024-05-01T10:0:00Z", `parsing time "2024-05-01T10:0:00Z" as ${AS}: cannot parse "0:00Z" as "04"`],
    ["2024-05-01T10:00:00", `parsing time "2024-05-01T10:00:00" as ${AS}: cannot parse "" as "Z07:00"`],
    ["2024-05-01T10:00:00z", `parsing time "2024-05-01T10:00:00z" as ${AS}: cannot parse "z" as "Z07:00"`],
    ["2024-05-01T10:00:00*02:00", `parsing time "2024-05-01T10:00:00*02:00" as ${AS}: cannot parse "*02:00" as "Z07:00"`],
    ["2024-13-01T10:00:00Z", 'parsing time "2024-13-01T10:00:00Z": month out of range'],
    ["2024-05-01T24:00:00Z", 'parsing time "2024-05-01T24:00:00Z": hour out of range'],
    ["2024-05-01T10:60:00Z", 'parsing time "2024-05-01T10:60:00Z": minute out of range'],
    ["2024-05-01T10:00:60Z", 'parsing time "2024-05-01T10:00:60Z": second out of range'],
    ["2024-05-01T10:00:00+25:00", 'parsing time "2024-05-01T10:00:00+25:00": time zone offset hour out of range'],
    ["2024-05-01T10:00:00+02:61", 'parsing time "2024-05-01T10:00:00+02:61": time zone offset minute out of range'],
    ["2023-02-29T10:00:00Z", 'parsing time "2023-02-29T10:00:00Z": day out of range'],
    ["2023-02-29T10:00:00Zjunk", 'parsing time "2023-02-29T10:00:00Zjunk": extra text: "junk"'],
    ["2024-05-01T10:00:00Z\u00e9", 'parsing time "2024-05-01T10:00:00Z\\xc3\\xa9": extra text: "\\xc3\\xa9"'],
  ])("refuses %j in Go's words", (text, error) => {
    expect(readRFC3339(JSON.parse(`"${text}"`) as string)).toEqual({ error });
  });
});
