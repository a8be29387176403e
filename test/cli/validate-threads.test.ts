// Threads share the work of a run (on two, a worker runs the API server's
// create path; on more, workers check files): whatever thread does what,
// every finding, line, column and the order of the output are the same as on one.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ValidateResult } from "../../src/types.js";
import { runCli } from "./run-cli.js";
import { stringify } from "yaml";
import { thingCrd, thingCrdYaml } from "../schema/helpers.js";

/** A ConfigMap of about 1 KB: enough of them make a run large enough to share between threads. */
const filler = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: filler-${i}\ndata:\n  value: "${"x".repeat(900)}"\n`;

const WIDGET_CRD = thingCrdYaml("example.com", "Widget", { type: "object", properties: { size: { type: "string", enum: ["small", "large"] } } });

/** A cluster-scoped kind: the API server drops the namespace of its objects instead of validating it. */
const gadget = thingCrd("example.com", "Gadget", { type: "object" });
const GADGET_CRD = stringify({ ...gadget, spec: { ...gadget.spec, scope: "Cluster" } });

/** Each file: its documents under test, then filler; every file has them, so that every thread checks some. */
function writeInputs(documents: string, files = 12, fillers = 150): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeplan-threads-"));
  writeFileSync(join(dir, "widget-crd.yaml"), WIDGET_CRD);
  writeFileSync(join(dir, "gadget-crd.yaml"), GADGET_CRD);
  for (let f = 0; f < files; f++) {
    const rest = Array.from({ length: fillers }, (_, i) => filler(f * fillers + i));
    writeFileSync(join(dir, `f${String(f).padStart(2, "0")}.yaml`), [documents.replaceAll("NAME", `n${f}`), ...rest].join("---\n"));
  }
  return dir;
}

const CASES: Array<[string, string, (result: ValidateResult) => void]> = [
  [
    "values JSON cannot hold (.inf, .nan, -0) and YAML aliases",
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: NAME}
spec:
  replicas: .inf
  minReadySeconds: -0
  progressDeadlineSeconds: .nan
  selector: {matchLabels: &labels {app: NAME}}
  template:
    metadata: {labels: *labels}
    spec:
      containers: [{name: app, image: nginx}]
`,
    (result) => {
      // kubectl refuses a document holding .inf or .nan: JSON cannot hold the first one json.Marshal meets (keys sorted).
      const messages = result.findings.map((f) => f.message).join("\n");
      expect(messages).toMatch(/error converting YAML to JSON: json: unsupported value: NaN/);
    },
  ],
  [
    "cross-file findings placed on documents a worker parsed",
    `apiVersion: v1
kind: Pod
metadata: {name: NAME}
spec:
  containers:
    - name: app
      image: nginx
      env:
        - name: A
          valueFrom: {configMapKeyRef: {name: filler-0, key: missing-key}}
        - name: B
          valueFrom: {secretKeyRef: {name: no-such-secret, key: k}}
`,
    (result) => {
      const references = result.findings.filter((f) => f.rule === "references/missing");
      expect(references).toHaveLength(24);
      expect(new Set(references.map((f) => `${f.line}:${f.column}`))).toEqual(new Set(["10:62", "12:44"]));
    },
  ],
  [
    "custom resources in every file, their CRD in another",
    `apiVersion: example.com/v1
kind: Widget
metadata: {name: NAME}
spec: {size: Small, colour: red}
`,
    (result) => {
      expect(result.findings.filter((f) => f.rule === "schema/enum")).toHaveLength(12);
      expect(result.findings.filter((f) => f.rule === "schema/unknown-field").map((f) => `${f.line}:${f.column}`)).toEqual(Array(12).fill("4:21"));
    },
  ],
  [
    "the API server's errors and warnings, with and without schema findings, on namespaced and cluster-scoped custom resources",
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: NAME}
spec:
  selector: {matchLabels: {app: NAME}}
  template:
    metadata: {labels: {app: other}}
    spec:
      containers: [{name: app, image: nginx, imagePullPolicy: Sometimes}]
---
apiVersion: v1
kind: Pod
metadata:
  name: p-NAME
  annotations: {scheduler.alpha.kubernetes.io/critical-pod: ""}
spec:
  terminationGracePeriodSeconds: -5
  containers: [{name: app, image: nginx}]
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w-NAME
  namespace: Bad_NS
spec: {size: small}
---
apiVersion: example.com/v1
kind: Gadget
metadata: {name: g-NAME, namespace: Bad_NS}
`,
    (result) => {
      const count = (pattern: RegExp) => result.findings.filter((f) => pattern.test(`${f.rule} ${f.line}:${f.column} ${f.message}`)).length;
      expect(count(/^apiserver\/validation 7:24 spec\.template\.metadata\.labels: .*`selector` does not match template `labels`/)).toBe(12);
      expect(count(/^apiserver\/validation 9:63 .*imagePullPolicy: Unsupported value: "Sometimes"/)).toBe(12);
      expect(count(/^apiserver\/warning 15:61 .*critical-pod/)).toBe(12);
      expect(count(/^apiserver\/warning 17:34 spec\.terminationGracePeriodSeconds/)).toBe(12);
      expect(count(/^apiserver\/validation 24:14 metadata\.namespace: Invalid value: "Bad_NS"/)).toBe(12);
      expect(count(/Bad_NS/)).toBe(12);
    },
  ],
  [
    "a document that is not YAML among the others",
    `apiVersion: v1
kind: ConfigMap
metadata: {name: NAME
data: [
`,
    (result) => {
      expect(result.findings.filter((f) => f.severity === "error")).toHaveLength(12);
    },
  ],
];

describe("validate on two threads", () => {
  it.each(CASES)("%s: the same output as on one", (_, documents, check) => {
    const dir = writeInputs(documents);
    const run = (threads: string, format: string) => runCli(["validate", dir, "-o", format], { env: { KUBEPLAN_THREADS: threads } });
    const withoutTime = (text: string) => text.replace(/"durationMs": \d+/, "").replace(/\(\d+ ms/, "(");
    const [one, two] = [run("1", "json"), run("2", "json")];
    expect([two.code, two.stderr]).toEqual([one.code, one.stderr]);
    expect(withoutTime(two.stdout)).toBe(withoutTime(one.stdout));
    const result = JSON.parse(two.stdout) as ValidateResult;
    expect(result.summary.documents).toBeGreaterThanOrEqual(12 * 150);
    check(result);
    expect(withoutTime(run("2", "text").stdout)).toBe(withoutTime(run("1", "text").stdout));
  });
});

describe("the worker started as the process starts", () => {
  // The command line tells large inputs from the heads of their files; the run itself from their whole text.
  it.each<[string, (dir: string) => void]>([
    [
      "taken when the run shares its work",
      (dir) => {
        for (let f = 0; f < 8; f++) writeFileSync(join(dir, `f${f}.yaml`), Array.from({ length: 150 }, (_, i) => filler(f * 150 + i)).join("---\n"));
      },
    ],
    [
      "ended when the files define a CRD past their heads, and the run takes one thread",
      (dir) => {
        for (let f = 0; f < 8; f++) writeFileSync(join(dir, `f${f}.yaml`), [...Array.from({ length: 150 }, (_, i) => filler(f * 150 + i)), thingCrdYaml("example.com", `Gizmo${f}`, { type: "object" })].join("---\n"));
      },
    ],
  ])("%s: the same output as on one thread", (_, write) => {
    const dir = mkdtempSync(join(tmpdir(), "kubeplan-early-"));
    write(dir);
    writeFileSync(join(dir, "z.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad_name}\n");
    const run = (threads: string) => runCli(["validate", dir, "-o", "json"], { env: { KUBEPLAN_THREADS: threads } });
    const withoutTime = (text: string) => text.replace(/"durationMs": \d+/, "");
    const [one, two] = [run("1"), run("2")];
    expect([two.code, two.stderr]).toEqual([1, ""]);
    expect(withoutTime(two.stdout)).toBe(withoutTime(one.stdout));
    expect((JSON.parse(two.stdout) as ValidateResult).findings.map((f) => `${f.file.slice(dir.length)}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      "/z.yaml:3:18 apiserver/validation",
    ]);
  });
});
