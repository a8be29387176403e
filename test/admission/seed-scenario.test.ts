// The reference scenario: a namespace with a quota and a limit range, and pods
// that fit, exceed the quota, get defaults, and break the limit range.
import { describe, expect, it } from "vitest";
import { messages, ns, plan } from "./plan.js";

const SETUP = `${ns("nm-1")}apiVersion: v1
kind: ResourceQuota
metadata: {name: rq-1, namespace: nm-1}
spec:
  hard: {requests.memory: 3Gi, limits.memory: 6Gi}
---
apiVersion: v1
kind: LimitRange
metadata: {name: lr-1, namespace: nm-1}
spec:
  limits:
    - type: Container
      min: {memory: 1Gi}
      max: {memory: 4Gi}
      defaultRequest: {memory: 1Gi}
      default: {memory: 2Gi}
      maxLimitRequestRatio: {memory: 3}
`;

function pod(name: string, resources: string): string {
  return `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: nm-1}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources: ${resources}
`;
}

describe("seed scenario: nm-1 with rq-1 and lr-1", () => {
  const { result } = plan(
    SETUP +
      pod("first", "{requests: {memory: 2Gi}, limits: {memory: 2Gi}}") +
      pod("second", "{requests: {memory: 2Gi}, limits: {memory: 2Gi}}") +
      pod("defaulted", "{}") +
      pod("too-big", "{limits: {memory: 5Gi}}"),
  );
  const byName = new Map(result.pods.map((p) => [p.name, p]));

  it("admits a pod requesting 2Gi with a 2Gi limit", () => {
    expect(byName.get("first")!.admitted).toBe(true);
  });

  it("denies an identical second pod with the quota's exact message", () => {
    expect(byName.get("second")!.denial).toEqual({
      plugin: "ResourceQuota",
      message: 'pods "second" is forbidden: exceeded quota: rq-1, requested: requests.memory=2Gi, used: requests.memory=2Gi, limited: requests.memory=3Gi',
    });
  });

  it("gives a container without resources the 1Gi request and 2Gi limit of the limit range", () => {
    const pod = byName.get("defaulted")!;
    expect(pod.admitted).toBe(true);
    expect((pod.pod.spec as any).containers[0].resources).toEqual({ limits: { memory: "2Gi" }, requests: { memory: "1Gi" } });
    expect(pod.pod.metadata!.annotations!["kubernetes.io/limit-ranger"]).toBe(
      "LimitRanger plugin set: memory request for container app; memory limit for container app",
    );
    expect(pod.resources).toEqual({ requests: { memory: "1Gi" }, limits: { memory: "2Gi" } });
  });

  it("denies a 5Gi limit with the limit range's message", () => {
    expect(byName.get("too-big")!.denial).toEqual({
      plugin: "LimitRanger",
      message: 'pods "too-big" is forbidden: maximum memory usage per Container is 4Gi, but limit is 5Gi',
    });
  });

  it("reports both refusals as findings at the lines that caused them", () => {
    expect(result.findings.map((f) => [f.rule, f.line, f.column, f.path])).toEqual([
      ["admission/ResourceQuota", 40, 38, "/spec/containers/0/resources/requests/memory"],
      ["admission/LimitRanger", 58, 36, "/spec/containers/0/resources/limits/memory"],
    ]);
  });

  it("accounts the quota before and after the plan", () => {
    expect(result.namespaces).toEqual([
      {
        namespace: "nm-1",
        quotas: [
          {
            name: "rq-1",
            source: "input",
            scopes: [],
            resources: [
              { resource: "limits.memory", hard: "6Gi", usedBefore: "0", usedAfter: "4Gi" },
              { resource: "requests.memory", hard: "3Gi", usedBefore: "0", usedAfter: "3Gi" },
            ],
          },
        ],
      },
    ]);
  });
});

describe("seed scenario with a Deployment of 3 replicas", () => {
  const { result } = plan(`${SETUP}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: nm-1}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          resources: {requests: {memory: 2Gi}, limits: {memory: 2Gi}}
`);

  it("charges the quota per pod and says how many pods fit", () => {
    expect(result.workloads[0]).toMatchObject({ created: 3, admitted: 1, fitQuota: 1 });
    const quota = messages(result, "admission/ResourceQuota");
    expect(quota).toHaveLength(1);
    expect(quota[0]).toMatch(
      /^pods "web-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}" is forbidden: exceeded quota: rq-1, requested: requests\.memory=2Gi, used: requests\.memory=2Gi, limited: requests\.memory=3Gi \(Deployment web: 1 of 3 new pods admitted\)$/,
    );
  });
});
