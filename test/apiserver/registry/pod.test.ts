// The Pod strategy's PrepareForCreate as validation sees it: a Pod's
// matchLabelKeys and mismatchLabelKeys merged into its affinity selectors
// (mutatePodAffinity) and its topology spread selectors (1.34+,
// mutateTopologySpreadConstraints), which a pod template does not get.
import { describe, expect, it } from "vitest";
import { createPathMessages } from "../helpers.js";

const PA = "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";
const ANTI = "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm";

const pod = (labels: string, affinity: string) => `apiVersion: v1
kind: Pod
metadata: {name: p, labels: ${labels}}
spec:
  containers: [{name: c, image: i}]
  affinity:
${affinity}
`;
const required = (term: string) => `    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - {topologyKey: zone, ${term}}`;
const preferredAnti = (term: string) => `    podAntiAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - {weight: 1, podAffinityTerm: {topologyKey: zone, ${term}}}`;

describe("mutatePodAffinity", () => {
  it.each<[string, string, string[], string?]>([
    ["a key the pod has a label for, also in matchLabels", pod("{app: web}", required("labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]")), [`${PA}[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`]],
    ["a key the pod has a label for, also in matchExpressions", pod("{app: web}", required("labelSelector: {matchExpressions: [{key: app, operator: Exists}]}, matchLabelKeys: [app]")), [`${PA}[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`]],
    ["the same in a preferred anti-affinity term", pod("{app: web}", preferredAnti("labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]")), [`${ANTI}[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`]],
    ["a key the pod has no label for", pod("{tier: db}", required("labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]")), []],
    ["a mismatchLabelKeys key (no overlap check)", pod("{app: web}", required("labelSelector: {matchLabels: {app: web}}, mismatchLabelKeys: [app]")), []],
    ["a key not in the selector", pod("{app: web, tier: db}", required("labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [tier]")), []],
    ["before the feature was on by default (1.30)", pod("{app: web}", required("labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]")), [], "1.30"],
  ])("%s", (_name, text, expected, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });

  it("leaves a Deployment's template as written: its pods get the merge when created", () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: i}]
      affinity:
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - {topologyKey: zone, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]}
`;
    expect(createPathMessages(deployment)).toEqual([]);
  });
});

const TSC = "spec.topologySpreadConstraints[0]";
const spread = (constraint: string) => `  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, ${constraint}}`;
const podSpreading = (labels: string, constraint: string) => `apiVersion: v1
kind: Pod
metadata: {name: p, labels: ${labels}}
spec:
  containers: [{name: c, image: i}]
${spread(constraint)}
`;
const deploymentSpreading = (constraint: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: i}]
    ${spread(constraint).replace(/\n/g, "\n    ")}
`;

describe("mutateTopologySpreadConstraints", () => {
  it.each<[string, string, string[], string?]>([
    ["a key the pod has a label for, also in matchLabels: merged, then found twice", podSpreading("{app: web}", "labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]"), [`${TSC}[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`]],
    ["a key the pod has a label for, also in matchExpressions", podSpreading("{app: web}", "labelSelector: {matchExpressions: [{key: app, operator: Exists}]}, matchLabelKeys: [app]"), [`${TSC}[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`]],
    ["a key the pod has no label for, also in matchLabels: nothing merged, accepted", podSpreading("{tier: db}", "labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]"), []],
    ["a key not in the selector", podSpreading("{app: web, tier: db}", "labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [tier]"), []],
    ["no selector: nothing merged, the keys forbidden", podSpreading("{app: web}", "matchLabelKeys: [app]"), [`${TSC}.matchLabelKeys: Forbidden: must not be specified when labelSelector is not set`]],
    ["before the merge (1.33): any key also in the selector", podSpreading("{tier: db}", "labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]"), [`${TSC}.matchLabelKeys[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`], "1.33"],
    ["a Deployment's template, also in matchLabels: not merged, accepted (1.34)", deploymentSpreading("labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]"), [], "1.34"],
    ["a Deployment's template before the merge (1.33)", deploymentSpreading("labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]"), [`spec.template.${TSC}.matchLabelKeys[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`], "1.33"],
  ])("%s", (_name, text, expected, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});
