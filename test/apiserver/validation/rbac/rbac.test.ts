import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";
import { SUBDOMAIN } from "../../../rules/messages.js";

const role = (kind: "Role" | "ClusterRole", ...lines: string[]) =>
  yaml("apiVersion: rbac.authorization.k8s.io/v1", `kind: ${kind}`, kind === "Role" ? "metadata: {name: r, namespace: ns}" : "metadata: {name: r}", ...lines);
const binding = (kind: "RoleBinding" | "ClusterRoleBinding", ...lines: string[]) =>
  yaml("apiVersion: rbac.authorization.k8s.io/v1", `kind: ${kind}`, kind === "RoleBinding" ? "metadata: {name: b, namespace: ns}" : "metadata: {name: b}", ...lines);

describe("RBAC validation", () => {
  it.each([
    ["a role with resource rules", role("Role", "rules: [{apiGroups: [''], resources: [pods], verbs: [get, list]}]")],
    ["a role without rules", role("Role")],
    ["a cluster role with non-resource URLs", role("ClusterRole", "rules: [{nonResourceURLs: [/healthz, '/metrics/*'], verbs: [get]}]")],
    ["an aggregated cluster role", role("ClusterRole", "aggregationRule: {clusterRoleSelectors: [{matchLabels: {rbac.example.com/aggregate-to-view: 'true'}}]}")],
    ["a role named with colons", yaml("apiVersion: rbac.authorization.k8s.io/v1", "kind: ClusterRole", "metadata: {name: 'system:controller:foo'}")],
    [
      "a binding with every subject kind, the API groups defaulted",
      binding("RoleBinding", "roleRef: {kind: ClusterRole, name: view}", "subjects: [{kind: ServiceAccount, name: default}, {kind: User, name: 'alice@example.com'}, {kind: Group, name: 'system:authenticated', apiGroup: ''}]"),
    ],
    ["a cluster binding to a namespaced service account", binding("ClusterRoleBinding", "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: 'system:auth'}", "subjects: [{kind: ServiceAccount, name: sa, namespace: kube-system}]")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    [
      "a rule without verbs, groups or resources",
      role("Role", "rules: [{resourceNames: [x]}]"),
      [
        "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
        "rules[0].resources: Required value: resource rules must supply at least one resource",
        "rules[0].verbs: Required value: verbs must contain at least one value",
      ],
    ],
    [
      "non-resource URLs in a namespaced role, beside resources",
      role("Role", "rules: [{nonResourceURLs: [/healthz], resources: [pods], verbs: [get]}]"),
      [
        'rules[0].nonResourceURLs: Invalid value: ["/healthz"]: namespaced rules cannot apply to non-resource URLs',
        'rules[0].nonResourceURLs: Invalid value: ["/healthz"]: rules cannot apply to both regular resources and non-resource URLs',
      ],
    ],
    [
      "non-resource URLs beside resources, printed with Go syntax before 1.34",
      role("ClusterRole", "rules: [{nonResourceURLs: [/a, /b], apiGroups: [''], verbs: [get]}]"),
      ['rules[0].nonResourceURLs: Invalid value: []string{"/a", "/b"}: rules cannot apply to both regular resources and non-resource URLs'],
      "1.33",
    ],
    [
      "an aggregation rule without selectors",
      role("ClusterRole", "aggregationRule: {clusterRoleSelectors: []}"),
      ["aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil"],
    ],
    [
      "an aggregation rule with a bad selector",
      role("ClusterRole", "aggregationRule: {clusterRoleSelectors: [{matchExpressions: [{key: a, operator: Exists, values: [x]}]}]}"),
      [
        "aggregationRule.clusterRoleSelectors[0]: Invalid value: null: invalid label selector.",
        "aggregationRule.clusterRoleSelectors[0].matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    ],
    [
      "a binding to an unknown role kind in another group, without a name",
      binding("RoleBinding", "roleRef: {apiGroup: example.com, kind: Policy, name: ''}"),
      [
        'roleRef.apiGroup: Unsupported value: "example.com": supported values: "rbac.authorization.k8s.io"',
        'roleRef.kind: Unsupported value: "Policy": supported values: "Role", "ClusterRole"',
        "roleRef.name: Required value",
      ],
    ],
    [
      "a cluster binding to a Role",
      binding("ClusterRoleBinding", "roleRef: {kind: Role, name: r}"),
      ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"'],
    ],
    [
      "a role name with a slash",
      binding("RoleBinding", "roleRef: {kind: Role, name: a/b}"),
      ["roleRef.name: Invalid value: \"a/b\": may not contain '/'"],
    ],
    [
      "subjects of unknown kind, without name, with a bad service account",
      binding("ClusterRoleBinding", "roleRef: {kind: ClusterRole, name: view}", "subjects: [{kind: Robot, name: r}, {kind: User}, {kind: ServiceAccount, name: My_SA, apiGroup: v1}, {kind: Group, name: g, apiGroup: example.com}]"),
      [
        'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
        "subjects[1].name: Required value",
        `subjects[2].name: Invalid value: "My_SA": ${SUBDOMAIN}`,
        'subjects[2].apiGroup: Unsupported value: "v1": supported values: ""',
        "subjects[2].namespace: Required value",
        'subjects[3].apiGroup: Unsupported value: "example.com": supported values: "rbac.authorization.k8s.io"',
      ],
    ],
  ])("reports %s", (_name, text, expected, version = "1.36") => {
    expect(createPathMessages(text, version).sort()).toEqual([...expected].sort());
  });
});
