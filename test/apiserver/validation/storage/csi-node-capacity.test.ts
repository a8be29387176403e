import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const csiNode = (drivers: string) => yaml("apiVersion: storage.k8s.io/v1", "kind: CSINode", "metadata: {name: node-1}", `spec: {drivers: ${drivers}}`);
const capacity = (...lines: string[]) => yaml("apiVersion: storage.k8s.io/v1", "kind: CSIStorageCapacity", "metadata: {name: c, namespace: kube-system}", ...lines);
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("ValidateCSINode", () => {
  it.each([
    ["a driver with topology keys and a volume limit", csiNode("[{name: ebs.csi.aws.com, nodeID: i-0123, topologyKeys: [topology.ebs.csi.aws.com/zone], allocatable: {count: 25}}]")],
    ["a node ID of 256 characters", csiNode(`[{name: ebs.csi.aws.com, nodeID: ${"a".repeat(256)}}]`)],
    ["no drivers", csiNode("[]")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["a driver without node ID", csiNode("[{name: ebs.csi.aws.com}]"), ["spec.drivers[0].nodeID: Required value"]],
    ["a node ID over 256 characters", csiNode(`[{name: ebs.csi.aws.com, nodeID: ${"a".repeat(257)}}]`), [`spec.drivers[0].nodeID: Invalid value: "${"a".repeat(257)}": must be 256 characters or less`]],
    ["a driver twice", csiNode("[{name: d.example.com, nodeID: a}, {name: d.example.com, nodeID: b}]"), ['spec.drivers[1].name: Duplicate value: "d.example.com"']],
    ["a negative volume limit", csiNode("[{name: d.example.com, nodeID: a, allocatable: {count: -1}}]"), ["spec.drivers[0].allocatable.count: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "a bad and a repeated topology key (at the driver's path)",
      csiNode("[{name: d.example.com, nodeID: a, topologyKeys: [zone, zone, 'bad key']}]"),
      ['spec.drivers[0]: Duplicate value: "zone"', `spec.drivers[0]: Invalid value: "bad key": ${NAME_PART}`],
    ],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });
});

describe("ValidateCSIStorageCapacity", () => {
  it.each([
    ["a capacity of a class in a zone", capacity("storageClassName: fast", "nodeTopology: {matchLabels: {topology.kubernetes.io/zone: a}}", "capacity: 10Gi")],
    ["a negative maximum volume size (not checked)", capacity("storageClassName: fast", "maximumVolumeSize: -1Gi")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["a negative capacity", capacity("storageClassName: fast", "capacity: -1Gi"), ['capacity: Invalid value: "-1Gi": must be greater than or equal to 0']],
    [
      "a class name that is not a DNS subdomain",
      capacity("storageClassName: Fast_SSD"),
      [
        "storageClassName: Invalid value: \"Fast_SSD\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
    ["a bad topology selector", capacity("storageClassName: fast", "nodeTopology: {matchExpressions: [{key: zone, operator: In}]}"), ["nodeTopology.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });
});
