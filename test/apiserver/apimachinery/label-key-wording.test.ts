import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../helpers.js";
import { LABEL_KEY_MULTI_SLASH, LABEL_KEY_NAME, QUALIFIED_NAME_MULTI_SLASH } from "../../rules/messages.js";
import { errorBody, invalid } from "../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../src/apiserver/field/path.js";
import { detailInRelease, withLabelContentWords } from "../../../src/apiserver/field/release-details.js";

// A key with two or more '/' is refused in every release, in the words of each:
// "a qualified name ..." until 1.34, "a valid label key ..." since 1.35.

const configMap = (...metadata: string[]) => yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", ...["name: c", ...metadata].map((line) => "  " + line));

const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata:", "  name: p", "spec:", "  containers: [{name: c, image: i}]", ...spec.map((line) => "  " + line));

const affinity = (key: string) => pod(`affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: "${key}", operator: Exists}]}]}}}`);

const deployment = (key: string) =>
  yaml(
    "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: d",
    `spec: {selector: {matchLabels: {app: web}, matchExpressions: [{key: "${key}", operator: DoesNotExist}]}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}}`,
  );

/** Each place a key is checked: the manifest with `key` there, and the path its error names. */
const PLACES: [string, (key: string) => string, string][] = [
  ["a label key", (key) => configMap("labels:", `  "${key}": x`), "metadata.labels"],
  ["an annotation key", (key) => configMap("annotations:", `  "${key}": x`), "metadata.annotations"],
  ["a node selector key", (key) => pod("nodeSelector:", `  "${key}": x`), "spec.nodeSelector"],
  ["a node affinity requirement key", affinity, "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key"],
  ["a label selector requirement key", deployment, "spec.selector.matchExpressions[0].key"],
];

const RELEASES: [string, string][] = [
  ["1.30", QUALIFIED_NAME_MULTI_SLASH],
  ["1.34", QUALIFIED_NAME_MULTI_SLASH],
  ["1.35", LABEL_KEY_MULTI_SLASH],
  ["1.36", LABEL_KEY_MULTI_SLASH],
];

const CASES = PLACES.flatMap(([place, manifest, path]) => RELEASES.map(([release, detail]) => [place, release, manifest, path, detail] as const));

describe("label keys with two or more '/' in the words of each release", () => {
  it.each(CASES)("accepts %s with a prefix in %s", (_place, release, manifest) => {
    expect(createPathMessages(manifest("example.com/app"), release)).toEqual([]);
  });

  it.each(CASES)("refuses %s with two slashes in %s", (_place, release, manifest, path, detail) => {
    const messages = createPathMessages(manifest("a/b/c"), release).filter((message) => message.startsWith(path + ":"));
    expect(messages).toEqual([`${path}: Invalid value: "a/b/c": ${detail}`]);
  });

  it.each(RELEASES)("keeps the other label key errors as they are in %s", (release) => {
    expect(createPathMessages(configMap("labels:", '  "my app": x'), release)).toEqual([`metadata.labels: Invalid value: "my app": ${LABEL_KEY_NAME}`]);
  });
});

describe("detailInRelease", () => {
  it.each([
    ["1.29", QUALIFIED_NAME_MULTI_SLASH],
    ["1.34", QUALIFIED_NAME_MULTI_SLASH],
    ["1.35", LABEL_KEY_MULTI_SLASH],
    ["1.36", LABEL_KEY_MULTI_SLASH],
  ])("words the label key subject as %s does", (release, expected) => {
    expect(detailInRelease(LABEL_KEY_MULTI_SLASH, "labelContent", release)).toBe(expected);
  });

  it.each([["1.30"], ["1.36"]])("leaves other details alone in %s", (release) => {
    expect(detailInRelease(LABEL_KEY_NAME, "labelContent", release)).toBe(LABEL_KEY_NAME);
    expect(detailInRelease("a valid label must be an empty string", "labelContent", release)).toBe("a valid label must be an empty string");
  });

  it.each([
    ["1.34", "must be no more than 63 characters;a valid label"],
    ["1.35", "must be no more than 63 bytes;a valid label"],
  ])("words each of several joined messages as %s does", (release, expected) => {
    expect(detailInRelease("must be no more than 63 bytes;a valid label", "labelContent", release)).toBe(expected);
  });
});

describe("only the errors a label check marks are reworded", () => {
  const at = FieldPath.root("spec");
  it.each([
    ["a marked error in 1.34", withLabelContentWords(invalid(at, "a/b/c", LABEL_KEY_MULTI_SLASH)), "1.34", `Invalid value: "a/b/c": ${QUALIFIED_NAME_MULTI_SLASH}`],
    ["a marked error in 1.35", withLabelContentWords(invalid(at, "a/b/c", LABEL_KEY_MULTI_SLASH)), "1.35", `Invalid value: "a/b/c": ${LABEL_KEY_MULTI_SLASH}`],
    ["an unmarked error with the same words in 1.34", invalid(at, "a/b/c", LABEL_KEY_MULTI_SLASH), "1.34", `Invalid value: "a/b/c": ${LABEL_KEY_MULTI_SLASH}`],
    ["an unmarked length in 1.30", invalid(at, "x", "must be no more than 63 bytes"), "1.30", `Invalid value: "x": must be no more than 63 bytes`],
    ["a marked length in 1.30", withLabelContentWords(invalid(at, "x", "must be no more than 63 bytes")), "1.30", `Invalid value: "x": must be no more than 63 characters`],
  ])("%s", (_name, error, release, expected) => {
    expect(errorBody(error, release)).toBe(expected);
  });
});

// Length limits of label keys and values: "characters" until 1.34 (util/validation),
// "bytes" since 1.35 (api/validate/content). Object names say "characters" in every release.
describe("label length limits in the words of each release", () => {
  const longName = "n".repeat(64);
  const longPrefix = `${"p".repeat(251)}.io`;
  const LIMITS: [string, string, string][] = [
    ["a key's name part", `labels:\n  ${longName}: x`, `metadata.labels: Invalid value: "${longName}": name part must be no more than 63 UNIT`],
    ["a key's prefix", `labels:\n  ${longPrefix}/app: x`, `metadata.labels: Invalid value: "${longPrefix}/app": prefix part must be no more than 253 UNIT`],
    ["a value", `labels:\n  app: ${longName}`, `metadata.labels: Invalid value: "${longName}": must be no more than 63 UNIT`],
  ];
  const UNITS: [string, string][] = [
    ["1.30", "characters"],
    ["1.34", "characters"],
    ["1.35", "bytes"],
    ["1.36", "bytes"],
  ];
  const cases = LIMITS.flatMap(([what, labels, expected]) => UNITS.map(([release, unit]) => [what, release, labels, expected.replace("UNIT", unit)] as const));

  it.each(cases)("refuses %s past its limit in %s", (_what, release, labels, expected) => {
    const manifest = configMap(...labels.split("\n"));
    expect(createPathMessages(manifest, release).filter((message) => message.startsWith("metadata.labels:"))).toEqual([expected]);
  });

  it.each(UNITS)("accepts a key and value at their limits in %s", (release) => {
    expect(createPathMessages(configMap("labels:", `  ${"p".repeat(249)}.io/${"n".repeat(63)}: ${"v".repeat(63)}`), release)).toEqual([]);
  });

  it.each(UNITS)("keeps 'characters' for an object name in %s", (release) => {
    const name = "a".repeat(254);
    const messages = createPathMessages(yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", `  name: ${name}`), release);
    expect(messages).toContain(`metadata.name: Invalid value: "${name}": must be no more than 253 characters`);
  });
});
