// Attack: make the library throw. Bad manifests are findings, whatever they
// hold; only arguments of the wrong type are a UsageError, which says what
// was expected.
import { describe, expect, test } from "vitest";
import { plan, UsageError, validate } from "../../src/index.js";

const HOSTILE = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: *earlier\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: 5\n  name: merged\n",
  "apiVersion: v1\nkind: constructor\nmetadata: {name: c}\n",
  "apiVersion: toString/v1\nkind: __proto__\nmetadata: {name: p, namespace: __proto__}\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "  + "[".repeat(10_000) + "}\n",
  "\u0000\u00ff binary\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: last}\ndata:\n  n: 1\n",
].join("---\n");

describe("the library returns findings for any manifest", () => {
  test("validate", async () => {
    const result = await validate({ text: HOSTILE, file: "hostile.yaml" });
    expect(result.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(["yaml/limit", "yaml/syntax", "schema/unknown-kind", "schema/missing-schema", "schema/type"]),
    );
    expect(result.findings.at(-1)).toMatchObject({ rule: "schema/type", line: 38 });
  });

  test("plan", { timeout: 60_000 }, async () => {
    const run = await plan({ text: HOSTILE, file: "hostile.yaml" }, { showSecrets: false });
    expect(run.result.findings.length).toBeGreaterThan(5);
    expect(run.result.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(["ConfigMap", "constructor", "__proto__"]));
  });
});

describe("arguments of the wrong type are a UsageError that says what was expected", () => {
  const cases: Array<{ name: string; call: () => Promise<unknown>; message: RegExp }> = [
    { name: "a path as a string", call: () => validate("k8s/" as never), message: /validate: the input must be a list of paths.*\(a list: validate\(\["k8s\/"\]\)\)/ },
    { name: "a number among the paths", call: () => validate([1] as never), message: /the input must be a list of paths/ },
    { name: "options that are not an object", call: () => validate([], "strict" as never), message: /the options must be an object, not a string/ },
    { name: "a version as a number", call: () => validate([], { kubernetesVersion: 1.3 as never }), message: /option kubernetesVersion must be a string/ },
    { name: "plan with a path as a string", call: () => plan("k8s/" as never), message: /plan: the input must be a list of paths/ },
    { name: "plan with cluster paths as a string", call: () => plan([], { clusterPaths: "snap.yaml" as never }), message: /option clusterPaths must be a list of paths/ },
    { name: "an option plan does not know", call: () => plan([], { cluster: 5 } as never), message: /plan: unknown option "cluster" \(did you mean clusterPaths\?\); the options are .*clusterPaths/ },
    { name: "the options what-if passes are not offered", call: () => plan([], { snapshots: {} } as never), message: /^plan: unknown option "snapshots"; the options are (?!.*snapshot)(?!.*imperative).*showUnchanged/ },
    { name: "a misspelt option of validate", call: () => validate([], { kubernetesVersoin: "1.33" } as never), message: /validate: unknown option "kubernetesVersoin" \(did you mean kubernetesVersion\?\)/ },
    { name: "a plan option given to validate", call: () => validate([], { showSecrets: true } as never), message: /validate: unknown option "showSecrets"/ },
    { name: "reject kinds as a string", call: () => validate([], { rejectKinds: "Secret" as never }), message: /option rejectKinds must be a list of strings/ },
  ];
  test.each(cases)("$name", async ({ call, message }) => {
    const error = await call().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  test("the right types do not throw", async () => {
    await expect(validate([], {})).resolves.toMatchObject({ findings: [] });
  });
});
