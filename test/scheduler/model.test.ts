import { describe, expect, it } from "vitest";
import { nodeTreeOrder, numFeasibleNodesToFind } from "../../src/scheduler/node-order.js";
import { podRequests } from "../../src/scheduler/resources.js";
import { behaviourFor, parseMinor } from "../../src/scheduler/versions.js";
import { compileLabelSelector } from "../../src/scheduler/label-selector.js";

const container = (requests: Record<string, string>, extra: Record<string, unknown> = {}) => ({ name: "c", resources: { requests }, ...extra });
const pod = (spec: Record<string, unknown>) => ({ spec });
const requestsOf = (spec: Record<string, unknown>, options = {}) => Object.fromEntries(podRequests(pod(spec), { podLevelResources: true, ...options }));

describe("pod requests (resource.PodRequests)", () => {
  it.each([
    ["containers add up", { containers: [container({ cpu: "250m", memory: "64Mi" }), container({ cpu: "250m", memory: "64Mi" })] }, { cpu: 500, memory: 128 * 1024 ** 2 }],
    ["the largest init container wins over the containers", { containers: [container({ cpu: "100m" })], initContainers: [container({ cpu: "1" }), container({ cpu: "300m" })] }, { cpu: 1000 }],
    [
      "sidecars run beside later init containers and the containers",
      { containers: [container({ cpu: "1" })], initContainers: [container({ cpu: "200m" }, { restartPolicy: "Always" }), container({ cpu: "1500m" })] },
      { cpu: 1700 },
    ],
    ["overhead is added", { containers: [container({ cpu: "1" })], overhead: { cpu: "120m", memory: "100Mi" } }, { cpu: 1120, memory: 100 * 1024 ** 2 }],
    ["pod-level requests replace the containers' (1.34+)", { resources: { requests: { cpu: "2" } }, containers: [container({ cpu: "1", memory: "1Gi" })] }, { cpu: 2000, memory: 1024 ** 3 }],
    ["extended resources are counted in whole units", { containers: [container({ "nvidia.com/gpu": "2" })] }, { "nvidia.com/gpu": 2 }],
    ["a fraction of a millicore rounds up", { containers: [container({ cpu: "0.0001" })] }, { cpu: 1 }],
    ["malformed quantities are ignored", { containers: [container({ cpu: "lots", memory: "1Gi" })] }, { memory: 1024 ** 3 }],
  ])("%s", (_name, spec, expected) => {
    expect(requestsOf(spec)).toEqual(expected);
  });

  it("uses 100m and 200Mi for containers that request nothing, when asked (NonZeroRequested)", () => {
    const spec = { containers: [container({}), container({ cpu: "0", memory: "1Gi" })] };
    expect(requestsOf(spec, { nonMissing: true })).toEqual({ cpu: 100, memory: 200 * 1024 ** 2 + 1024 ** 3 });
  });
});

describe("node order and sampling", () => {
  it("interleaves zones, names sorted within each zone", () => {
    const n = (name: string, zone?: string) => ({ name, labels: zone ? { "topology.kubernetes.io/zone": zone } : {} });
    const ordered = nodeTreeOrder([n("c2", "c"), n("a1", "a"), n("b1", "b"), n("a2", "a"), n("a3", "a"), n("x")]);
    expect(ordered.map((o) => o.name)).toEqual(["a1", "b1", "c2", "x", "a2", "a3"]);
  });

  it.each([
    [5, 5],
    [99, 99],
    [100, 100],
    [300, 144],
    [1000, 420],
    [5000, 500],
    [6000, 300],
  ])("numFeasibleNodesToFind(%d) = %d", (nodes, expected) => {
    expect(numFeasibleNodesToFind(nodes)).toBe(expected);
  });
});

describe("versions", () => {
  it.each([
    ["1.30", 30],
    ["v1.34.2", 34],
    ["1.36", 36],
    ["1.29", 30],
    ["1.40", 36],
    ["nonsense", 36],
  ])("parseMinor(%s) = %d", (version, minor) => {
    expect(parseMinor(version)).toBe(minor);
  });

  it("switches the taint wording at 1.35", () => {
    expect(behaviourFor("1.34").taintReasonNamesTaint).toBe(true);
    expect(behaviourFor("1.35").taintReasonNamesTaint).toBe(false);
  });
});

describe("label selectors (LabelSelectorAsSelector)", () => {
  it.each([
    ["missing: matches nothing", undefined, { a: "1" }, false],
    ["empty: matches everything", {}, { a: "1" }, true],
    ["matchLabels", { matchLabels: { a: "1" } }, { a: "1", b: "2" }, true],
    ["In", { matchExpressions: [{ key: "a", operator: "In", values: ["2", "3"] }] }, { a: "1" }, false],
    ["NotIn matches a missing label", { matchExpressions: [{ key: "a", operator: "NotIn", values: ["1"] }] }, {}, true],
    ["In without values is invalid: nothing", { matchExpressions: [{ key: "a", operator: "In", values: [] }] }, { a: "1" }, false],
    ["unknown operator: nothing", { matchExpressions: [{ key: "a", operator: "Gt", values: ["1"] }] }, { a: "5" }, false],
  ])("%s", (_name, selector, labels, expected) => {
    expect(compileLabelSelector(selector).matches(labels)).toBe(expected);
  });
});
