// Secret values never appear in the plan, in any output, unless --show-secrets.
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import { renderChanges } from "../../src/report/plan/changes-text.js";
import { loadText } from "../../src/load/index.js";
import { fixtureObjects, objectsOf } from "./helpers.js";

const stored = fixtureObjects("noop/secret.stored.yaml");
const [changed] = objectsOf(`
apiVersion: v1
kind: Secret
metadata: {name: db-credentials, namespace: shop}
stringData:
  username: shop
  password: N3w-Pa55word
  api-token: tok-123456
`);
const [fresh] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: api, namespace: shop}\ndata: {key: c3VwZXItc2VjcmV0}\n");

/** Every secret value of the fixtures, plain and base64. */
const SECRETS = ["s3cr3t-Pa55", "czNjcjN0LVBhNTU=", "N3w-Pa55word", Buffer.from("N3w-Pa55word").toString("base64"), "tok-123456", Buffer.from("tok-123456").toString("base64"), "super-secret", "c3VwZXItc2VjcmV0", "LS0tLS1CRUdJTi"];

function plan(showSecrets: boolean, prune = false) {
  return planChanges({
    desired: [{ object: changed! }, { object: fresh! }],
    current: [...stored, ...objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: old, namespace: shop, labels: {app: x}}\ndata: {k: c3VwZXItc2VjcmV0}\n")],
    kubernetesVersion: "1.36",
    showSecrets,
    prune,
    pruneSelector: "app=x",
  });
}

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

describe("secret masking", () => {
  it("field diffs say what changed, not the value", () => {
    const change = plan(false).changes.find((c) => c.name === "db-credentials")!;
    // ca.crt stays: the stored Secret records no last apply, and kubectl deletes only what it applied before.
    expect(change.fields).toEqual([
      { path: "data.password", pointer: "/data/password", op: "replace", sensitive: true },
      { path: "data.api-token", pointer: "/data/api-token", op: "add", sensitive: true },
    ]);
    expect(change.patch).toEqual([
      { op: "replace", path: "/data/password", value: "(sensitive value)" },
      { op: "add", path: "/data/api-token", value: "(sensitive value)" },
    ]);
  });

  it("nothing secret in the JSON data of the plan (create, update, delete)", () => {
    expect(leaks(JSON.stringify(plan(false, true)))).toEqual([]);
  });

  it("the manifest's document stays on the change but out of JSON", () => {
    const loaded = loadText("apiVersion: v1\nkind: Secret\nmetadata: {name: api, namespace: shop}\nstringData: {key: super-secret}\n", "secret.yaml");
    const result = planChanges({ desired: loaded.documents.map((document) => ({ object: document.object, document })), current: [], kubernetesVersion: "1.36" });
    expect(result.changes[0]!.document?.file).toBe("secret.yaml");
    expect(leaks(JSON.stringify(result))).toEqual([]);
  });

  it("nothing secret in the text, with or without --diff", () => {
    const result = plan(false, true);
    expect(result.changes.map((c) => c.action)).toEqual(["update", "create", "delete"]);
    const text = renderChanges(result, { color: false, showUnchanged: true, unifiedDiff: true });
    expect(leaks(text)).toEqual([]);
    expect(text).toContain("      ~ data.password: (sensitive value changed)\n");
    expect(text).toContain('      -  password: "*** (before)"\n      +  password: "*** (after)"\n');
  });

  it("--show-secrets reveals them", () => {
    const result = plan(true);
    const change = result.changes.find((c) => c.name === "db-credentials")!;
    expect(change.fields.find((f) => f.path === "data.password")).toEqual({
      path: "data.password",
      pointer: "/data/password",
      op: "replace",
      from: "czNjcjN0LVBhNTU=",
      to: Buffer.from("N3w-Pa55word").toString("base64"),
    });
    expect(renderChanges(result, { color: false, showUnchanged: false, unifiedDiff: false })).toContain(
      `      ~ data.password: "czNjcjN0LVBhNTU=" -> "${Buffer.from("N3w-Pa55word").toString("base64")}"`,
    );
  });

  // Secret-like by meaning: the kind in any case or misspelt, secret fields under any name.
  const misspelt: Array<[string, string]> = [
    ["a lowercase kind", "apiVersion: v1\nkind: secret\nmetadata: {name: a, namespace: shop}\nstringData: {pw: hunter2-lower}\n"],
    ["a misspelt kind", "apiVersion: v1\nkind: Secert\nmetadata: {name: a, namespace: shop}\ndata: {pw: aHVudGVyMi1taXNzcGVsdA==}\n"],
    ["stringdata in lower case", "apiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: shop}\nstringdata: {pw: hunter2-stringdata}\n"],
    ["a capitalised Data", "apiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: shop}\nData: {pw: hunter2-Data}\n"],
    ["a value where a map belongs", "apiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: shop}\ndata: hunter2-scalar\n"],
  ];
  it.each(misspelt)("%s: masked in the patch, the fields and --diff", (_, yaml) => {
    const [object] = objectsOf(yaml);
    const [storedCopy] = objectsOf(yaml.replace(/hunter2-/g, "old-hunter2-").replace("aHVudGVyMi1taXNzcGVsdA==", "b2xkLWh1bnRlcg=="));
    for (const current of [[], [storedCopy!]]) {
      const result = planChanges({ desired: [{ object: object! }], current, kubernetesVersion: "1.36" });
      const text = renderChanges(result, { color: false, showUnchanged: true, unifiedDiff: true });
      expect(result.changes[0]!.action).not.toBe("no-op");
      expect(JSON.stringify(result) + text).not.toMatch(/hunter|aHVudGVy|b2xkLWh1bnRlcg/);
    }
  });

  it("a snapshot Secret written with stringData is read as the data the API server would store, and masked", () => {
    const [storedPlain] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: shop}\nstringData: {pw: snapshot-hunter8}\n");
    const [manifest] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: shop}\ndata: {pw: bmV3}\n");
    const result = planChanges({ desired: [{ object: manifest! }], current: [storedPlain!], kubernetesVersion: "1.36", prune: true, pruneSelector: "x" });
    const text = renderChanges(result, { color: false, showUnchanged: true, unifiedDiff: true });
    expect(result.changes[0]!.fields.map((f) => [f.path, f.sensitive])).toEqual([["data.pw", true]]);
    expect(JSON.stringify(result) + text).not.toContain("snapshot-hunter8");
  });

  it("an empty value stored as null is the empty string of the manifest", () => {
    const [storedNull] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: shop}\ndata: {empty: null, pw: bmV3}\n");
    const [manifest] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: a, namespace: shop}\ndata: {empty: '', pw: bmV3}\n");
    expect(planChanges({ desired: [{ object: manifest! }], current: [storedNull!], kubernetesVersion: "1.36" }).changes[0]!.action).toBe("no-op");
  });

  it("stringData compares with the stored base64 data", () => {
    const [same] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: db-credentials, namespace: shop}\nstringData: {username: shop, password: s3cr3t-Pa55}\ndata: {ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJrVENCK3dJSkFNSGRlbW8KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=}\n");
    const result = planChanges({ desired: [{ object: same! }], current: stored, kubernetesVersion: "1.36" });
    expect(result.changes[0]!.action).toBe("no-op");
  });
});
