import { describe, expect, it } from "vitest";
import { errorMessage, type ErrorList } from "../../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../../src/apiserver/field/path.js";
import { validateAffinity } from "../../../../src/apiserver/validation/core/affinity.js";
import { validateHostAliases, validatePodDNSConfig } from "../../../../src/apiserver/validation/core/dns.js";
import { podValidationOptions } from "../../../../src/apiserver/validation/core/pod-options.js";
import { validateReadinessGates, validateSchedulingGates } from "../../../../src/apiserver/validation/core/scheduling-gates.js";
import { validateTolerations } from "../../../../src/apiserver/validation/core/tolerations.js";
import { validateTopologySpreadConstraints } from "../../../../src/apiserver/validation/core/topology-spread.js";
import { LABEL_KEY_NAME, LABEL_VALUE, SUBDOMAIN } from "../../../rules/messages.js";

const SPEC = FieldPath.root("spec");
const messages = (errors: ErrorList) => errors.map((error) => errorMessage(error, "1.36"));
const opts = (version = "1.36") => podValidationOptions(version, true);
const REQ = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
const node = (...matchExpressions: unknown[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } } });
const podTerm = (term: Record<string, unknown>) => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "a" } }, ...term }] } });
const PA = "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";

describe("validateAffinity", () => {
  it.each<[string, unknown]>([
    ["node requirements of every operator", node({ key: "zone", operator: "In", values: ["a"] }, { key: "gpu", operator: "Exists" }, { key: "cores", operator: "Gt", values: ["4"] })],
    ["a metadata.name field requirement", { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node-1"] }] }] } } }],
    ["a preferred term with an invalid value (allowed)", { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: "k", operator: "In", values: ["a b"] }] } }] } }],
    ["a pod affinity term with namespaces and match label keys", podTerm({ namespaces: ["prod"], matchLabelKeys: ["pod-template-hash"], mismatchLabelKeys: ["tenant"] })],
  ])("accepts %s", (_name, affinity) => {
    expect(messages(validateAffinity(affinity, opts(), SPEC.child("affinity")))).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ["no node selector terms", { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }, [`${REQ}.nodeSelectorTerms: Required value: must have at least one node selector term`]],
    ["a bad operator and an empty one", node({ key: "k", operator: "Equals", values: ["a"] }, { key: "k" }), [`${REQ}.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`, `${REQ}.nodeSelectorTerms[0].matchExpressions[1].operator: Invalid value: "": not a valid selector operator`]],
    ["values by operator", node({ key: "k", operator: "In" }, { key: "k", operator: "Exists", values: ["a"] }, { key: "k", operator: "Lt", values: ["1", "2"] }), [
      `${REQ}.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
      `${REQ}.nodeSelectorTerms[0].matchExpressions[1].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
      `${REQ}.nodeSelectorTerms[0].matchExpressions[2].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
    ]],
    ["a bad key and a bad required value", node({ key: "bad key", operator: "In", values: ["a b"] }), [`${REQ}.nodeSelectorTerms[0].matchExpressions[0].key: Invalid value: "bad key": ${LABEL_KEY_NAME}`, `${REQ}.nodeSelectorTerms[0].matchExpressions[0].values[0]: Invalid value: "a b": ${LABEL_VALUE}`]],
    ["matchFields rules", { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.labels", operator: "Exists" }, { key: "metadata.name", operator: "In", values: ["a", "b"] }, { key: "metadata.name", operator: "In", values: ["Bad"] }] }] } } }, [
      `${REQ}.nodeSelectorTerms[0].matchFields[0].operator: Invalid value: "Exists": not a valid selector operator`,
      `${REQ}.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.labels": not a valid field selector key`,
      `${REQ}.nodeSelectorTerms[0].matchFields[1].values: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`,
      `${REQ}.nodeSelectorTerms[0].matchFields[2].values[0]: Invalid value: "Bad": ${SUBDOMAIN}`,
    ]],
    ["preferred weights outside 1-100", { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }, { weight: 101, preference: {} }] } }, [
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].weight: Invalid value: 101: must be in the range 1-100',
    ]],
    ["an empty topologyKey", podTerm({ topologyKey: "" }), [`${PA}.topologyKey: Required value: can not be empty`, `${PA}.topologyKey: Invalid value: "": name part must be non-empty`, `${PA}.topologyKey: Invalid value: "": ${LABEL_KEY_NAME}`]],
    ["a bad namespace and selector", podTerm({ namespaces: ["Prod"], labelSelector: { matchExpressions: [{ key: "app", operator: "In" }] }, namespaceSelector: { matchLabels: { "a b": "c" } } }), [
      `${PA}.labelSelector.matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
      `${PA}.namespaceSelector.matchLabels: Invalid value: "a b": ${LABEL_KEY_NAME}`,
      `${PA}.namespace: Invalid value: "Prod": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]],
    ["matchLabelKeys without a selector, and in both lists", podTerm({ labelSelector: undefined, matchLabelKeys: ["a"] }), [`${PA}.matchLabelKeys: Forbidden: must not be specified when labelSelector is not set`]],
    ["a key in matchLabelKeys and mismatchLabelKeys", podTerm({ matchLabelKeys: ["tenant"], mismatchLabelKeys: ["tenant"] }), [`${PA}.matchLabelKeys[0]: Invalid value: "tenant": exists in both matchLabelKeys and mismatchLabelKeys`]],
    ["anti-affinity weights", { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: -1, podAffinityTerm: { topologyKey: "zone" } }] } }, ["spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: -1: must be in the range 1-100"]],
  ])("reports %s", (_name, affinity, expected) => {
    expect(messages(validateAffinity(affinity, opts(), SPEC.child("affinity")))).toEqual(expected);
  });
});

const T = "spec.tolerations[0]";
describe("validateTolerations", () => {
  it.each<[string, unknown[]]>([
    ["an Equal toleration", [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }]],
    ["match everything", [{ operator: "Exists" }]],
    ["tolerationSeconds with NoExecute", [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }]],
  ])("accepts %s", (_name, tolerations) => {
    expect(messages(validateTolerations(tolerations, SPEC.child("tolerations"), "1.36"))).toEqual([]);
  });

  it.each<[string, unknown[], string[]]>([
    ["Exists with a value", [{ key: "k", operator: "Exists", value: "v" }], [`${T}.operator: Invalid value: "v": value must be empty when \`operator\` is 'Exists'`]],
    ["an empty key without Exists", [{ operator: "Equal" }], [`${T}.operator: Invalid value: "Equal": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`]],
    ["tolerationSeconds without NoExecute", [{ key: "k", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 1 }], [`${T}.effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`]],
    ["a bad key and value", [{ key: "bad key", value: "a b" }], [`${T}.key: Invalid value: "bad key": ${LABEL_KEY_NAME}`, `${T}.operator: Invalid value: "a b": ${LABEL_VALUE}`]],
    ["an unknown operator and effect", [{ key: "k", operator: "In", effect: "NoRun" }], [`${T}.operator: Unsupported value: "In": supported values: "Equal", "Exists"`, `${T}.effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"`]],
    // TaintTolerationComparisonOperators is off: since 1.35 the numeric operators are listed among the supported ones.
    ["Lt while TaintTolerationComparisonOperators is off", [{ key: "k", operator: "Lt", value: "5" }], [`${T}.operator: Unsupported value: "Lt": supported values: "Equal", "Exists", "Lt", "Gt"`]],
  ])("reports %s", (_name, tolerations, expected) => {
    expect(messages(validateTolerations(tolerations, SPEC.child("tolerations"), "1.36"))).toEqual(expected);
  });

  it.each([
    ["1.34", 'Unsupported value: "Gt": supported values: "Equal", "Exists"'],
    ["1.35", 'Unsupported value: "Gt": supported values: "Equal", "Exists", "Lt", "Gt"'],
  ])("reports Gt in %s as that release did", (version, expected) => {
    expect(messages(validateTolerations([{ key: "k", operator: "Gt", value: "5" }], SPEC.child("tolerations"), version))).toEqual([`${T}.operator: ${expected}`]);
  });

  // The value's messages joined with ';', each in the words of the release.
  it.each([
    ["1.34", "characters"],
    ["1.35", "bytes"],
  ])("words a long value with a bad character in %s as that release does", (version, unit) => {
    const value = "v".repeat(63) + "!";
    const errors = validateTolerations([{ key: "k", operator: "Equal", value, effect: "NoSchedule" }], SPEC.child("tolerations"), version);
    expect(errors.map((error) => errorMessage(error, version))).toEqual([`${T}.operator: Invalid value: "${value}": must be no more than 63 ${unit};${LABEL_VALUE}`]);
  });
});

const C = "spec.topologySpreadConstraints";
const constraint = (fields: Record<string, unknown>) => ({ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "a" } }, ...fields });
describe("validateTopologySpreadConstraints", () => {
  it.each<[string, unknown[], string?]>([
    ["two constraints on different keys", [constraint({}), constraint({ topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway" })]],
    ["minDomains, policies and matchLabelKeys", [constraint({ minDomains: 3, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore", matchLabelKeys: ["pod-template-hash"] })]],
    ["a matchLabelKeys key also in matchLabels, not merged (a template, 1.34)", [constraint({ matchLabelKeys: ["app"] })], "1.34"],
  ])("accepts %s", (_name, constraints, version = "1.36") => {
    expect(messages(validateTopologySpreadConstraints(constraints, SPEC.child("topologySpreadConstraints"), opts(version)))).toEqual([]);
  });

  it.each<[string, unknown[], string[], string?]>([
    ["maxSkew 0, no key, an unknown action", [constraint({ maxSkew: 0, topologyKey: "", whenUnsatisfiable: "Never" })], [`${C}[0].maxSkew: Invalid value: 0: must be greater than zero`, `${C}[0].topologyKey: Required value: can not be empty`, `${C}[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"`]],
    ["a repeated pair", [constraint({}), constraint({})], [`${C}[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"`]],
    ["minDomains 0 with ScheduleAnyway", [constraint({ minDomains: 0, whenUnsatisfiable: "ScheduleAnyway" })], [`${C}[0].minDomains: Invalid value: 0: must be greater than zero`, `${C}[0].minDomains: Invalid value: 0: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway`]],
    ["unknown node policies", [constraint({ nodeAffinityPolicy: "Always", nodeTaintsPolicy: "" })], [`${C}[0].nodeAffinityPolicy: Unsupported value: "Always": supported values: "Honor", "Ignore"`, `${C}[0].nodeTaintsPolicy: Unsupported value: "": supported values: "Honor", "Ignore"`]],
    ["matchLabelKeys in the selector, or without one (1.33: ValidateMatchLabelKeysInTopologySpread)", [constraint({ matchLabelKeys: ["app"] }), constraint({ topologyKey: "host", labelSelector: undefined, matchLabelKeys: ["x"] })], [`${C}[0].matchLabelKeys[0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`, `${C}[1].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set`], "1.33"],
    ["matchLabelKeys without a selector, a bad key (1.34: validated as merged)", [constraint({ labelSelector: undefined, matchLabelKeys: ["x"] }), constraint({ topologyKey: "host", matchLabelKeys: ["a b"] })], [`${C}[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set`, `${C}[1].matchLabelKeys[0]: Invalid value: "a b": ${LABEL_KEY_NAME}`], "1.34"],
    ["a matchLabelKeys key already twice in the selector, as a merge leaves it (1.34)", [constraint({ labelSelector: { matchLabels: { app: "a" }, matchExpressions: [{ key: "app", operator: "In", values: ["a"] }] }, matchLabelKeys: ["app"] })], [`${C}[0][0]: Invalid value: "app": exists in both matchLabelKeys and labelSelector`], "1.34"],
    ["a bad selector", [constraint({ labelSelector: { matchExpressions: [{ key: "app", operator: "Exists", values: ["a"] }] } })], [`${C}[0].labelSelector.matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`]],
  ])("reports %s", (_name, constraints, expected, version = "1.36") => {
    expect(messages(validateTopologySpreadConstraints(constraints, SPEC.child("topologySpreadConstraints"), opts(version)))).toEqual(expected);
  });
});

describe("validatePodDNSConfig and validateHostAliases", () => {
  it.each<[string, unknown, string, string?]>([
    ["None with nameservers", { nameservers: ["10.0.0.10", "2001:db8::1"], searches: ["svc.cluster.local."], options: [{ name: "ndots", value: "2" }] }, "None"],
    ["no config with ClusterFirst", undefined, "ClusterFirst"],
    ["underscores and `.` in searches since 1.33", { searches: ["_srv.example.com", "."] }, "ClusterFirst"],
    ["a nameserver with leading zeros before 1.36", { nameservers: ["010.0.0.1"] }, "ClusterFirst", "1.35"],
  ])("accepts %s", (_name, config, policy, version = "1.36") => {
    expect(messages(validatePodDNSConfig(config, policy, SPEC.child("dnsConfig"), opts(version)))).toEqual([]);
  });

  it.each<[string, unknown, string, string[], string?]>([
    ["None without config", undefined, "None", ["spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"]],
    ["None without nameservers", { searches: ["a"] }, "None", ["spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None"]],
    ["four nameservers, one not an IP", { nameservers: ["1.1.1.1", "8.8.8.8", "9.9.9.9", "dns"] }, "ClusterFirst", ['spec.dnsConfig.nameservers: Invalid value: ["1.1.1.1","8.8.8.8","9.9.9.9","dns"]: must not have more than 3 nameservers', 'spec.dnsConfig.nameservers[3]: Invalid value: "dns": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    ["an underscore in a search before 1.33", { searches: ["_srv.example.com"] }, "ClusterFirst", [`spec.dnsConfig.searches[0]: Invalid value: "_srv.example.com": ${SUBDOMAIN}`], "1.32"],
    ["an option without name", { options: [{ value: "1" }] }, "ClusterFirst", ["spec.dnsConfig.options[0]: Required value: must not be empty"]],
    ["a nameserver with leading zeros, strict from 1.36", { nameservers: ["010.0.0.1"] }, "ClusterFirst", ['spec.dnsConfig.nameservers[0]: Invalid value: "010.0.0.1": must not have leading 0s']],
    ["too many searches", { searches: Array.from({ length: 33 }, (_, i) => `s${i}`) }, "ClusterFirst", [`spec.dnsConfig.searches: Invalid value: []string{${Array.from({ length: 33 }, (_, i) => `"s${i}"`).join(", ")}}: must not have more than 32 search paths`], "1.33"],
  ])("reports %s", (_name, config, policy, expected, version = "1.36") => {
    expect(messages(validatePodDNSConfig(config, policy, SPEC.child("dnsConfig"), opts(version)))).toEqual(expected);
  });

  it("checks host alias IPs and host names", () => {
    expect(messages(validateHostAliases([{ ip: "10.0.0.1", hostnames: ["db.local"] }, { ip: "300.1.1.1", hostnames: ["Bad_Name"] }], SPEC.child("hostAliases"), opts()))).toEqual([
      'spec.hostAliases[1].ip: Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      `spec.hostAliases[1].hostnames[0]: Invalid value: "Bad_Name": ${SUBDOMAIN}`,
    ]);
  });
});

describe("validateReadinessGates and validateSchedulingGates", () => {
  it("accepts qualified names", () => {
    expect(messages(validateReadinessGates([{ conditionType: "example.com/ready" }], SPEC.child("readinessGates")))).toEqual([]);
    expect(messages(validateSchedulingGates([{ name: "example.com/quota" }], SPEC.child("schedulingGates")))).toEqual([]);
  });

  it("reports bad and repeated names", () => {
    expect(messages(validateReadinessGates([{ conditionType: "bad type" }], SPEC.child("readinessGates")))).toEqual([`spec.readinessGates[0].conditionType: Invalid value: "bad type": ${LABEL_KEY_NAME}`]);
    expect(messages(validateSchedulingGates([{ name: "a" }, { name: "a" }, { name: "" }], SPEC.child("schedulingGates")))).toEqual([
      'spec.schedulingGates[1]: Duplicate value: "a"',
      'spec.schedulingGates[2]: Invalid value: "": name part must be non-empty',
      `spec.schedulingGates[2]: Invalid value: "": ${LABEL_KEY_NAME}`,
    ]);
  });
});
