// Attack: get a Secret's value printed. Secret-like objects are recognised by
// meaning (any spelling of the kind, any field that reads as data), in the
// manifests and in the snapshot (stringData, the last-applied annotation),
// and no output format prints their values, not even in a message about the
// value's type, a denial line, a patch or a unified diff.
import { describe, expect, test } from "vitest";
import { expectHandled, findingsOf, kubeplan, PLAN_FORMATS, ruleLines, VALIDATE_FORMATS, workspace } from "./attack.js";

const b64 = (text: string) => Buffer.from(text).toString("base64");

const PLAIN = ["S3CR3T-STRING", "S3CR3T-NESTED", "S3CR3T-TYPO", "S3CR3T-KIND", "S3CR3T-LIST", "S3CR3T-NEW", "S3CR3T-SNAP", "S3CR3T-LAST", "S3CR3T-GONE", "S3CR3T-B64"];
/** Every text that must never be printed: the values, and the base64 that stringData becomes in data. */
const SECRETS = ["8675309123", "0x1F2E3D", ...PLAIN, ...PLAIN.map(b64)];

const MANIFESTS = `apiVersion: v1
kind: ConfigMap
metadata: {name: before, namespace: shop}
data:
  port: 8080
---
apiVersion: v1
kind: Secret
metadata: {name: typed, namespace: shop}
data:
  num: 8675309123
  hex: 0x1F2E3D
  str: S3CR3T-STRING
  token: ${b64("S3CR3T-B64")}
stringData:
  nested: {inner: S3CR3T-NESTED}
---
apiVersion: v1
kind: SECRET
metadata: {name: shouting, namespace: shop}
stringdata:
  pw: S3CR3T-KIND
---
apiVersion: v1
kind: Secrte
metadata: {name: typo, namespace: shop}
Stringdata:
  pw: S3CR3T-TYPO
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: secret
  metadata: {name: listed, namespace: shop}
  stringData: {pw: S3CR3T-LIST}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop, labels: {app: shop}}
stringData:
  password: S3CR3T-NEW
---
apiVersion: v1
kind: ConfigMap
metadata: {name: after, namespace: shop}
data:
  replicas: 3
`;

const LAST_APPLIED = JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "shop" }, stringData: { password: "S3CR3T-LAST" } });

const SNAPSHOT = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: {name: shop}
- apiVersion: v1
  kind: Secret
  metadata:
    name: db
    namespace: shop
    labels: {app: shop}
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: '${LAST_APPLIED}'
  stringData:
    password: S3CR3T-SNAP
- apiVersion: v1
  kind: Secret
  metadata: {name: gone, namespace: shop, labels: {app: shop}}
  data:
    key: ${b64("S3CR3T-GONE")}
`;

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)));
}

describe("Secret values are never printed without --show-secrets", { timeout: 300_000 }, () => {
  const dir = () => workspace({ "k8s/all.yaml": MANIFESTS, "cluster.yaml": SNAPSHOT });

  test("validate, in every format: the findings are there, the values are not", () => {
    const cwd = dir();
    for (const format of VALIDATE_FORMATS) {
      const run = kubeplan(["validate", "k8s", "-o", format], cwd);
      expectHandled(run, 1);
      expect(leaks(run.stdout + run.stderr), format).toEqual([]);
    }
    const findings = findingsOf(kubeplan(["validate", "k8s", "-o", "json"], cwd));
    const byPath = (path: string) => findings.find((f) => f.path === path);
    // The other documents keep their findings; the Secret's are about the field, never the value.
    expect(byPath("/data/port")).toMatchObject({ line: 5, rule: "schema/type" });
    expect(byPath("/data/replicas")).toMatchObject({ line: 48, rule: "schema/type" });
    expect(byPath("/data/num")).toMatchObject({ line: 11, message: expect.stringContaining("got a number") });
    expect(byPath("/stringData/nested")).toMatchObject({ line: 16, message: expect.stringContaining("got an object") });
    expect(findings.find((f) => f.line === 19)?.message).toContain('"SECRET"');
  });

  test("plan against a snapshot, in every format, with --diff and --prune", () => {
    const cwd = dir();
    for (const format of PLAN_FORMATS) {
      const run = kubeplan(["plan", "k8s", "--cluster", "cluster.yaml", "-o", format, "--diff", "--show-unchanged", "--prune", "--prune-selector", "app=shop"], cwd);
      expectHandled(run, 1);
      expect(leaks(run.stdout + run.stderr), format).toEqual([]);
    }
    expect(leaks(kubeplan(["plan", "k8s", "--cluster", "cluster.yaml"], cwd).stdout)).toEqual([]);
    const text = kubeplan(["plan", "k8s", "--cluster", "cluster.yaml", "--diff", "--prune", "--prune-selector", "app=shop"], cwd).stdout;
    expect(text).toContain("~ data.password: (sensitive value changed)");
    expect(text).toContain("# Secret shop/gone will be deleted");
    expect(text).toMatch(/denied by admission: invalid: data\.num: expected a string, got a number/);
  });

  test("plan without a snapshot: denial lines and patches of every Secret-like object", () => {
    const cwd = dir();
    const run = kubeplan(["plan", "k8s", "--diff", "-o", "json"], cwd);
    expectHandled(run, 1);
    expect(leaks(run.stdout)).toEqual([]);
    expect(ruleLines(run)).toEqual(expect.arrayContaining(["schema/type@5", "schema/type@11", "schema/type@48"]));
  });

  test("--show-secrets prints them: the check above can fail", () => {
    const run = kubeplan(["plan", "k8s", "--cluster", "cluster.yaml", "--diff", "--show-secrets"], dir());
    expectHandled(run, 1);
    expect(leaks(run.stdout)).toEqual(expect.arrayContaining([b64("S3CR3T-NEW"), b64("S3CR3T-SNAP"), "S3CR3T-KIND"]));
  });
});
