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
    ["a PodTemplate's ephemeral volume", yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    containers: [{name: app, image: nginx}]", "    volumes: [{name: s, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}]")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a volume with two sources", pod("volumes:", "- name: data", "  emptyDir: {}", "  secret: {secretName: s}"), [{ severity: "error", line: 9, column: 5, message: "spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type" }]],
    ["a Secret volume naming its secret with `name`", pod("volumes:", "- name: certs", "  secret: {name: tls}"), [{ severity: "error", line: 8, column: 5, message: "spec.volumes[0].secret.secretName: Required value" }]],
    ["a bad volume name, with the label that would do", pod("volumes: [{name: my_data, emptyDir: {}}]"), [{ severity: "error", line: 6, column: 20, message: expect.stringContaining('spec.volumes[0].name: Invalid value: "my_data": a lowercase RFC 1123 label'), suggestion: "my-data" }]],
    ["a second downwardAPI source, named by upstream's misspelt path (shown at the volume)", pod("volumes:", "- name: info", "  emptyDir: {}", "  downwardAPI: {items: []}"), [{ severity: "error", line: 7, column: 5, message: "spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type" }]],
    ["a claim with an empty name", pod("volumes:", "- {name: data, persistentVolumeClaim: {claimName: ''}}"), [{ severity: "error", line: 7, column: 53, message: "spec.volumes[0].persistentVolumeClaim.claimName: Required value" }]],
    ["a projected source with two projections", pod("volumes:", "- name: p", "  projected:", "    sources:", "    - secret: {name: s}", "      configMap: {name: c}"), [{ severity: "error", line: 10, column: 9, message: "spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source" }]],
    ["a volume name with a dot", pod("volumes:", "- name: app.config", "  configMap: {name: c}"), [{ severity: "error", line: 7, column: 11, message: 'spec.volumes[0].name: Invalid value: "app.config": must not contain dots', suggestion: "app-config" }]],
    ["an empty volume name", pod("volumes:", '- {name: "", emptyDir: {}}'), [{ severity: "error", line: 7, column: 12, message: "spec.volumes[0].name: Required value" }]],
    ["two volumes with the same name", pod("volumes:", "- name: data", "  emptyDir: {}", "- name: data", "  configMap: {name: c}"), [{ severity: "error", line: 9, column: 11, message: 'spec.volumes[1].name: Duplicate value: "data"' }]],
    ["a toleration with Exists and a value", pod("tolerations: [{key: k, operator: Exists, value: v}]"), [{ severity: "error", line: 6, column: 36, message: "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'" }]],
    ["dnsPolicy None without dnsConfig", pod("dnsPolicy: None"), [{ severity: "error", line: 4, column: 1, message: "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None" }]],
    ["a node selector key with a space", pod("nodeSelector: {disk type: ssd}"), [{ severity: "error", line: 6, column: 18, message: expect.stringContaining('spec.nodeSelector: Invalid value: "disk type": name part must consist'), suggestion: "disk-type" }]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
