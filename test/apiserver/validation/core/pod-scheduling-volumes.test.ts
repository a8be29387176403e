import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";

const pod = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: web}", "spec:", "  containers: [{name: app, image: nginx}]", ...specLines.map((l) => "  " + l));

describe("volumes and scheduling constraints on the create path", () => {
  it.each([
    ["volumes, affinity, tolerations and spread constraints", pod(
      "volumes: [{name: data, emptyDir: {}}, {name: cfg, configMap: {name: cfg}}]",
      "nodeSelector: {kubernetes.io/os: linux}",
      "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]}}}",
      "tolerations: [{key: gpu, operator: Exists, effect: NoSchedule}]",
      "topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}]",
    )],
    ["a volume without source, defaulted to emptyDir", pod("volumes: [{name: scratch}]")],
    ["a PodTemplate's ephemeral volume", yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    containers: [{name: app, image: nginx}]", "    volumes: [{name: s, ephemeral: {volumeClaimTemplate: {spec: {}}}}]")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a volume with two sources", pod("volumes:", "- name: data", "  emptyDir: {}", "  secret: {secretName: s}"), [{ severity: "error", line: 9, column: 5, message: "spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type" }]],
    ["a Secret volume naming its secret with `name`", pod("volumes:", "- name: certs", "  secret: {name: tls}"), [{ severity: "error", line: 8, column: 5, message: "spec.volumes[0].secret.secretName: Required value" }]],
    ["a bad volume name, with the label that would do", pod("volumes: [{name: my_data, emptyDir: {}}]"), [{ severity: "error", line: 6, column: 20, message: expect.stringContaining('spec.volumes[0].name: Invalid value: "my_data": a lowercase RFC 1123 label'), suggestion: "my-data" }]],
    ["a toleration with Exists and a value", pod("tolerations: [{key: k, operator: Exists, value: v}]"), [{ severity: "error", line: 6, column: 36, message: "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'" }]],
    ["dnsPolicy None without dnsConfig", pod("dnsPolicy: None"), [{ severity: "error", line: 4, column: 1, message: "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None" }]],
    ["a node selector key with a space", pod("nodeSelector: {disk type: ssd}"), [{ severity: "error", line: 6, column: 17, message: expect.stringContaining('spec.nodeSelector: Invalid value: "disk type": name part must consist') }]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
