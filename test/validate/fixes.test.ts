// A "did you mean" with one answer becomes a fix: the written key or value,
// quoted as it was, replaced by the suggestion. Other suggestions are no fix.
import { describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";

const deployment = (containerLines: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
${containerLines}
`;

async function fixesOf(text: string): Promise<Array<[string, unknown]>> {
  const result = await validate({ text, file: "web.yaml" });
  return result.findings.map((f) => [f.rule, f.fix ?? null]);
}

/** A fix of edits written as [line, column, endLine, endColumn, text]. */
function fix(description: string, ...edits: Array<[number, number, number, number, string]>) {
  return { description, edits: edits.map(([line, column, endLine, endColumn, text]) => ({ span: { line, column, endLine, endColumn }, text })) };
}

describe("fixes", () => {
  it.each([
    ["a plain enum value", "          imagePullPolicy: always", [["apiserver/validation", fix('replace with "Always"', [13, 28, 13, 34, "Always"])]]],
    ["a quoted enum value, quotes included", '          imagePullPolicy: "always"', [["apiserver/validation", fix('replace with "Always"', [13, 28, 13, 36, '"Always"'])]]],
    ["a misspelt key", "          imagePullPolicyy: Always", [["schema/unknown-field", fix('rename to "imagePullPolicy"', [13, 11, 13, 27, "imagePullPolicy"])]]],
    ["a quantity with two answers", "          resources: {requests: {memory: 256MB}}", [["schema/format", null]]],
    ["not moved: a pod's field out of a container (which container it was is lost)", "          hostNetwork: true", [["schema/unknown-field", null]]],
    ["not moved: a Deployment's field out of a container", "          replicas: 2", [["schema/unknown-field", null]]],
    ["a string written as a YAML 1.1 boolean, quoted", "          env: [{name: A, value: on}]", [["schema/type", fix('quote it: "on"', [13, 34, 13, 36, '"on"'])]]],
    ["a number quoted as written", "          env:\n            - name: MODE\n              value: 0755 # octal", [["schema/type", fix('quote it: "0755"', [15, 22, 15, 26, '"0755"'])]]],
    ["a key and value run together", "          ports:\n            - containerPort:8080", [["schema/type", fix("add a space after the colon", [14, 15, 14, 33, "containerPort: 8080"])]]],
    ["no fix: a string run together where a string is expected", "          args: [--port:8080]", []],
  ])("%s", async (_name, lines, expected) => {
    expect(await fixesOf(deployment(lines.replace(/\\n/g, "\n")))).toEqual(expected);
  });

  it.each([
    [
      "a field moved down to where it belongs, with its comment",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\ntype: NodePort # open\nspec:\n  ports:\n    - port: 80\n",
      [["schema/unknown-field", fix("move to spec.type", [5, 1, 6, 1, ""], [7, 1, 7, 1, "  type: NodePort # open\n"])]],
    ],
    [
      "not moved: the place is taken",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\ntype: NodePort\nspec:\n  type: ClusterIP\n  ports:\n    - port: 80\n",
      [["schema/unknown-field", null]],
    ],
    [
      "not moved: no mapping to move it into",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\ntype: ExternalName\n",
      [["apiserver/validation", null], ["schema/unknown-field", null]],
    ],
    [
      "a kind served under one other apiVersion",
      "apiVersion: v1\nkind: ReplicaSet\nmetadata: {name: s}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: i}]\n",
      [["schema/unknown-kind", fix('set apiVersion to "apps/v1"', [1, 13, 1, 15, "apps/v1"])]],
    ],
    [
      "a removed apiVersion converted",
      "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '@daily'\n  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: i}]}}}}\n",
      [["schema/removed-api", fix('convert to "batch/v1"', [1, 13, 1, 26, "batch/v1"])]],
    ],
    ["a Secret's value is never quoted in a fix", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  pin: 1234\n", [["schema/type", null]]],
  ])("%s", async (_name, text, expected) => {
    expect(await fixesOf(text)).toEqual(expected);
  });

  it("a misspelt key of a Secret is renamed; no fix writes its values", async () => {
    const text = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntyp: Opaque\nstringDta:\n  password: hunter22\n";
    const findings = (await validate({ text, file: "s.yaml" })).findings;
    expect(findings.map((f) => f.fix?.edits.map((e) => e.text))).toEqual([["type"], ["stringData"]]);
    expect(JSON.stringify(findings)).not.toContain("hunter22");
  });

  it("a kind served under another apiVersion is not fixed by the kind alone", async () => {
    const findings = (await validate({ text: "apiVersion: v1\nkind: Deploymnt\nmetadata: {name: x}\n", file: "x.yaml" })).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("it is served as");
    expect(findings[0]!.fix).toBeUndefined();
  });
});
