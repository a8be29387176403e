import { describe, expect, it } from "vitest";
import { warningMessage } from "../../../../src/apiserver/field/errors.js";
import { getWarningsForPod } from "../../../../src/apiserver/validation/core/pod-warnings.js";
import { createPath, yaml } from "../../helpers.js";

const warnings = (spec: Record<string, unknown>) => getWarningsForPod({ spec }).map(warningMessage);

describe("pod warnings about volumes and scheduling", () => {
  it.each<[string, Record<string, unknown>]>([
    ["current node labels and selectors", { nodeSelector: { "kubernetes.io/os": "linux" }, topologySpreadConstraints: [{ topologyKey: "topology.kubernetes.io/zone", labelSelector: {} }], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }] } } }],
    ["distinct host alias IPs", { hostAliases: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }] }],
    ["a token and files at other paths", { volumes: [{ projected: { sources: [{ serviceAccountToken: { path: "token" } }, { configMap: { items: [{ path: "ca.crt" }] } }] } }] }],
  ])("has none for %s", (_name, spec) => {
    expect(warnings(spec)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["deprecated node labels", {
      nodeSelector: { "beta.kubernetes.io/os": "linux" },
      affinity: { nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "failure-domain.beta.kubernetes.io/zone", operator: "In", values: ["a"] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: "disk", operator: "In", values: ["fast ssd"] }] } }],
      } },
      topologySpreadConstraints: [{ topologyKey: "failure-domain.beta.kubernetes.io/zone" }],
    }, [
      'spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
      "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]: fast ssd is invalid, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      'spec.topologySpreadConstraints[0].topologyKey: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
      "spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod",
    ]],
    ["deprecated volume plugins", { volumes: [{ gitRepo: {} }, { storageos: {} }, { rbd: {} }] }, ["spec.volumes[0].gitRepo: deprecated in v1.11", "spec.volumes[1].storageOS: deprecated in v1.22, non-functional in v1.25+", "spec.volumes[2].rbd: deprecated in v1.28, non-functional in v1.31+"]],
    ["a projected file at the token's path", { volumes: [{ projected: { sources: [{ serviceAccountToken: { path: "token" } }, { secret: { items: [{ path: "token" }] } }] } }] }, ['spec.volumes[0].projected.sources.secrets[0]: has duplicated path with ServiceAccountToken "token"']],
    ["a repeated host alias IP", { hostAliases: [{ ip: "10.0.0.1" }, { ip: "10.0.0.1" }] }, ['spec.hostAliases[1].ip: duplicate ip "10.0.0.1"']],
    ["pod affinity terms without selectors", { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "zone" }], preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: "zone" } }] } } }, [
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: a null labelSelector results in matching no pod",
      "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod",
    ]],
  ])("warns about %s", (_name, spec, expected) => {
    expect(warnings(spec)).toEqual(expected);
  });

  it("reports them as apiserver/warning findings at the template's path", () => {
    const text = yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    containers: [{name: app, image: nginx}]", "    volumes: [{name: g, gitRepo: {repository: r}}]");
    expect(createPath(text)).toEqual([{ severity: "warning", line: 7, column: 34, message: "template.spec.volumes[0].gitRepo: deprecated in v1.11" }]);
  });
});
