// The Pod strategy's PrepareForCreate as validation sees it: a Pod's
// matchLabelKeys and mismatchLabelKeys merged into its affinity selectors
// (mutatePodAffinity), which a pod template does not get.
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
