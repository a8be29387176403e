// Which layer's finding a user sees where the schema and the API server's
// validation both report: the decoder's errors (unknown fields, wrong types)
// stop the API server's checks of that value; kubeplan's closed sets and
// required lists give way to the API server's words at the same field, and
// stay where its validation says nothing there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";
import { thingCrdYaml } from "../schema/helpers.js";

const job = (rule: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  podFailurePolicy:
    rules:
    - ${rule}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: i}]
`;

const pod = (container: string, more = "") => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: i, ${container}}]
${more}`;

const workload = (kind: string, more: string) => `apiVersion: apps/v1
kind: ${kind}
metadata: {name: w}
spec:
  ${more}
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec: {containers: [{name: c, image: i}]}
`;
const deployment = (more: string) => workload("Deployment", more);
const daemonSet = (more: string) => workload("DaemonSet", more);
const statefulSet = (more: string) => workload("StatefulSet", more);

const claim = (more: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: c}
spec:
  ${more}
  resources: {requests: {storage: 1Gi}}
`;

const networkPolicy = (more: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np}
spec:
  podSelector: {}
  ${more}
`;

type Seen = [rule: string, path: string, message: string];

async function seen(text: string): Promise<Seen[]> {
  const result = await validate({ text, file: "t.yaml" });
  return result.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.path, f.message]);
}

describe("the schema's findings and the API server's, merged", () => {
  it.each<[string, string, Seen[]]>([
    [
      "an empty closed-set value: upstream's Required value, not the schema's Unsupported value",
      job(`action: ""\n      onExitCodes: {operator: In, values: [1]}`),
      [["apiserver/validation", "/spec/podFailurePolicy/rules/0/action", 'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]']],
    ],
    [
      "a value outside the closed set: upstream's words, the schema's hint kept",
      pod("imagePullPolicy: always"),
      [["apiserver/validation", "/spec/containers/0/imagePullPolicy", 'spec.containers[0].imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never" (did you mean "Always"?)']],
    ],
    [
      "a Deployment strategy type outside the closed set: upstream's one error at the strategy, with the schema's hint",
      deployment("strategy: {type: Rolling}"),
      [["apiserver/validation", "/spec/strategy", 'spec.strategy: Unsupported value: {"Type":"Rolling","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate" (did you mean "RollingUpdate"?)']],
    ],
    [
      "a DaemonSet update strategy type outside the closed set: upstream's one error at the strategy",
      daemonSet("updateStrategy: {type: Foo}"),
      [["apiserver/validation", "/spec/updateStrategy", 'spec.updateStrategy: Unsupported value: {"Type":"Foo","RollingUpdate":null}: supported values: "RollingUpdate", "OnDelete"']],
    ],
    [
      "a StatefulSet update strategy type outside the closed set: upstream's one error at the strategy",
      statefulSet("updateStrategy: {type: Foo}"),
      [["apiserver/validation", "/spec/updateStrategy", "spec.updateStrategy: Invalid value: {\"Type\":\"Foo\",\"RollingUpdate\":null}: must be 'RollingUpdate' or 'OnDelete'"]],
    ],
    [
      "an access mode outside the closed set: upstream's one error at the list",
      claim("accessModes: [ReadWriteOnce, Foo]"),
      [["apiserver/validation", "/spec/accessModes", 'spec.accessModes: Unsupported value: "Foo": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
    ],
    [
      "three policy types: upstream's one error at the list, not the third's closed set",
      networkPolicy("policyTypes: [Ingress, Egress, Foo]"),
      [["apiserver/validation", "/spec/policyTypes", 'spec.policyTypes: Invalid value: ["Ingress","Egress","Foo"]: may not specify more than two policyTypes']],
    ],
    [
      "two policy types, one outside the closed set: upstream reports at the item, in its words",
      networkPolicy("policyTypes: [Ingress, Foo]"),
      [["apiserver/validation", "/spec/policyTypes/1", 'spec.policyTypes[1]: Unsupported value: "Foo": supported values: "Ingress", "Egress"']],
    ],
    [
      "a required field upstream checks: its finding, in its words",
      pod("ports: [{}]"),
      [["apiserver/validation", "/spec/containers/0/ports/0/containerPort", "spec.containers[0].ports[0].containerPort: Required value"]],
    ],
    [
      "a downward API item without path: upstream's one error, at the source as upstream names it",
      pod("imagePullPolicy: Always", "  volumes: [{name: v, downwardAPI: {items: [{fieldRef: {fieldPath: metadata.name}}]}}]\n"),
      [["apiserver/validation", "/spec/volumes/0/downwardAPI/path", "spec.volumes[0].downwardAPI.path: Required value"]],
    ],
    [
      "a projected downward API item without path: the same",
      pod("imagePullPolicy: Always", "  volumes: [{name: v, projected: {sources: [{downwardAPI: {items: [{fieldRef: {fieldPath: metadata.name}}]}}]}}]\n"),
      [["apiserver/validation", "/spec/volumes/0/projected/sources/0/downwardAPI/path", "spec.volumes[0].projected.sources[0].downwardAPI.path: Required value"]],
    ],
    [
      "a downward API item without fieldRef's fieldPath: upstream's one error, at the source's fieldRef",
      pod("imagePullPolicy: Always", "  volumes: [{name: v, downwardAPI: {items: [{path: p, fieldRef: {}}]}}]\n"),
      [["apiserver/validation", "/spec/volumes/0/downwardAPI/fieldRef/fieldPath", "spec.volumes[0].downwardAPI.fieldRef.fieldPath: Required value"]],
    ],
    [
      "a wrong type: the decoder stops there, the API server's check of the value is left out",
      pod('ports: [{containerPort: "80x"}]'),
      [["schema/type", "/spec/containers/0/ports/0/containerPort", expect.stringMatching(/^spec\.containers\[0\]\.ports\[0\]\.containerPort: expected an integer/) as unknown as string]],
    ],
    [
      "an unknown field: reported as the decoder does, the API server's errors inside it left out",
      pod("imagePulPolicy: Always"),
      [["schema/unknown-field", "/spec/containers/0/imagePulPolicy", 'spec.containers[0].imagePulPolicy: unknown field "imagePulPolicy" (did you mean "imagePullPolicy"?)']],
    ],
  ])("%s", async (_name, text, expected) => {
    expect(await seen(text)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ["a ScaleIO volume without secretRef", pod("volumeMounts: [{name: v, mountPath: /v}]", "  volumes: [{name: v, scaleIO: {gateway: g, system: s, volumeName: v}}]\n"), "1.36"],
    ["an iSCSI volume without lun (0)", pod("volumeMounts: [{name: v, mountPath: /v}]", "  volumes: [{name: v, iscsi: {targetPortal: '10.0.0.1:3260', iqn: 'iqn.2015-02.example.com:t'}}]\n"), "1.36"],
    ["a sysctl without value", pod("imagePullPolicy: Always", "  securityContext: {sysctls: [{name: net.core.somaxconn}]}\n"), "1.36"],
    ["an HTTP header without value", pod("livenessProbe: {httpGet: {port: 80, httpHeaders: [{name: X-Probe}]}}"), "1.36"],
    ["a sleep without seconds (0, allowed since 1.33)", pod("lifecycle: {preStop: {sleep: {}}}"), "1.36"],
    ["a PriorityClass without value (0)", "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: pc}\n", "1.36"],
    ["a preferred node affinity term without preference", pod("imagePullPolicy: Always", "  affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1}]}}\n"), "1.36"],
    ["a StatefulSet without serviceName (1.30's schema requires it)", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: i}]}\n", "1.30"],
  ])("accepts what the schema requires and the API server does not: %s", async (_name, text, kubernetesVersion) => {
    const result = await validate({ text, file: "t.yaml" }, { kubernetesVersion });
    expect(result.findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
  });

  it("reports a sleep without seconds before 1.33 in the API server's words, at the action", async () => {
    const result = await validate({ text: pod("lifecycle: {preStop: {sleep: {}}}"), file: "t.yaml" }, { kubernetesVersion: "1.32" });
    expect(result.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.path])).toEqual([["apiserver/validation", "/spec/containers/0/lifecycle/preStop/sleep"]]);
  });

  it("keeps the fix of the hint it carries", async () => {
    const result = await validate({ text: pod("imagePullPolicy: always"), file: "t.yaml" });
    const [finding] = result.findings;
    expect(finding?.suggestion).toBe("Always");
    expect(finding?.fix?.edits.map((edit) => edit.text)).toEqual(["Always"]);
  });

  it("keeps the fix of a hint carried to the strategy, as an edit of the type's value", async () => {
    const result = await validate({ text: deployment("strategy: {type: Rolling}"), file: "t.yaml" });
    const [finding] = result.findings;
    expect(finding?.path).toBe("/spec/strategy");
    expect(finding?.fix?.edits).toEqual([{ span: { line: 5, column: 20, endLine: 5, endColumn: 27 }, text: "RollingUpdate" }]);
  });
});

describe("a custom resource's metadata, checked as ObjectMeta", () => {
  const crd = readFileSync(join(import.meta.dirname, "..", "..", "samples", "crds", "crd-backup.yaml"), "utf8");
  const backup = (metadata: string, spec = "{schedule: '0 * * * *', target: {database: pg}}") =>
    `${crd}\n---\napiVersion: ops.example.com/v1\nkind: Backup\nmetadata:\n  name: b\n  namespace: shop\n${metadata}\nspec: ${spec}\n`;
  const inverted = "{schedule: '0 * * * *', target: {database: pg}, minInterval: 30, maxInterval: 10}";

  it.each<[string, string, Seen[]]>([
    [
      "an ownerReference without uid: the API server's error at the list, not the OpenAPI required list",
      backup("  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]"),
      [["apiserver/validation", "/metadata/ownerReferences/0/uid", 'metadata.ownerReferences.uid: Invalid value: "": must not be empty']],
    ],
    [
      "an ownerReference without uid does not keep the CRD's rules from running (an Invalid error does not block them)",
      backup("  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]", inverted),
      [
        ["apiserver/validation", "/metadata/ownerReferences/0/uid", 'metadata.ownerReferences.uid: Invalid value: "": must not be empty'],
        ["schema/cel-rule", "/spec", "spec: Invalid value: minInterval must not exceed maxInterval"],
      ],
    ],
    [
      "an ownerReference with only a uid: each missing field in the API server's words",
      backup("  ownerReferences: [{uid: u1}]"),
      [
        ["apiserver/validation", "/metadata/ownerReferences/0/apiVersion", 'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty'],
        ["apiserver/validation", "/metadata/ownerReferences/0/kind", 'metadata.ownerReferences.kind: Invalid value: "": must not be empty'],
        ["apiserver/validation", "/metadata/ownerReferences/0/name", 'metadata.ownerReferences.name: Invalid value: "": must not be empty'],
      ],
    ],
    ["a complete ownerReference", backup("  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1}]"), []],
    ["a creationTimestamp of null", backup("  creationTimestamp: null"), []],
  ])("%s", async (_name, text, expected) => {
    const found = await seen(text);
    expect(found.map(([rule, path, message]) => [rule, path.replace(/^\/\d+/, ""), message])).toEqual(expected);
  });
});

describe("a CRD's restriction of its resources' metadata.name and generateName, beside ObjectMeta's checks", () => {
  const crd = thingCrdYaml("test.io", "Thing", { type: "object" }, {
    properties: { metadata: { type: "object", properties: { name: { type: "string", maxLength: 5 }, generateName: { type: "string", pattern: "^t-" } } } },
  });
  const thing = (metadata: string) => `${crd}---\napiVersion: test.io/v1\nkind: Thing\nmetadata: {namespace: a, ${metadata}}\n`;
  const NAME_SYNTAX =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  it.each<[string, string, Seen[]]>([
    ["a name within the CRD's limit", thing("name: abc"), []],
    ["a generateName matching the CRD's pattern", thing("generateName: t-"), []],
    ["a name over the CRD's limit: kube-openapi's error", thing("name: toolong"), [["schema/invalid-value", "/metadata/name", "metadata.name: Too long: may not be more than 5 bytes"]]],
    ["a generateName not matching the CRD's pattern", thing("generateName: x-"), [["schema/invalid-value", "/metadata/generateName", `metadata.generateName: Invalid value: "x-": metadata.generateName in body should match '^t-'`]]],
    [
      "a name both too long and not a DNS subdomain: both errors, as the API server lists them",
      thing("name: Bad_Name"),
      [
        ["apiserver/validation", "/metadata/name", `metadata.name: Invalid value: "Bad_Name": ${NAME_SYNTAX}`],
        ["schema/invalid-value", "/metadata/name", "metadata.name: Too long: may not be more than 5 bytes"],
      ],
    ],
  ])("%s", async (_name, text, expected) => {
    const found = await seen(text);
    expect(found.map(([rule, path, message]) => [rule, path.replace(/^\/\d+/, ""), message])).toEqual(expected);
  });
});
