// The string formats the API server checks on custom resources (kube-openapi's
// strfmt registry as apiextensions supports it): values each format accepts
// and refuses, in Go's terms (net/url, net/mail, time.ParseDuration...).
import { describe, expect, test } from "vitest";
import { checkThing } from "./helpers.js";
import { goQuote } from "../../src/apiserver/field/values.js";

interface FormatCase {
  format: string;
  accepted: string[];
  refused: string[];
}

const cases: FormatCase[] = [
  {
    format: "uri",
    accepted: ["https://example.com/path?q=1", "/relative/path", "mailto:team@example.com", "*", "http://[::1]:8080/", "urn:isbn:0451450523", "ftp://user:pw@host/file", "http://host:/"],
    refused: ["example.com", "relative/path", "http://exa mple.com/", "http://host:port/", "://missing", "/bad%zzescape", "1http://x", "http://a\u0001b/", ""],
  },
  {
    format: "email",
    accepted: ["a@example.com", "John Doe <john@example.com>", "<ops@example.com>", "a@b", '"quoted name"@example.com', "a@[127.0.0.1]", "a.b+c@x.io (team)", "ops.team@example.com"],
    refused: ["plainaddress", "a@", "@example.com", "a@b@c", "a..b@example.com", ".a@example.com", "a.@example.com", "John <a@example.com", "a@example.com extra"],
  },
  {
    format: "duration",
    accepted: ["1h30m", "0", "1.5s", "300ms", "22 ns", "5 seconds", "2d", "3 weeks", "10 mins", "1 hour"],
    refused: ["soon", "10", "1x", "forever", "99999999999999999999 s"],
  },
  {
    format: "date-time",
    // strfmt's IsDateTime: lower case allowed, any character before the fraction, nothing read after a second "t".
    accepted: ["2024-05-01T10:00:00Z", "2024-05-01t10:00:00z", "2024-05-01T10:00:00.123+02:00", "2024-05-01T10:00:00,5Z", "2024-02-29T23:59:59-05:30", "2024-05-01T10:00:00Zt9"],
    refused: ["2024-05-01", "2024-05-01 10:00:00Z", "2024-05-01T10:00Z", "2024-05-01T10:00:00", "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T1:00:00Z", "2024-05-01T10:00:00+0200", ""],
  },
  { format: "date", accepted: ["2024-02-29", "0000-02-29", "2024-12-31"], refused: ["2023-02-29", "2024-1-01", "2024-04-31", "2024-05-01T00:00:00Z", "20240501", ""] },
  { format: "isbn", accepted: ["0321751043", "978-0321751041", "0-321-75104-3"], refused: ["0321751044", "978-0321751042", "12345"] },
  { format: "isbn10", accepted: ["0321751043", "080442957X"], refused: ["978-0321751041", "0321751044"] },
  { format: "isbn13", accepted: ["978-0321751041", "978 0321751041"], refused: ["0321751043", "978-0321751042"] },
  { format: "creditcard", accepted: ["4111111111111111", "4111-1111-1111-1111", "5500 0000 0000 0004"], refused: ["4111111111111112", "1234567812345678", "visa"] },
  { format: "ssn", accepted: ["123-45-6789", "123 45 6789"], refused: ["123456789", "123-45-678", "12-345-6789"] },
  { format: "ipv4", accepted: ["10.0.0.1", "010.000.000.001"], refused: ["10.0.0.256", "::1", "10.0.0"] },
  { format: "ipv6", accepted: ["fd00::1", "::ffff:10.0.0.1"], refused: ["10.0.0.1", "fe80::1%eth0", "fd00:::1"] },
  { format: "cidr", accepted: ["10.0.0.0/8", "010.0.0.0/8", "fd00::/64"], refused: ["10.0.0.0/33", "10.0.0.0", "fd00::/129"] },
  { format: "mac", accepted: ["00:1a:2b:3c:4d:5e", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e", "00:00:5e:00:53:01:00:01"], refused: ["00:1a:2b", "00:1a-2b:3c:4d:5e", "001a2b3c4d5e"] },
  { format: "password", accepted: ["anything at all", ""], refused: [] },
  { format: "k8s-short-name", accepted: ["web-1", "a"], refused: ["Web", "-web", "a.b", "x".repeat(64)] },
  { format: "k8s-long-name", accepted: ["api.example.com", "web-1"], refused: ["Api.example.com", "a..b", "x".repeat(254)] },
];

/** The API server's message for a value its format refuses. */
const refusal = (format: string, value: string) => `spec.value: Invalid value: ${goQuote(value)}: spec.value in body must be of type ${format}: ${goQuote(value)}`;

describe("string formats of custom resources", () => {
  describe.each(cases)("$format", ({ format, accepted, refused }) => {
    const spec = { type: "object", properties: { value: { type: "string", format } } };
    test.each(accepted)("accepts %j", (value) => {
      expect(checkThing(spec, `  value: ${JSON.stringify(value)}\n`)).toEqual([]);
    });
    // `password` refuses nothing: it has no refused cases.
    test.skipIf(refused.length === 0).each(refused)("refuses %j", (value) => {
      expect(checkThing(spec, `  value: ${JSON.stringify(value)}\n`).map((finding) => finding.message)).toEqual([refusal(format, value)]);
    });
  });

  test("formats are found by their name without dashes, as strfmt finds them", () => {
    const spec = { type: "object", properties: { value: { type: "string", format: "e-mail" } } };
    expect(checkThing(spec, "  value: nobody\n").map((finding) => finding.message)).toEqual([refusal("email", "nobody")]);
  });

  test.each([
    ["1.33", []],
    ["1.34", [refusal("k8s-short-name", "Web")]],
  ])("k8s-short-name is checked from 1.34 (%s)", (version, expected) => {
    const spec = { type: "object", properties: { value: { type: "string", format: "k8s-short-name" } } };
    expect(checkThing(spec, "  value: Web\n", version).map((finding) => finding.message)).toEqual(expected);
  });
});
