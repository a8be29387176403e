// Property-based attack: the samples, mutated at random (characters YAML
// gives meaning to, control characters, anchors, merge keys, JavaScript's own
// names, document separators, lines dropped, doubled or re-indented), beside
// a Secret whose values must never be printed. For every input: no internal
// error, no Secret value in any format of validate or plan, and the same
// bytes out for the same bytes in. The seed is fixed, so a failure names an
// input that can be replayed; the run stops at its time budget.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ROOT } from "../cli/run-cli.js";
import { plan, validate, type ValidateResult } from "../../src/index.js";
import { ruleCatalog } from "../../src/validate/catalog.js";
import { renderGithub } from "../../src/report/github.js";
import { renderJson } from "../../src/report/json.js";
import { renderJunit } from "../../src/report/junit.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderPlanMarkdown } from "../../src/report/plan-markdown.js";
import { renderPlanText } from "../../src/report/plan-text.js";
import { renderSarif } from "../../src/report/sarif.js";
import { renderTap } from "../../src/report/tap.js";
import { renderText } from "../../src/report/text.js";

const SEED = 20_261_206;
const BUDGET_MS = Number(process.env.KUBEPLAN_FUZZ_MS ?? 50_000);

const SAMPLES = ["app", "typos", "admission", "crds"].flatMap((dir) =>
  readdirSync(join(ROOT, "samples", dir))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => readFileSync(join(ROOT, "samples", dir, name), "utf8")),
);

const SECRET_VALUES = ["FUZZ-S3CR3T-ONE", "FUZZ-S3CR3T-TWO", "8675309123", "FUZZ-S3CR3T-MAP"];

/** Secret-like documents that each hold the values above, as numbers, maps and typos. */
const SECRETS = [
  `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  one: FUZZ-S3CR3T-ONE\n  num: 8675309123\n  map: {k: FUZZ-S3CR3T-MAP}\ndata:\n  two: FUZZ-S3CR3T-TWO\n`,
  `apiVersion: v1\nkind: secret\nmetadata: {name: s}\nstringdata: {one: FUZZ-S3CR3T-ONE, two: [FUZZ-S3CR3T-TWO], num: 8675309123, map: {k: FUZZ-S3CR3T-MAP}}\n`,
  `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s, annotations: {kubectl.kubernetes.io/last-applied-configuration: FUZZ-S3CR3T-TWO}}\n  Data: {one: FUZZ-S3CR3T-ONE, num: 8675309123, map: FUZZ-S3CR3T-MAP}\n`,
];

/** Text YAML and kubeplan give meaning to, and text that only a hostile input holds. */
const FRAGMENTS = [
  ":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "<<: 5", "!!binary ", "!!int ", "? ", "|", ">-", "'", '"', "\\", "#", "%YAML 1.1\n",
  "\n---\n", "\n--- x\n", "\n...\n", "\t", "\r", "\u0000", "\u001b[31m", "\u001b]0;t\u0007", "\u0085", "\u2028", "\u202e", "\ufeff", "\ud800",
  "__proto__", "constructor", "toString", "1e1000000", "0x1F", "0o17", "yes", "~", "null", ".inf", "-.nan", "9223372036854775808", "\"\\/\"",
  "::error::x", "##[error]x", "apiVersion: v1\n", "kind: Secret\n", "kind: Pod\n", "namespace: __proto__\n", "a".repeat(300),
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 12 })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("line" as const), at: fc.nat(), how: fc.constantFrom("drop", "double", "indent", "dedent", "swap") }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, change: Mutation): string {
  if (change.kind === "insert") {
    const at = change.at % (text.length + 1);
    return text.slice(0, at) + change.text + text.slice(at);
  }
  if (change.kind === "delete") {
    const at = change.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + change.length);
  }
  const lines = text.split("\n");
  const i = change.at % lines.length;
  if (change.how === "drop") lines.splice(i, 1);
  else if (change.how === "double") lines.splice(i, 0, lines[i]!);
  else if (change.how === "indent") lines[i] = `  ${lines[i]}`;
  else if (change.how === "dedent") lines[i] = lines[i]!.replace(/^ {1,2}/, "");
  else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
  return lines.join("\n");
}

const input = fc
  .record({ sample: fc.constantFrom(...SAMPLES), secret: fc.constantFrom(...SECRETS), changes: fc.array(mutation, { minLength: 1, maxLength: 6 }), secretFirst: fc.boolean() })
  .map(({ sample, secret, changes, secretFirst }) => {
    // The mutations may break the sample in any way, but never reach the Secret:
    // kubectl cuts the stream at `---` lines first, so it stays whole and secret.
    const mutated = changes.reduce(mutate, sample);
    return secretFirst ? `${secret}---\n${mutated}\n` : `${mutated}\n---\n${secret}`;
  });

const context = { rules: ruleCatalog(), toolVersion: "0.0.0" };

/** Every format of a validation, and of a plan with its unified diff. */
async function allOutputs(text: string): Promise<string> {
  const result: ValidateResult = await validate({ text, file: "fuzz.yaml" }, { threads: 1 });
  const run = await plan({ text, file: "fuzz.yaml" }, { threads: 1, now: new Date("2026-01-01T00:00:00Z") });
  const withoutTime = (value: ValidateResult) => ({ ...value, summary: { ...value.summary, durationMs: 0 } });
  const stable = withoutTime(result);
  const planResult = { ...run.result, summary: { ...run.result.summary, durationMs: 0 } };
  return [
    renderText(stable, { color: false }),
    renderJson(stable),
    renderSarif(stable, context),
    renderJunit(stable, context),
    renderGithub(stable, context),
    renderTap(stable, context),
    renderMarkdown(stable),
    renderPlanText({ ...run, result: planResult }, { color: false, showUnchanged: true, unifiedDiff: true }),
    renderPlanMarkdown({ ...run, result: planResult }, { unifiedDiff: true }),
    renderJson(planResult),
  ].join("\n");
}

describe("mutated samples", () => {
  test("no internal error, no Secret value printed, the same output twice", { timeout: BUDGET_MS + 120_000 }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        runs++;
        const first = await allOutputs(text);
        expect(first).not.toMatch(/could not run on this object|internal error|is not a function|Cannot read properties/);
        for (const value of SECRET_VALUES) expect(first).not.toContain(value);
        expect(await allOutputs(text)).toBe(first);
      }),
      { seed: SEED, numRuns: 100_000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false },
    );
    expect(runs).toBeGreaterThan(5);
  });
});
