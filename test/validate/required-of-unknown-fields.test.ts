// A required field misspelt or misplaced is one mistake: the API server
// refuses the unknown field while decoding (strict field validation) and
// says nothing about the field it was meant to be.
import { describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";
import { thingCrdYaml } from "../schema/helpers.js";

type Seen = [rule: string, path: string];

async function errors(text: string): Promise<Seen[]> {
  const result = await validate({ text, file: "t.yaml" });
  return result.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.path]);
}

/** A Widget's spec requires an integer size. */
const WIDGET_CRD = thingCrdYaml("example.com", "Widget", { type: "object", required: ["size"], properties: { size: { type: "integer" } } });

const pod = (spec: string, top = "") => `apiVersion: v1
kind: Pod
metadata: {name: p}
${top}spec:
${spec}`;

const deployment = (podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
${podSpec}`;

const service = (spec: string) => `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  selector: {a: b}
${spec}`;

describe("a Required value about the field an unknown field was meant to be", () => {
  it.each<[string, string, Seen[]]>([
    ["Pod: a misspelt containers", pod("  contAIN3rz: [{name: c, image: i}]\n"), [["schema/unknown-field", "/spec/contAIN3rz"]]],
    ["Pod: containers one level too high", pod("  hostname: h\n", "containers: [{name: c, image: i}]\n"), [["schema/unknown-field", "/containers"]]],
    [
      "Pod: a misspelt containerPort, in a list item",
      pod("  containers: [{name: c, image: i, ports: [{containerport: 80}]}]\n"),
      [["schema/unknown-field", "/spec/containers/0/ports/0/containerport"]],
    ],
    ["Deployment template: a misspelt containers", deployment("      containerz: [{name: c, image: i}]\n"), [["schema/unknown-field", "/spec/template/spec/containerz"]]],
    ["Service: a misspelt ports", service("  portz: [{port: 80}]\n"), [["schema/unknown-field", "/spec/portz"]]],
    [
      "FlowSchema: what is required inside the misspelt field is not reported either",
      `apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: FlowSchema
metadata: {name: f}
spec:
  priorityLevelConfig: {name: x}
`,
      [["schema/unknown-field", "/spec/priorityLevelConfig"]],
    ],
    [
      "a custom resource's schema: its required field misspelt",
      `${WIDGET_CRD}---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  sise: 3
`,
      [["schema/unknown-field", "/spec/sise"]],
    ],
    [
      "a custom resource's schema: its required field one level too high",
      `${WIDGET_CRD}---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
size: 3
spec: {}
`,
      [["schema/unknown-field", "/size"]],
    ],
  ])("%s: only the unknown field", async (_name, text, expected) => {
    expect(await errors(text)).toEqual(expected);
  });

  it.each<[string, string, Seen[]]>([
    ["Pod: an unrelated unknown field", pod("  foo: 1\n"), [["apiserver/validation", "/spec/containers"], ["schema/unknown-field", "/spec/foo"]]],
    [
      "Pod: an unknown field with no hint",
      pod("  template:\n    containers: [{name: c, image: i}]\n"),
      [["apiserver/validation", "/spec/containers"], ["schema/unknown-field", "/spec/template"]],
    ],
    [
      "Deployment template: a misspelt field beside a missing containers",
      deployment("      hostnam: h\n"),
      [["apiserver/validation", "/spec/template/spec/containers"], ["schema/unknown-field", "/spec/template/spec/hostnam"]],
    ],
    ["Service: a misspelt field beside missing ports", service("  tpye: ClusterIP\n"), [["apiserver/validation", "/spec/ports"], ["schema/unknown-field", "/spec/tpye"]]],
    ["Service: ports written, nothing else", service("  ports: [{port: 80}]\n"), []],
  ])("%s: both stay", async (_name, text, expected) => {
    expect(await errors(text)).toEqual(expected);
  });
});
