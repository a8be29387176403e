import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/types.js";
import type { PodVolume } from "../../src/scheduler/index.js";
import { claim, claimVolumes, node, persistentVolume, planned, run } from "./builders.js";

const ZONE = "topology.kubernetes.io/zone";
const REGION = "topology.kubernetes.io/region";
const BETA_ZONE = "failure-domain.beta.kubernetes.io/zone";

/** A pod mounting claim "data", and how admission found it binds. */
const dbPod = () => planned("db-0", { spec: { volumes: claimVolumes("data") } });
const bound = (pv: string): PodVolume[] => [{ claim: "data", status: "bound", persistentVolume: pv }];

interface Case {
  name: string;
  nodes: KubeObject[];
  volumes?: PodVolume[];
  persistentVolumes: KubeObject[];
  persistentVolumeClaims?: KubeObject[];
  version?: string;
  /** The node the pod lands on, or the whole FailedScheduling message. */
  node?: string;
  message?: string;
}

const twoZones = () => [node("a", { zone: "z1" }), node("b", { zone: "z2" })];

const cases: Case[] = [
  {
    name: "a volume in zone z2 takes the pod to the node in z2",
    nodes: twoZones(),
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z2" })],
    node: "b",
  },
  {
    name: "a volume listing zones with __ fits a node in any of them",
    nodes: [node("a", { zone: "z3" }), node("b", { zone: "z1" }), node("c", { zone: "z2" })],
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z2__z1" })],
    node: "b",
  },
  {
    name: "a region label must match the node's region",
    nodes: [node("a", { labels: { [REGION]: "r1" } }), node("b", { labels: { [REGION]: "r2" } })],
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [REGION]: "r2" })],
    node: "b",
  },
  {
    name: "the deprecated beta zone label on the volume matches the node's GA zone label",
    nodes: twoZones(),
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [BETA_ZONE]: "z2" })],
    node: "b",
  },
  {
    name: "a node without zone or region labels fits any volume",
    nodes: [node("a"), node("b", { zone: "z1" })],
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z9" })],
    node: "a",
  },
  {
    name: "a label with an empty item in its __ list is ignored",
    nodes: twoZones(),
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z2__" })],
    node: "a",
  },
  {
    name: "a claim waiting for its first consumer has no volume yet: skipped",
    nodes: twoZones(),
    volumes: [{ claim: "data", status: "wait-for-first-consumer" }],
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z2" })],
    node: "a",
  },
  {
    name: "the PV controller's choice for an Immediate claim counts as bound",
    nodes: twoZones(),
    volumes: [{ claim: "data", status: "binds-to", persistentVolume: "pv-1" }],
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z2" })],
    node: "b",
  },
  {
    name: "without the admission note, the claim's spec.volumeName names the volume",
    nodes: twoZones(),
    persistentVolumeClaims: [claim("data", { volumeName: "pv-1" })],
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z2" })],
    node: "b",
  },
  {
    name: "a volume in a zone without nodes (1.30)",
    nodes: twoZones(),
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z9" })],
    version: "1.30",
    message: "0/2 nodes are available: 2 node(s) had no available volume zone. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: "a volume in a zone without nodes (1.36)",
    nodes: twoZones(),
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z9" })],
    version: "1.36",
    message:
      "0/2 nodes are available: 2 node(s) had no available volume zone. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
  },
  {
    name: "each node counts its first failing filter only",
    nodes: [node("a", { zone: "z1", unschedulable: true }), node("b", { zone: "z2" }), node("c", { zone: "z3" })],
    volumes: bound("pv-1"),
    persistentVolumes: [persistentVolume("pv-1", { [ZONE]: "z1" })],
    version: "1.33",
    message:
      "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had no available volume zone. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  },
  {
    name: "a claim bound to a volume the cluster does not have (PreFilter)",
    nodes: twoZones(),
    persistentVolumeClaims: [claim("data", { volumeName: "pv-gone" })],
    persistentVolumes: [],
    version: "1.33",
    message: '0/2 nodes are available: persistentvolume "pv-gone" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
  },
];

describe("VolumeZone", () => {
  it.each(cases)("$name", (c) => {
    const result = run({
      nodes: c.nodes,
      pods: [dbPod()],
      podVolumes: c.volumes ? [c.volumes] : undefined,
      persistentVolumes: c.persistentVolumes,
      persistentVolumeClaims: c.persistentVolumeClaims,
      kubernetesVersion: c.version ?? "1.34",
    });
    const placement = result.pods[0]!;
    if (c.node !== undefined) {
      expect(placement.reason).toBeUndefined();
      expect(placement.node).toBe(c.node);
    } else {
      expect(placement.node).toBeNull();
      expect(placement.reason).toBe(c.message);
    }
  });
});
