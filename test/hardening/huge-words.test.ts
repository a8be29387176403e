// Attack: slow the run down, or flood the log, with one enormous word where
// a short one belongs: a 10 MB kind, apiVersion, key or value. Each is one
// finding of its document, quick, quoting only the start and end of the word;
// the other documents keep their findings.
import { describe, expect, test } from "vitest";
import { expectHandled, findingsOf, kubeplan, ruleLines, workspace } from "./attack.js";

const HUGE = "a".repeat(10 * 1024 * 1024);
/** What a finding may quote of the huge word: its start and its end. */
const LONGEST_MESSAGE = 2100;

const AFTER = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\ndata:\n  n: 1\n";

/** `quotes`: the finding quotes the word (shortened). */
const ATTACKS: Array<{ name: string; attack: string; finding: string; quotes: boolean }> = [
  { name: "a 10 MB kind", attack: `apiVersion: v1\nkind: ${HUGE}\nmetadata: {name: k}\n`, finding: "schema/unknown-kind@2", quotes: true },
  { name: "a 10 MB apiVersion", attack: `apiVersion: ${HUGE}\nkind: ConfigMap\nmetadata: {name: v}\n`, finding: "schema/unknown-kind@1", quotes: true },
  // Past 1,024 characters a key is no key: go-yaml refuses it ("could not find expected ':'"), plain or quoted.
  { name: "a 10 MB key", attack: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: k}\ndata:\n  ${HUGE}: x\n`, finding: "yaml/syntax@5", quotes: false },
  { name: "a 10 MB quoted key", attack: `apiVersion: v1\nkind: Namespace\nmetadata: {name: q}\nspec: {"${HUGE}": 1}\n`, finding: "yaml/syntax@4", quotes: false },
  { name: "a 10 MB quoted value", attack: `apiVersion: v1\nkind: Namespace\nmetadata: {name: q}\nspec: {finalizers: "${HUGE}"}\n`, finding: "schema/type@4", quotes: false },
  { name: "a 10 MB value where a 'did you mean' is looked for", attack: `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: nginx, imagePullPolicy: ${HUGE}}\n`, finding: "apiserver/validation@6", quotes: true },
];

describe("one enormous word is one short finding, in bounded time", { timeout: 300_000 }, () => {
  test.each(ATTACKS)("$name", ({ attack, finding, quotes }) => {
    const text = `${attack}---\n${AFTER}`;
    const run = kubeplan(["validate", "attack.yaml", "-o", "json"], workspace({ "attack.yaml": text }));
    expectHandled(run, 1);
    expect(ruleLines(run)).toEqual([finding, `schema/type@${text.split("\n").length - 1}`]);
    const quoted = findingsOf(run)[0]!.message;
    expect(quoted.length).toBeLessThan(LONGEST_MESSAGE);
    if (quotes) expect(quoted).toMatch(/a{100}…\[\d+ characters\]…a{10}/);
    expect(run.stdout.length).toBeLessThan(20_000);
  });

  test("the text output of the same runs is as short", () => {
    const text = `${ATTACKS[0]!.attack}---\n${AFTER}`;
    const run = kubeplan(["validate", "attack.yaml"], workspace({ "attack.yaml": text }));
    expectHandled(run, 1);
    expect(run.stdout).toContain('no matches for kind "aaaa');
    expect(run.stdout.length).toBeLessThan(5_000);
  });

  test.each(["text", "markdown"])("a plan's %s output names a huge kind and a huge name by their start and end", (output) => {
    const word = "b".repeat(1024 * 1024);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a${word}}\n---\napiVersion: example.com/v1\nkind: K${word}\nmetadata: {name: x}\n`;
    const run = kubeplan(["plan", "attack.yaml", "-o", output], workspace({ "attack.yaml": text }));
    expectHandled(run, 1);
    expect(run.stdout).toMatch(/ConfigMap[ /](default\/)?ab{100,}…\\?\[\d+ characters\\?\]…b{10}/);
    expect(run.stdout).toMatch(/Kb{100,}…\\?\[\d+ characters\\?\]…b{10}/);
    expect(run.stdout.length).toBeLessThan(20_000);
  });
});
