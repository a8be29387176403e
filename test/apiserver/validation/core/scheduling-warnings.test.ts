import { describe, expect, it } from "vitest";
import { warningMessage } from "../../../../src/apiserver/field/errors.js";
import { getWarningsForPod } from "../../../../src/apiserver/validation/core/pod-warnings.js";
import { createPath, yaml } from "../../helpers.js";

const warnings = (spec: Record<string, unknown>, version = "1.36") => getWarningsForPod({ spec }, version).map(warningMessage);

describe("pod warnings about volumes and scheduling", () => {
  it.each<[string, Record<string, unknown>]>([
    ["current node labels and selectors", { nodeSelector: { "kubernetes.io/os": "linux" }, topologySpreadConstraints: [{ topologyKey: "topology.kubernetes.io/zone", labelSelector: {} }], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }] } } }],
    ["distinct host alias IPs", { hostAliases: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }] }],
    ["a token and files at other paths", { volumes: [{ projected: { sources: [{ serviceAccountToken: { path: "token" } }, { configMap: { items: [{ path: "ca.crt" }] } }] } }] }],
    ["files whose names share a prefix but not a directory", { volumes: [{ name: "v", configMap: { name: "c", items: [{ key: "a", path: "dir/path3" }, { key: "b", path: "dir/path345" }] } }] }],
    ["a source without items (its keys unknown)", { volumes: [{ name: "v", projected: { sources: [{ configMap: { name: "c" } }, { secret: { name: "s" } }] } }] }],
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
    [
      "deprecated volume plugins (gitRepo disabled by default from 1.33)",
      { volumes: [{ gitRepo: {} }, { storageos: {} }, { rbd: {} }] },
      ["spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+", "spec.volumes[1].storageOS: deprecated in v1.22, non-functional in v1.25+", "spec.volumes[2].rbd: deprecated in v1.28, non-functional in v1.31+"],
    ],
    ["a configMap volume writing a file where it writes a directory", { volumes: [{ name: "Test", configMap: { name: "foo", items: [{ key: "bar", path: "test/app" }, { key: "foo", path: "test/" }] } }] }, ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test/app"']],
    ["a secret volume writing one file twice", { volumes: [{ name: "Test", secret: { secretName: "foo", items: [{ key: "foo", path: "test" }, { key: "bar", path: "test" }] } }] }, ['volume "Test" (Secret "foo"): overlapping paths: "test" with "test"']],
    ["a downwardAPI volume writing one file twice", { volumes: [{ name: "Test", downwardAPI: { items: [{ path: "test", fieldRef: { fieldPath: "metadata.name" } }, { path: "test", fieldRef: { fieldPath: "metadata.labels" } }] } }] }, ['volume "Test" (DownwardAPI): overlapping paths: "test" with "test"']],
    [
      "a projected token inside a file of a config map",
      { volumes: [{ name: "foo", projected: { sources: [{ configMap: { name: "Test", items: [{ key: "foo", path: "test" }] } }, { serviceAccountToken: { path: "test/file" } }] } }] },
      ['volume "foo" (Projected): overlapping paths: "test/file" (ServiceAccountToken) with "test" (ConfigMap "Test")'],
    ],
    [
      "projected sources colliding with each earlier one",
      { volumes: [{ name: "foo", projected: { sources: [
        { clusterTrustBundle: { signerName: "example.com/a", path: "test/test" } },
        { downwardAPI: { items: [{ path: "test", fieldRef: { fieldPath: "metadata.name" } }] } },
        { secret: { name: "Test", items: [{ key: "foo", path: "test" }] } },
      ] } }] },
      [
        'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test" (ClusterTrustBundle "example.com/a")',
        'volume "foo" (Projected): overlapping paths: "test" (Secret "Test") with "test/test" (ClusterTrustBundle "example.com/a")',
        'volume "foo" (Projected): overlapping paths: "test" (Secret "Test") with "test" (DownwardAPI)',
      ],
    ],
    ["an empty projected source", { volumes: [{ name: "foo", projected: { sources: [{}] } }] }, ['volume "foo" (Projected) has no sources provided']],
    ["a repeated host alias IP", { hostAliases: [{ ip: "10.0.0.1" }, { ip: "10.0.0.1" }] }, ['spec.hostAliases[1].ip: duplicate ip "10.0.0.1"']],
    ["pod affinity terms without selectors", { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "zone" }], preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: "zone" } }] } } }, [
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: a null labelSelector results in matching no pod",
      "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod",
    ]],
  ])("warns about %s", (_name, spec, expected) => {
    expect(warnings(spec)).toEqual(expected);
  });

  // Before 1.33 the gitRepo plugin is on; files that overlap are warned about from 1.32 (kubernetes#121968).
  const TOKEN_OVERLAP = { volumes: [{ name: "foo", projected: { sources: [{ serviceAccountToken: { path: "token" } }, { secret: { name: "s", items: [{ key: "k", path: "token" }] } }] } }] };
  const CONFIG_MAP_OVERLAP = { volumes: [{ name: "c", configMap: { name: "m", items: [{ key: "a", path: "etc" }, { key: "b", path: "etc/conf" }] } }] };
  it.each<[string, string, Record<string, unknown>, string[]]>([
    ["1.32", "a gitRepo volume", { volumes: [{ gitRepo: {} }] }, ["spec.volumes[0].gitRepo: deprecated in v1.11"]],
    ["1.32", "a projected file at the token's path", TOKEN_OVERLAP, ['volume "foo" (Projected): overlapping paths: "token" (Secret "s") with "token" (ServiceAccountToken)']],
    ["1.32", "a configMap file inside another's path", CONFIG_MAP_OVERLAP, ['volume "c" (ConfigMap "m"): overlapping paths: "etc/conf" with "etc"']],
    ["1.32", "an empty projected source", { volumes: [{ name: "foo", projected: { sources: [{}] } }] }, ['volume "foo" (Projected) has no sources provided']],
    ["1.31", "a projected file at the token's path", TOKEN_OVERLAP, []],
    ["1.31", "a configMap file inside another's path", CONFIG_MAP_OVERLAP, []],
    ["1.31", "an empty projected source", { volumes: [{ name: "foo", projected: { sources: [{}] } }] }, []],
  ])("in %s, warns about %s as that release does", (release, _name, spec, expected) => {
    expect(warnings(spec, release)).toEqual(expected);
  });

  // A preferred term's values are label values: api/validate/content's words from 1.35.
  it.each([
    ["1.34", "characters"],
    ["1.35", "bytes"],
  ])("in %s, words a value's length limit as that release does", (release, unit) => {
    const value = "v".repeat(64);
    const spec = { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: "disk", operator: "In", values: [value] }] } }] } } };
    expect(warnings(spec, release)).toEqual([`spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]: ${value} is invalid, must be no more than 63 ${unit}`]);
  });

  it("reports them as apiserver/warning findings at the template's path, or at the volume when the message names it", () => {
    const text = yaml(
      "apiVersion: v1",
      "kind: PodTemplate",
      "metadata: {name: t}",
      "template:",
      "  spec:",
      "    containers: [{name: app, image: nginx}]",
      "    volumes: [{name: g, gitRepo: {repository: r}}, {name: p, projected: {sources: [{}]}}]",
    );
    expect(createPath(text)).toEqual([
      { severity: "warning", line: 7, column: 34, message: "template.spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+" },
      { severity: "warning", line: 7, column: 52, message: 'volume "p" (Projected) has no sources provided' },
    ]);
    expect(createPath(text, "1.31")).toEqual([{ severity: "warning", line: 7, column: 34, message: "template.spec.volumes[0].gitRepo: deprecated in v1.11" }]);
  });
});
