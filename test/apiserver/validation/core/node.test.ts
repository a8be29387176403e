import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { LABEL_KEY_NAME, LABEL_VALUE, SUBDOMAIN } from "../../../rules/messages.js";

const node = (...lines: string[]) => yaml("apiVersion: v1", "kind: Node", ...lines);
const TAINTS = "scheduler.alpha.kubernetes.io/taints";
const AVOID = "scheduler.alpha.kubernetes.io/preferAvoidPods";
const avoiding = (json: string) => node("metadata:", "  name: node-1", "  annotations:", `    ${AVOID}: '${json}'`);
const ENTRY = '{"podSignature":{"podController":{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web","uid":"u","controller":true}}}';

describe("ValidateNode", () => {
  it.each([
    ["a node with taints, pod CIDRs and a status", node("metadata: {name: worker-1.example.com}", "spec:", "  podCIDRs: [10.244.1.0/24, 'fd00:10:244:1::/64']", "  taints: [{key: dedicated, value: gpu, effect: NoSchedule}, {key: dedicated, value: gpu, effect: NoExecute}]", "status: {capacity: {cpu: '4', memory: 16Gi, pods: '110'}, allocatable: {cpu: 3500m}}")],
    ["a single podCIDR (converted to a list of one)", node("metadata: {name: node-1}", "spec: {podCIDR: 10.244.1.0/24}")],
    ["a taints annotation that is a valid list", node("metadata:", "  name: node-1", "  annotations:", `    ${TAINTS}: '[{"key":"a","value":"b","effect":"NoSchedule"}]'`)],
    ["a namespace, cleared (Nodes are cluster-scoped)", node("metadata: {name: node-1, namespace: default}")],
    ["a preferAvoidPods annotation naming a controller", avoiding(`{"preferAvoidPods":[${ENTRY}]}`)],
    ["a preferAvoidPods annotation with no entries, or null", avoiding('{"preferAvoidPods":null}')],
    ["a swap capacity above zero", node("metadata: {name: node-1}", "status: {nodeInfo: {swap: {capacity: 1024}}}")],
    ["a swap capacity of zero before the field existed (1.32)", node("metadata: {name: node-1}", "status: {nodeInfo: {swap: {capacity: 0}}}"), "1.32"],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    ["a name with capitals", node("metadata: {name: Worker-1}"), [`metadata.name: Invalid value: "Worker-1": ${SUBDOMAIN}`]],
    // Upstream reports the spec's taints under metadata.
    ["a taint key with a space", node("metadata: {name: node-1}", "spec: {taints: [{key: 'a b', effect: NoSchedule}]}"), [`metadata.taints[0].key: Invalid value: "a b": ${LABEL_KEY_NAME}`]],
    ["a taint value with a slash", node("metadata: {name: node-1}", "spec: {taints: [{key: a, value: b/c, effect: NoSchedule}]}"), [`metadata.taints[0].value: Invalid value: "b/c": ${LABEL_VALUE}`]],
    ["a taint without effect", node("metadata: {name: node-1}", "spec: {taints: [{key: a}]}"), ["metadata.taints[0].effect: Required value"]],
    [
      "two taints with one key and effect",
      node("metadata: {name: node-1}", "spec: {taints: [{key: a, value: gpu, effect: NoSchedule}, {key: a, value: cpu, effect: NoSchedule}]}"),
      ['metadata.taints[1]: Duplicate value: {"Key":"a","Value":"cpu","Effect":"NoSchedule","TimeAdded":null}: taints must be unique by key and effect pair'],
    ],
    [
      "a taints annotation that is not JSON",
      node("metadata:", "  name: node-1", "  annotations:", `    ${TAINTS}: 'no'`),
      [`metadata.annotations: Invalid value: "${TAINTS}": invalid character 'o' in literal null (expecting 'u')`],
    ],
    [
      "a taints annotation that is an object",
      node("metadata:", "  name: node-1", "  annotations:", `    ${TAINTS}: '{"key":"a"}'`),
      [`metadata.annotations: Invalid value: "${TAINTS}": json: cannot unmarshal object into Go value of type []core.Taint`],
    ],
    [
      "a taint in the annotation without effect",
      node("metadata:", "  name: node-1", "  annotations:", `    ${TAINTS}: '[{"key":"a"}]'`),
      [`metadata.annotations.${TAINTS}[0].effect: Required value`],
    ],
    ["a pod CIDR that is an address", node("metadata: {name: node-1}", "spec: {podCIDRs: [10.244.1.1]}"), ['spec.podCIDRs[0]: Invalid value: "10.244.1.1": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ["two IPv4 pod CIDRs", node("metadata: {name: node-1}", "spec: {podCIDRs: [10.244.1.0/24, 10.244.2.0/24]}"), ['spec.podCIDRs: Invalid value: ["10.244.1.0/24","10.244.2.0/24"]: may specify no more than one CIDR for each IP family']],
    [
      "a preferAvoidPods annotation that is not JSON",
      avoiding("{"),
      [`metadata.annotations.AvoidPods: Invalid value: "${AVOID}": unexpected end of JSON input`],
    ],
    [
      "a preferAvoidPods annotation that is a list",
      avoiding("[]"),
      [`metadata.annotations.AvoidPods: Invalid value: "${AVOID}": json: cannot unmarshal array into Go value of type v1.AvoidPods`],
    ],
    [
      "a preferAvoidPods entry that is a string",
      avoiding('{"preferAvoidPods":["web"]}'),
      [`metadata.annotations.AvoidPods: Invalid value: "${AVOID}": json: cannot unmarshal string into Go struct field AvoidPods.preferAvoidPods of type v1.PreferAvoidPodsEntry`],
    ],
    [
      "an entry without pod controller, and one whose owner is no controller",
      avoiding(`{"preferAvoidPods":[{"reason":"r"},${ENTRY.replace("true", "false")}]}`),
      [`metadata.annotations.${AVOID}[0].PodSignature: Required value`, `metadata.annotations.${AVOID}[1].PodSignature.PodController.Controller: Invalid value: false: must point to a controller`],
    ],
    ["a swap capacity of zero (1.33 on)", node("metadata: {name: node-1}", "status: {nodeInfo: {swap: {capacity: 0}}}"), ["metadata.nodeSwapStatus.capacity: Invalid value: 0: must be greater than zero"]],
    [
      "a negative and a fractional capacity",
      node("metadata: {name: node-1}", "status: {capacity: {memory: '-1Gi', pods: '1.5'}}"),
      ['status.capacity.memory: Invalid value: "-1Gi": must be greater than or equal to 0', 'status.capacity.pods: Invalid value: "1500m": must be an integer'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("prints a duplicate taint in Go syntax before 1.34", () => {
    expect(createPathMessages(node("metadata: {name: node-1}", "spec: {taints: [{key: a, effect: NoExecute}, {key: a, effect: NoExecute}]}"), "1.33")).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoExecute", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
    ]);
  });

  it("points a spec taint's error at the taint", () => {
    expect(createPath(node("metadata: {name: node-1}", "spec:", "  taints:", "  - {key: a, value: b/c, effect: NoSchedule}"))).toEqual([
      { severity: "error", line: 6, column: 21, message: `metadata.taints[0].value: Invalid value: "b/c": ${LABEL_VALUE}` },
    ]);
  });
});
