// Every CEL library the API server offers to x-kubernetes-validations, on
// custom resources that pass and fail, and has() over any selection, the
// two-variable comprehensions and RE2 regular expressions.
import { describe, expect, test } from "vitest";
import { checkThing } from "./helpers.js";

/** Findings (rule, message) of a Thing whose `spec.v` has the schema and rule given. */
function check(field: object, rule: string, value: string): Array<[string, string]> {
  const spec = { type: "object", properties: { v: { ...field, "x-kubernetes-validations": [{ rule, message: "rule failed" }] } } };
  return checkThing(spec, `  v: ${value}\n`).map((f) => [f.rule, f.message]);
}

const STRING = { type: "string" };
const LIST = { type: "array", items: { type: "string" } };
const INTS = { type: "array", items: { type: "integer" } };
const MAP = { type: "object", additionalProperties: { type: "integer" } };

const cases: Array<{ library: string; field: object; rule: string; pass: string; fail: string }> = [
  { library: "strings: charAt, indexOf, lastIndexOf, replace, substring", field: STRING, rule: "self.charAt(0) == 'a' && self.indexOf('b') == 1 && self.lastIndexOf('b') == 3 && self.replace('b', '') == 'aa' && self.substring(2) == 'ab'", pass: "abab", fail: "bbab" },
  { library: "strings: lowerAscii, upperAscii, trim, split, join, reverse", field: STRING, rule: "self.trim().lowerAscii().split(',').join('-') == 'a-b' && self.trim().upperAscii().reverse() == 'B,A'", pass: "' a,b '", fail: "' a;b '" },
  { library: "strings: format and strings.quote", field: STRING, rule: "'%s has %d chars'.format([self, self.size()]) == 'abc has 3 chars' && strings.quote(self) == '\"abc\"'", pass: "abc", fail: "abcd" },
  { library: "lists: isSorted, sum, min, max, indexOf", field: INTS, rule: "self.isSorted() && self.sum() == 6 && self.min() == 1 && self.max() == 3 && self.indexOf(2) == 1", pass: "[1, 2, 3]", fail: "[3, 2, 1]" },
  { library: "lists extension: slice, flatten, distinct, sort, lists.range", field: INTS, rule: "self.slice(0, 2) == [1, 1] && [self, [9]].flatten().size() == 4 && self.distinct() == [1, 2] && self.sort()[0] == 1 && lists.range(3).size() == self.size()", pass: "[1, 1, 2]", fail: "[2, 1, 1]" },
  { library: "sets", field: LIST, rule: "sets.contains(['a', 'b', 'c'], self) && sets.intersects(self, ['a']) && !sets.equivalent(self, ['z'])", pass: "[a, b]", fail: "[a, z]" },
  { library: "math", field: INTS, rule: "math.greatest(self) == 3 && math.least(self[0], self[1]) == 1 && math.abs(-1) == 1", pass: "[1, 3]", fail: "[1, 4]" },
  { library: "regex: matches (RE2, with flags), find, findAll", field: STRING, rule: "self.matches('(?i)^v[0-9]+$') && self.find('[0-9]+') == '12' && self.findAll('[0-9]').size() == 2", pass: "V12", fail: "V1x" },
  { library: "url", field: STRING, rule: "isURL(self) && url(self).getScheme() == 'https' && url(self).getHostname() == 'example.com' && url(self).getPort() == '8443' && url(self).getEscapedPath() == '/a' && url(self).getQuery()['q'] == ['1']", pass: "https://example.com:8443/a?q=1", fail: "http://example.com:8443/a?q=1" },
  { library: "quantity", field: { "x-kubernetes-int-or-string": true }, rule: "isQuantity(string(self)) && quantity(string(self)).isLessThan(quantity('1Gi')) && quantity(string(self)).add(quantity('1Mi')).compareTo(quantity('1Mi')) == 1", pass: "512Mi", fail: "2Gi" },
  { library: "ip", field: STRING, rule: "isIP(self) && ip(self).family() == 4 && !ip(self).isLoopback() && ip.isCanonical(self) && ip(self).isGlobalUnicast()", pass: "10.1.2.3", fail: "127.0.0.1" },
  { library: "cidr", field: STRING, rule: "isCIDR(self) && cidr(self).containsIP('10.1.2.3') && cidr(self).prefixLength() == 8 && cidr('10.0.0.0/8').containsCIDR(cidr(self).masked())", pass: "10.0.0.0/8", fail: "192.168.0.0/16" },
  { library: "semver", field: STRING, rule: "isSemver(self, true) && semver(self, true).isGreaterThan(semver('1.2.0')) && semver(self, true).major() == 1", pass: "v1.10", fail: "v1.1" },
  { library: "optional values against null: never equal, as cel-go compares them", field: STRING, rule: "format.dns1123Label().validate(self) != null && !(null == format.dns1123Label().validate(self)) && self.startsWith('w')", pass: "web-1", fail: "api-1" },
  { library: "format", field: STRING, rule: "!format.dns1123Label().validate(self).hasValue() && format.named('labelValue').hasValue()", pass: "web-1", fail: "Web_1" },
  { library: "optional types", field: { type: "object", properties: { a: STRING } }, rule: "self.?a.orValue('x') == 'q'", pass: "{a: q}", fail: "{}" },
  { library: "has() inside macros and over indexes", field: { type: "array", items: { type: "object", properties: { a: STRING } } }, rule: "self.exists_one(x, has(x.a)) && has(self[0].a)", pass: "[{a: x}, {}]", fail: "[{}, {a: x}]" },
  { library: "two-variable comprehensions over lists", field: INTS, rule: "self.all(i, v, v == i) && self.existsOne(i, v, v == 0) && self.transformList(i, v, v * 2) == [0, 2]", pass: "[0, 1]", fail: "[1, 0]" },
  { library: "two-variable comprehensions over maps", field: MAP, rule: "self.all(k, v, k.startsWith('x') && v > 0) && self.transformMap(k, v, v + 1)['xa'] == 2", pass: "{xa: 1}", fail: "{ya: 1}" },
  { library: "cel.bind", field: STRING, rule: "cel.bind(parts, self.split('/'), parts.size() == 2 && parts[0] != '')", pass: "a/b", fail: "/b" },
];

describe("each CEL library Kubernetes offers", () => {
  test.each(cases)("$library: a value that holds passes", ({ field, rule, pass }) => {
    expect(check(field, rule, pass)).toEqual([]);
  });
  test.each(cases)("$library: a value that does not fails the rule", ({ field, rule, fail }) => {
    const found = check(field, rule, fail);
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toBe("schema/cel-rule");
    // Strings, numbers and booleans are shown; lists and objects are left out.
    expect(found[0]![1]).toMatch(/^spec\.v: Invalid value: (?:"[^"]*": |-?\d+: )?rule failed$/);
  });
});

describe("errors of library functions are the rule's errors, as cel-go reports them", () => {
  test("a value that is not an IP address", () => {
    expect(check(STRING, "ip(self).family() == 4", "not-an-ip")).toEqual([
      ["schema/cel-rule", `spec.v: Invalid value: "string": IP Address "not-an-ip" parse error during conversion from string: ParseAddr("not-an-ip"): unable to parse IP evaluating rule: rule failed`],
    ]);
  });
  test("an IPv4-mapped IPv6 address", () => {
    expect(check(STRING, "isIP(self)", "'::ffff:10.0.0.1'")).toEqual([["schema/cel-rule", 'spec.v: Invalid value: "::ffff:10.0.0.1": rule failed']]);
  });
  test("a pattern RE2 rejects", () => {
    expect(check(STRING, "self.matches('(?=a)')", "a")).toEqual([
      ["schema/cel-rule", 'spec.v: Invalid value: "string": error parsing regexp: invalid or unsupported Perl syntax: `(?=` evaluating rule: rule failed'],
    ]);
  });
});

describe("the strings extension counts code points and fails in cel-go's words", () => {
  const holding: Array<{ name: string; rule: string; value: string }> = [
    { name: "indexOf past a character outside the BMP", rule: "self.indexOf('b') == 2 && self.indexOf('b', 1) == 2", value: "'a😀b'" },
    { name: "lastIndexOf past a character outside the BMP", rule: "self.lastIndexOf('😀') == 3 && self.lastIndexOf('😀', 2) == 1 && self.lastIndexOf('') == 4", value: "'a😀b😀'" },
    { name: "substring by code points", rule: "self.substring(2) == 'b' && self.substring(1, 2) == '😀'", value: "'a😀b'" },
    { name: "an offset past the end finds nothing (from cel-go 0.22, Kubernetes 1.32)", rule: "self.indexOf('a', 10) == -1 && self.lastIndexOf('a', 10) == -1", value: "abc" },
    { name: "lowerAscii and upperAscii leave letters beyond ASCII", rule: "self.lowerAscii() == 'Éa' && self.upperAscii() == 'ÉA'", value: "ÉA" },
    { name: "trim takes Go's spaces, not U+FEFF", rule: "self.trim() == 'x\\ufeff' && '\\u0085 y '.trim() == 'y'", value: "\" x\\uFEFF \"" },
  ];
  test.each(holding)("$name", ({ rule, value }) => {
    expect(check(STRING, rule, value)).toEqual([]);
  });
  const failing: Array<{ name: string; rule: string; value: string; error: string }> = [
    { name: "substring past the end", rule: "self.substring(4) == ''", value: "abc", error: "index out of range: 4" },
    { name: "substring with a negative end", rule: "self.substring(0, -1) == ''", value: "abc", error: "invalid substring range. start: 0, end: -1" },
    { name: "substring whose start passes its end", rule: "self.substring(2, 1) == ''", value: "abc", error: "invalid substring range. start: 2, end: 1" },
    { name: "substring whose end passes the string", rule: "self.substring(1, 9) == ''", value: "abc", error: "index out of range: 9" },
    { name: "indexOf from a negative offset", rule: "self.indexOf('a', -1) == 0", value: "abc", error: "index out of range: -1" },
    { name: "lastIndexOf from a negative offset", rule: "self.lastIndexOf('a', -2) == 0", value: "abc", error: "index out of range: -2" },
  ];
  test.each(failing)("$name", ({ rule, value, error }) => {
    expect(check(STRING, rule, value)).toEqual([["schema/cel-rule", `spec.v: Invalid value: "string": ${error} evaluating rule: rule failed`]]);
  });
});

describe("offsets past the end as the release's cel-go treats them", () => {
  /** The message of `rule` on the string `value` in `release`, or none when it holds. */
  function outcome(rule: string, value: string, release: string): string[] {
    const spec = { type: "object", properties: { v: { type: "string", "x-kubernetes-validations": [{ rule, message: "rule failed" }] } } };
    return checkThing(spec, `  v: ${value}\n`, release).map((f) => f.message);
  }
  const failed = (error: string) => [`spec.v: Invalid value: "string": ${error} evaluating rule: rule failed`];
  // cel-go 0.17.8 (1.30) and 0.20.1 (1.31): out of range; 0.22 (1.32) on: not found. lastIndexOf without an offset on the empty string: out of range until cel-go 0.26 (1.34).
  const cases: Array<{ name: string; rule: string; value: string; before: string[]; from: string; after: string[] }> = [
    { name: "indexOf from past the end", rule: "self.indexOf('b', 5) == -1", value: "abc", before: failed("index out of range: 5"), from: "1.32", after: [] },
    { name: "indexOf from the end itself", rule: "self.indexOf('b', 3) == -1", value: "abc", before: failed("index out of range: 3"), from: "1.32", after: [] },
    { name: "indexOf in the empty string", rule: "self.indexOf('b') == -1", value: "''", before: failed("index out of range: 0"), from: "1.32", after: [] },
    { name: "lastIndexOf from past the end", rule: "self.lastIndexOf('b', 7) == -1", value: "abc", before: failed("index out of range: 7"), from: "1.32", after: [] },
    { name: "lastIndexOf in the empty string", rule: "self.lastIndexOf('b') == -1", value: "''", before: failed("index out of range: -1"), from: "1.34", after: [] },
    { name: "an empty search at any offset", rule: "self.indexOf('', 9) == 9 && self.lastIndexOf('', 9) == 9", value: "abc", before: [], from: "1.30", after: [] },
    { name: "an offset within the string", rule: "self.indexOf('c', 2) == 2 && self.lastIndexOf('a', 2) == 0", value: "abc", before: [], from: "1.30", after: [] },
  ];
  const releases = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.36"];
  test.each(cases.flatMap((c) => releases.map((release) => ({ ...c, release }))))("$name in $release", ({ rule, value, before, from, after, release }) => {
    const releaseMinor = Number(release.split(".")[1]);
    const fromMinor = Number(from.split(".")[1]);
    expect(outcome(rule, value, release)).toEqual(releaseMinor >= fromMinor ? after : before);
  });
});

describe("the format library checks as kube-openapi's strfmt and Go's url package do", () => {
  const cases: Array<{ name: string; rule: string; pass: string; fail: string }> = [
    { name: "datetime needs seconds and a zone", rule: "!format.datetime().validate(self).hasValue()", pass: "'2024-05-01t10:00:00z'", fail: "'2024-05-01T10:00:00'" },
    { name: "datetime needs a time", rule: "!format.datetime().validate(self).hasValue()", pass: "'2024-05-01T10:00:00,5Z'", fail: "'2024-05-01'" },
    { name: "date is a calendar day", rule: "!format.date().validate(self).hasValue()", pass: "'2024-02-29'", fail: "'2023-02-29'" },
    { name: "uri: Go's ParseRequestURI error", rule: "format.uri().validate(self).orValue([''])[0] == 'parse \"relative/path\": invalid URI for request'", pass: "relative/path", fail: "/absolute/path" },
    { name: "uri: a request URI", rule: "!format.uri().validate(self).hasValue()", pass: "'/a?b=c'", fail: "'http://exa mple.com/'" },
  ];
  test.each(cases)("$name", ({ rule, pass, fail }) => {
    expect(check(STRING, rule, pass)).toEqual([]);
    expect(check(STRING, rule, fail).map(([id]) => id)).toEqual(["schema/cel-rule"]);
  });
});
