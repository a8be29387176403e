import { describe, expect, it } from "vitest";
import type { KubeObject, PlannedPod } from "../../src/types.js";
import type { PodVolume } from "../../src/scheduler/index.js";
import { claim, claimVolumes, node, nodesOf, persistentVolume, planned, run, running } from "./builders.js";

const ZONE = "topology.kubernetes.io/zone";
const RWOP_BEFORE_1_33 = "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode";
const RWOP = "node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod";

const gce = (pdName: string, readOnly = false) => ({ name: "disk", gcePersistentDisk: { pdName, readOnly } });
const ebs = (volumeID: string, readOnly = false) => ({ name: "disk", awsElasticBlockStore: { volumeID, readOnly } });
const iscsi = (iqn: string, readOnly = false) => ({ name: "disk", iscsi: { targetPortal: "10.0.0.1:3260", iqn, lun: 0, readOnly } });
const rbd = (monitors: string[], image: string, pool?: string, readOnly = false) => ({
  name: "disk",
  rbd: { monitors, image, ...(pool ? { pool } : {}), readOnly },
});

const withVolumes = (name: string, volumes: Record<string, unknown>[]) => ({ spec: { volumes } });

describe("VolumeRestrictions: inline disks already mounted on the node", () => {
  interface DiskCase {
    name: string;
    /** The volume mounted by a pod already running on node "a". */
    existing: Record<string, unknown>;
    wanted: Record<string, unknown>;
    /** Where the new pod lands on the single node "a", or null when the disk conflicts. */
    node: string | null;
  }
  const cases: DiskCase[] = [
    { name: "the same GCE PD mounted read-write conflicts", existing: gce("pd-1"), wanted: gce("pd-1", true), node: null },
    { name: "the same GCE PD mounted read-only by both is shared", existing: gce("pd-1", true), wanted: gce("pd-1", true), node: "a" },
    { name: "another GCE PD does not conflict", existing: gce("pd-1"), wanted: gce("pd-2"), node: "a" },
    { name: "the same AWS EBS volume conflicts even read-only", existing: ebs("vol-1", true), wanted: ebs("vol-1", true), node: null },
    { name: "the same iSCSI IQN with one read-write mount conflicts", existing: iscsi("iqn.2024-01.io.example:t1", true), wanted: iscsi("iqn.2024-01.io.example:t1"), node: null },
    { name: "the same iSCSI IQN read-only by both is shared", existing: iscsi("iqn.2024-01.io.example:t1", true), wanted: iscsi("iqn.2024-01.io.example:t1", true), node: "a" },
    { name: "an RBD image with a common monitor conflicts (pool defaults to rbd)", existing: rbd(["m1", "m2"], "img"), wanted: rbd(["m2", "m3"], "img", "rbd"), node: null },
    { name: "an RBD image with no common monitor does not conflict", existing: rbd(["m1"], "img"), wanted: rbd(["m2"], "img"), node: "a" },
    { name: "an RBD image in another pool does not conflict", existing: rbd(["m1"], "img", "fast"), wanted: rbd(["m1"], "img"), node: "a" },
  ];
  it.each(cases)("$name", (c) => {
    const result = run({
      nodes: [node("a")],
      runningPods: [running("old", "a", withVolumes("old", [c.existing]))],
      pods: [planned("new", withVolumes("new", [c.wanted]))],
      kubernetesVersion: "1.33",
    });
    expect(result.pods[0]!.node).toBe(c.node);
    if (c.node === null) {
      expect(result.pods[0]!.reason).toBe(
        "0/1 nodes are available: 1 node(s) had no available disk. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
      );
    }
  });

  it("sees the disks of pods placed earlier in the plan", () => {
    const pods = ["web-0", "web-1", "web-2"].map((n) => planned(n, withVolumes(n, [ebs("vol-1")])));
    const result = run({ nodes: [node("a"), node("b")], pods, kubernetesVersion: "1.33" });
    expect(nodesOf(result)).toEqual(["a", "b", null]);
    expect(result.pods[2]!.reason).toBe(
      "0/2 nodes are available: 2 node(s) had no available disk. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    );
  });

  it("runs before VolumeBinding and VolumeZone: a node with both problems counts the disk", () => {
    const pod = planned("db-0", withVolumes("db-0", [ebs("vol-1"), ...claimVolumes("data")]));
    const volumes: PodVolume[] = [{ claim: "data", status: "bound", persistentVolume: "pv-1" }];
    const result = run({
      nodes: [node("a", { zone: "z1" }), node("b", { zone: "z2" })],
      runningPods: [running("old", "a", withVolumes("old", [ebs("vol-1")]))],
      pods: [pod],
      podVolumes: [volumes],
      persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z3" })],
      kubernetesVersion: "1.33",
    });
    expect(result.pods[0]!.reason).toBe(
      "0/2 nodes are available: 1 node(s) had no available disk, 1 node(s) had no available volume zone. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });
});

describe("VolumeRestrictions: ReadWriteOncePod claims", () => {
  const rwop = (name = "data", namespace = "default") => claim(name, { namespace, accessModes: ["ReadWriteOncePod"] });
  const mounting = (name: string, claimName = "data", namespace = "default") => ({ namespace, spec: { volumes: claimVolumes(claimName) } });
  const nodes = () => [node("a"), node("b")];

  interface RwopCase {
    name: string;
    claims: KubeObject[];
    runningPods?: KubeObject[];
    pods: PlannedPod[];
    version: string;
    nodes: (string | null)[];
    /** FailedScheduling of the last pod, when it stays Pending. */
    message?: string;
  }
  const cases: RwopCase[] = [
    {
      name: "a claim used by a running pod (1.30 wording)",
      claims: [rwop()],
      runningPods: [running("old", "a", mounting("old"))],
      pods: [planned("new", mounting("new"))],
      version: "1.30",
      nodes: [null],
      message: `0/2 nodes are available: 2 ${RWOP_BEFORE_1_33}. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.`,
    },
    {
      name: "a claim used by a running pod (1.36 wording)",
      claims: [rwop()],
      runningPods: [running("old", "a", mounting("old"))],
      pods: [planned("new", mounting("new"))],
      version: "1.36",
      nodes: [null],
      message: `0/2 nodes are available: 2 ${RWOP}. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.`,
    },
    {
      name: "a claim used by a pod placed earlier in the plan",
      claims: [rwop()],
      pods: [planned("first", mounting("first")), planned("second", mounting("second"))],
      version: "1.33",
      nodes: ["a", null],
      message: `0/2 nodes are available: 2 ${RWOP}. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.`,
    },
    {
      name: "a ReadWriteOnce claim may be shared",
      claims: [claim("data")],
      runningPods: [running("old", "a", mounting("old"))],
      pods: [planned("new", mounting("new"))],
      version: "1.36",
      nodes: ["b"],
    },
    {
      name: "a claim of the same name in another namespace is another claim",
      claims: [rwop("data", "team-a"), rwop("data", "team-b")],
      runningPods: [running("old", "a", mounting("old", "data", "team-a"))],
      pods: [planned("new", mounting("new", "data", "team-b"))],
      version: "1.36",
      nodes: ["b"],
    },
    {
      name: "a claim that does not exist (PreFilter)",
      claims: [],
      pods: [planned("new", mounting("new"))],
      version: "1.33",
      nodes: [null],
      message: '0/2 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    },
  ];
  it.each(cases)("$name", (c) => {
    const result = run({ nodes: nodes(), runningPods: c.runningPods ?? [], pods: c.pods, persistentVolumeClaims: c.claims, kubernetesVersion: c.version });
    expect(nodesOf(result)).toEqual(c.nodes);
    expect(result.pods[result.pods.length - 1]!.reason).toBe(c.message);
  });

  it("evicting the lower-priority pod that holds the claim would make room on its node", () => {
    const priorityClasses: KubeObject[] = [{ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000 }];
    const result = run({
      nodes: nodes(),
      runningPods: [running("old", "a", mounting("old"))],
      pods: [planned("new", { spec: { volumes: claimVolumes("data"), priorityClassName: "high" } })],
      persistentVolumeClaims: [rwop()],
      priorityClasses,
      kubernetesVersion: "1.33",
    });
    expect(result.pods[0]!.reason).toBe(
      `0/2 nodes are available: 2 ${RWOP}. preemption: not simulated; evicting lower-priority pods would make room on 1 node(s): a.`,
    );
    expect(result.pods[0]!.preemptionCandidates).toEqual(["a"]);
  });
});
