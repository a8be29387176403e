// LimitRanger: every defaulting rule, and the min / max / ratio messages as
// kube-apiserver words them.
import { describe, expect, it } from "vitest";
import { ns, plan } from "./plan.js";

function limitRange(items: string): string {
  return `${ns("lr")}apiVersion: v1
kind: LimitRange
metadata: {name: limits, namespace: lr}
spec:
  limits:
${items}
---
`;
}

function pod(containers: string, name = "app-pod", extraSpec = ""): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: lr}
spec:${extraSpec}
  containers:
${containers}
`;
}

const container = (name: string, resources: string) => `    - {name: ${name}, image: nginx:1.27, resources: ${resources}}`;

describe("LimitRanger defaults", () => {
  const cases: { name: string; items: string; resources: string; expected: unknown }[] = [
    {
      name: "default sets the limit, and (defaultRequest missing) the request",
      items: "    - {type: Container, default: {memory: 512Mi}}",
      resources: "{}",
      expected: { limits: { memory: "512Mi" }, requests: { memory: "512Mi" } },
    },
    {
      name: "defaultRequest sets only the request",
      items: "    - {type: Container, defaultRequest: {cpu: 100m}}",
      resources: "{}",
      expected: { limits: {}, requests: { cpu: "100m" } },
    },
    {
      name: "a container with only a limit gets request = limit before the defaults apply",
      items: "    - {type: Container, default: {memory: 2Gi}, defaultRequest: {memory: 256Mi}}",
      resources: "{limits: {memory: 1Gi}}",
      expected: { limits: { memory: "1Gi" }, requests: { memory: "1Gi" } },
    },
    {
      name: "a missing default becomes the max",
      items: "    - {type: Container, max: {memory: 1Gi}}",
      resources: "{}",
      expected: { limits: { memory: "1Gi" }, requests: { memory: "1Gi" } },
    },
    {
      name: "without default, a missing defaultRequest becomes the min",
      items: "    - {type: Container, min: {cpu: 50m}}",
      resources: "{}",
      expected: { limits: {}, requests: { cpu: "50m" } },
    },
    {
      name: "defaults only fill what the container leaves out (values stored canonically)",
      items: "    - {type: Container, default: {cpu: '0.5', memory: 1.5Gi}, defaultRequest: {cpu: 250m, memory: 1Gi}}",
      resources: "{requests: {cpu: 100m}}",
      expected: { limits: { cpu: "500m", memory: "1536Mi" }, requests: { cpu: "100m", memory: "1Gi" } },
    },
    {
      name: "Pod items set no defaults",
      items: "    - {type: Pod, max: {memory: 4Gi}}\n    - {type: Container, defaultRequest: {cpu: 10m}}",
      resources: "{limits: {memory: 1Gi}}",
      expected: { limits: { memory: "1Gi" }, requests: { cpu: "10m", memory: "1Gi" } },
    },
  ];
  it.each(cases)("$name", ({ items, resources, expected }) => {
    const { result } = plan(limitRange(items) + pod(container("app", resources)));
    const admitted = result.pods[0]!;
    expect(admitted.denial).toBeUndefined();
    expect((admitted.pod.spec as any).containers[0].resources).toEqual(expected);
  });

  it("defaults init containers and says so in the kubernetes.io/limit-ranger annotation", () => {
    const { result } = plan(
      limitRange("    - {type: Container, default: {memory: 256Mi}, defaultRequest: {cpu: 100m, memory: 128Mi}}") +
        pod(container("app", "{requests: {cpu: 200m}}"), "app-pod", `\n  initContainers:\n    - {name: setup, image: busybox:1.36}`),
    );
    const admitted = result.pods[0]!;
    expect((admitted.pod.spec as any).initContainers[0].resources).toEqual({ limits: { memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } });
    expect(admitted.pod.metadata!.annotations!["kubernetes.io/limit-ranger"]).toBe(
      "LimitRanger plugin set: memory request for container app; memory limit for container app; cpu, memory request for init container setup; memory limit for init container setup",
    );
  });
});

describe("LimitRanger min, max and maxLimitRequestRatio", () => {
  const cases: { name: string; items: string; containers: string; message: string }[] = [
    {
      name: "request below the Container min",
      items: "    - {type: Container, min: {memory: 1Gi}}",
      containers: container("app", "{requests: {memory: 512Mi}}"),
      message: "minimum memory usage per Container is 1Gi, but request is 512Mi",
    },
    {
      name: "limit above the Container max",
      items: "    - {type: Container, max: {memory: 4Gi}}",
      containers: container("app", "{limits: {memory: 5Gi}}"),
      message: "maximum memory usage per Container is 4Gi, but limit is 5Gi",
    },
    {
      name: "limit to request ratio above the max",
      items: "    - {type: Container, maxLimitRequestRatio: {memory: 2}}",
      containers: container("app", "{requests: {memory: 256Mi}, limits: {memory: 1Gi}}"),
      message: "memory max limit to request ratio per Container is 2, but provided ratio is 4.000000",
    },
    {
      name: "fractional ratio",
      items: "    - {type: Container, maxLimitRequestRatio: {cpu: 2}}",
      containers: container("app", "{requests: {cpu: 400m}, limits: {cpu: 1}}"),
      message: "cpu max limit to request ratio per Container is 2, but provided ratio is 2.500000",
    },
    {
      name: "ratio without a request",
      items: "    - {type: Container, maxLimitRequestRatio: {memory: 2}}",
      containers: container("app", "{}"),
      message: "memory max limit to request ratio per Container is 2, but no request is specified or request is 0",
    },
    {
      name: "ratio without a limit",
      items: "    - {type: Container, maxLimitRequestRatio: {memory: 2}}",
      containers: container("app", "{requests: {memory: 1Gi}}"),
      message: "memory max limit to request ratio per Container is 2, but no limit is specified or limit is 0",
    },
    {
      name: "Pod min without any request",
      items: "    - {type: Pod, min: {memory: 1Gi}}",
      containers: container("app", "{requests: {cpu: 100m}}"),
      message: "minimum memory usage per Pod is 1Gi.  No request is specified",
    },
    {
      name: "Pod min above the sum of limits",
      items: "    - {type: Pod, min: {memory: 1Gi}}",
      containers: `${container("a", "{requests: {memory: 512Mi}, limits: {memory: 512Mi}}")}\n${container("b", "{requests: {memory: 1Gi}}")}`,
      message: "minimum memory usage per Pod is 1Gi, but limit is 512Mi",
    },
    {
      name: "Pod max without a limit",
      items: "    - {type: Pod, max: {memory: 2Gi}}",
      containers: container("app", "{requests: {memory: 1Gi}}"),
      message: "maximum memory usage per Pod is 2Gi.  No limit is specified",
    },
    {
      name: "Pod max below the sum of requests",
      items: "    - {type: Pod, max: {memory: 2Gi}}",
      containers: `${container("a", "{requests: {memory: 1Gi}, limits: {memory: 1Gi}}")}\n${container("b", "{requests: {memory: 2Gi}}")}`,
      message: "maximum memory usage per Pod is 2Gi, but request is 3Gi",
    },
    {
      name: "Pod max below the sum of limits, in canonical form",
      items: "    - {type: Pod, max: {cpu: '1.5'}}",
      containers: `${container("a", "{limits: {cpu: 1}}")}\n${container("b", "{limits: {cpu: 700m}}")}`,
      message: "maximum cpu usage per Pod is 1500m, but limit is 1700m",
    },
    {
      name: "several violations, joined as upstream joins them",
      items: "    - {type: Container, min: {cpu: 100m}, max: {memory: 1Gi}}",
      containers: container("app", "{requests: {cpu: 50m}, limits: {memory: 2Gi}}"),
      message: "[minimum cpu usage per Container is 100m, but request is 50m, maximum memory usage per Container is 1Gi, but limit is 2Gi]",
    },
    {
      name: "identical violations of two containers, said once",
      items: "    - {type: Container, max: {memory: 1Gi}}",
      containers: `${container("a", "{limits: {memory: 2Gi}}")}\n${container("b", "{limits: {memory: 2Gi}}")}`,
      message: "maximum memory usage per Container is 1Gi, but limit is 2Gi",
    },
  ];
  it.each(cases)("$name", ({ items, containers, message }) => {
    const { result } = plan(limitRange(items) + pod(containers));
    expect(result.pods[0]!.denial).toEqual({ plugin: "LimitRanger", message: `pods "app-pod" is forbidden: ${message}` });
    expect(result.findings.map((f) => f.rule)).toEqual(["admission/LimitRanger"]);
  });

  it("admits a pod within every bound", () => {
    const { result } = plan(
      limitRange("    - {type: Container, min: {memory: 64Mi}, max: {memory: 1Gi}, maxLimitRequestRatio: {memory: 4}}") +
        pod(container("app", "{requests: {memory: 256Mi}, limits: {memory: 1Gi}}")),
    );
    expect(result.pods[0]!.admitted).toBe(true);
    expect(result.findings).toEqual([]);
  });
});

describe("object validation after LimitRanger defaults", () => {
  it("refuses a request above the defaulted limit with the API server's 422 wording", () => {
    const { result } = plan(
      limitRange("    - {type: Container, default: {memory: 1Gi}}") + pod(container("app", "{requests: {memory: 2Gi}}")),
    );
    expect(result.pods[0]!.denial).toEqual({
      plugin: "Validation",
      message: 'Pod "app-pod" is invalid: spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
    });
  });
});

describe("LimitRanger on PersistentVolumeClaims", () => {
  const claim = (storage: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: lr}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: ${storage}}
`;
  const cases = [
    { name: "below the min", storage: "{storage: 500Mi}", message: "minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi" },
    { name: "above the max", storage: "{storage: 100Gi}", message: "maximum storage usage per PersistentVolumeClaim is 50Gi, but request is 100Gi" },
    {
      name: "without a request",
      storage: "{}",
      message: "[minimum storage usage per PersistentVolumeClaim is 1Gi.  No request is specified, maximum storage usage per PersistentVolumeClaim is 50Gi.  No request is specified]",
    },
  ];
  it.each(cases)("$name", ({ storage, message }) => {
    const { result } = plan(limitRange("    - {type: PersistentVolumeClaim, min: {storage: 1Gi}, max: {storage: 50Gi}}") + claim(storage));
    const object = result.objects.find((o) => o.kind === "PersistentVolumeClaim")!;
    expect(object.denial).toEqual({ plugin: "LimitRanger", message: `persistentvolumeclaims "data" is forbidden: ${message}` });
  });

  it("sets no default storage on a claim", () => {
    const { result } = plan(limitRange("    - {type: PersistentVolumeClaim, max: {storage: 50Gi}}") + claim("{storage: 10Gi}"));
    const object = result.objects.find((o) => o.kind === "PersistentVolumeClaim")!;
    expect(object.admitted).toBe(true);
    expect((object.object.spec as any).resources).toEqual({ requests: { storage: "10Gi" } });
  });
});
