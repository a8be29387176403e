// The first "did you mean" for the typos people make: misspelt, truncated,
// mis-cased and misnamed fields, enum values and kinds, each in a real object.
import { describe, expect, it } from "vitest";
import { findingsOf } from "./helpers.js";

const deployment = (containerLines: string, podLines = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${podLines}      containers:
        - name: web
          image: nginx:1.27
${containerLines}
`;

const service = (portLines: string, specLines = "") => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
${specLines}  ports:
    - port: 80
${portLines}
`;

const persistentVolume = (affinityLines: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-0
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  local: {path: /mnt/disk0}
  nodeAffinity:
${affinityLines}
`;

/** The suggestion of the one finding the text has with this rule, or null when it has none. */
function firstSuggestion(text: string, rule: string): string | null {
  const findings = findingsOf(text).filter((finding) => finding.rule === rule);
  expect(findings.map((f) => f.message)).toHaveLength(1);
  return findings[0]!.suggestion ?? null;
}

describe("the first suggestion for an unknown field", () => {
  it.each([
    // a prefix of the field
    ["target under a Service port", service("      target: 8080"), "targetPort"],
    ["node under a Service port", service("      node: 30080", "  type: NodePort\n"), "nodePort"],
    ["a field name cut short in a container", deployment("          liveness:\n            tcpSocket: {port: 80}"), "livenessProbe"],
    ["a field name and more", deployment("          imageName: nginx:1.27").replace("          image: nginx:1.27\n", ""), "image"],
    // containment
    ["a word inside the field", deployment("          pullPolicy: Always"), "imagePullPolicy"],
    ["mounts for volumeMounts", deployment("          mounts:\n            - {name: tmp, mountPath: /tmp}"), "volumeMounts"],
    // one letter off, singular for plural
    ["container for containers", deployment("").replace("      containers:", "      container:"), "containers"],
    ["label for labels", deployment("").replace("  name: web\n", "  name: web\n  label: {app: web}\n"), "labels"],
    ["a missing letter", deployment("          imagePullPolcy: Always"), "imagePullPolicy"],
    ["two neighbours swapped", deployment("          evnFrom: []"), "envFrom"],
    ["a letter too many", deployment("          commandd: [sh]"), "command"],
    // case
    ["Replicas", deployment("").replace("spec:\n  selector", "spec:\n  Replicas: 2\n  selector"), "replicas"],
    ["ImagePullPolicy", deployment("          ImagePullPolicy: Always"), "imagePullPolicy"],
    ["all lower case", deployment("          imagepullpolicy: Always"), "imagePullPolicy"],
    // the shape of the value
    ["paths whose items are ports", deployment("          paths:\n            - {containerPort: 8080, hostPort: 18080}"), "ports"],
    ["a volume list under another name", deployment("", "      disks:\n        - {name: tmp, emptyDir: {}}\n"), "volumes"],
    ["require under a PersistentVolume's nodeAffinity", persistentVolume("    require:\n      nodeSelectorTerms:\n        - matchExpressions: [{key: zone, operator: In, values: [a]}]"), "required"],
    // the required field that is missing wins a tie
    ["port where containerPort is required", deployment("          ports:\n            - port: 8080"), "containerPort"],
    // further off, within the threshold
    ["tartPort", service("      tartPort: 8080"), "targetPort"],
    ["volumns", deployment("", "      volumns: []\n"), "volumes"],
    // a known field at the wrong level
    ["replicas under the pod template", deployment("", "      replicas: 2\n"), "spec.replicas"],
    ["a secret volume's field under an rbd volume", deployment("", "      volumes:\n        - name: v\n          rbd: {monitors: [a], image: i, secret: {secretName: s}}\n"), "spec.template.spec.volumes[0].secret"],
    // name and shape together beat the same name elsewhere
    ["secret under an rbd volume, shaped as its secretRef", deployment("", "      volumes:\n        - name: v\n          rbd: {monitors: [a], image: i, secret: {name: ceph}}\n"), "secretRef"],
  ])("%s", (_name, text, expected) => {
    expect(firstSuggestion(text, "schema/unknown-field")).toBe(expected);
  });

  it.each([
    ["a field already written is not suggested twice", deployment("          image: nginx:1.27\n          imag: nginx:1.27".replace("          image: nginx:1.27\n", ""))],
    ["several fields start with it", deployment("", "      dns: x\n")],
    ["a plain value fits too many fields", deployment("          size: 3")],
    ["a word inside another word", deployment("          olicy: Always")],
    ["a word of another object", deployment("          pool: x")],
  ])("no suggestion: %s", (_name, text) => {
    expect(firstSuggestion(text, "schema/unknown-field")).toBeNull();
  });
});

describe("the first suggestion for an enum value", () => {
  it.each([
    ["a prefix", deployment("").replace("spec:\n  selector", "spec:\n  strategy: {type: Rolling}\n  selector"), "RollingUpdate"],
    ["lower case", deployment("          imagePullPolicy: ifnotpresent"), "IfNotPresent"],
    ["a missing letter", deployment("          imagePullPolicy: IfNotPresnt"), "IfNotPresent"],
    ["the Service type in lower case", service("", "  type: nodeport\n"), "NodePort"],
    ["the Service type cut short", service("", "  type: Cluster\n"), "ClusterIP"],
    ["l for I", deployment("", "      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: ln, values: [a]}]}]}}}\n"), "In"],
  ])("%s", (_name, text, expected) => {
    const rule = findingsOf(text).find((f) => f.rule === "schema/enum")!;
    expect(rule.suggestion ?? null).toBe(expected);
  });
});

describe("the first suggestion for a kind", () => {
  it.each([
    ["Deploy", "apps/v1", "Deploy", "Deployment"],
    ["lower case", "apps/v1", "statefulset", "StatefulSet"],
    ["two neighbours swapped", "apps/v1", "Deploymnet", "Deployment"],
    ["a letter missing", "v1", "Sevice", "Service"],
    ["cut short", "batch/v1", "Cron", "CronJob"],
  ])("%s", (_name, apiVersion, kind, expected) => {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`;
    expect(firstSuggestion(text, "schema/unknown-kind")).toBe(expected);
  });
});

describe("bounds", () => {
  it("a 1 MB key is answered quickly, with no suggestion", () => {
    const key = "target" + "x".repeat(1_000_000);
    const started = performance.now();
    expect(firstSuggestion(service(`      ? ${key}\n      : 1`), "schema/unknown-field")).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
