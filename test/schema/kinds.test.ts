// Kinds a release serves, and the findings for those it does not.
import { describe, expect, test } from "vitest";
import { createSchemaValidator, DEFAULT_KUBERNETES_VERSION, SUPPORTED_VERSIONS } from "../../src/schema/index.js";
import { brief, findingsOf, validatorFor } from "./helpers.js";

const object = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;

describe("supported versions", () => {
  test("1.30 to 1.36, 1.36 by default", () => {
    expect(SUPPORTED_VERSIONS).toEqual(["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"]);
    expect(DEFAULT_KUBERNETES_VERSION).toBe("1.36");
  });

  test.each(["v1.33", "1.33.4", " 1.33 "])("%j names release 1.33", (version) => {
    expect(createSchemaValidator({ kubernetesVersion: version }).hasKind("resource.k8s.io/v1alpha3", "DeviceClass")).toBe(true);
  });

  test.each(["1.29", "1.37", "latest", ""])("%j is refused with the list of supported versions", (version) => {
    expect(() => createSchemaValidator({ kubernetesVersion: version })).toThrow(
      `unsupported Kubernetes version ${JSON.stringify(version)}: supported versions are 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36`,
    );
  });
});

describe("hasKind and isNamespaced", () => {
  const cases: Array<[string, string, string, boolean, boolean | undefined]> = [
    ["1.36", "apps/v1", "Deployment", true, true],
    ["1.36", "v1", "Namespace", true, false],
    ["1.36", "v1", "Node", true, false],
    ["1.36", "rbac.authorization.k8s.io/v1", "ClusterRole", true, false],
    ["1.36", "v1", "Binding", true, true],
    ["1.36", "v1", "Deployment", false, undefined],
    ["1.36", "extensions/v1beta1", "Ingress", false, undefined],
    ["1.30", "flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", true, false],
    ["1.32", "flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", false, undefined],
    ["1.30", "admissionregistration.k8s.io/v1", "MutatingAdmissionPolicy", false, undefined],
    ["1.36", "admissionregistration.k8s.io/v1", "MutatingAdmissionPolicy", true, false],
    ["1.36", "cert-manager.io/v1", "Certificate", false, undefined],
  ];
  test.each(cases)("%s %s %s: served %s, namespaced %s", (version, apiVersion, kind, served, namespaced) => {
    const validator = validatorFor(version);
    expect(validator.hasKind(apiVersion, kind)).toBe(served);
    expect(validator.isNamespaced(apiVersion, kind)).toBe(namespaced);
  });
});

describe("unknown kinds", () => {
  const cases: Array<{ name: string; yaml: string; version?: string; expected: ReturnType<typeof brief>[] }> = [
    {
      name: "Prod → Pod",
      yaml: object("v1", "Prod"),
      expected: [{ rule: "schema/unknown-kind", line: 2, column: 7, message: 'kind: no matches for kind "Prod" in version "v1" (did you mean "Pod"?)', suggestion: "Pod" }],
    },
    {
      name: "ReplicationContoller → ReplicationController",
      yaml: object("v1", "ReplicationContoller"),
      expected: [{ rule: "schema/unknown-kind", line: 2, column: 7, message: 'kind: no matches for kind "ReplicationContoller" in version "v1" (did you mean "ReplicationController"?)', suggestion: "ReplicationController" }],
    },
    {
      name: "configMap → ConfigMap",
      yaml: object("v1", "configMap"),
      expected: [{ rule: "schema/unknown-kind", line: 2, column: 7, message: 'kind: no matches for kind "configMap" in version "v1" (did you mean "ConfigMap"?)', suggestion: "ConfigMap" }],
    },
    {
      name: "Deploymnet → Deployment",
      yaml: object("apps/v1", "Deploymnet"),
      expected: [{ rule: "schema/unknown-kind", line: 2, column: 7, message: 'kind: no matches for kind "Deploymnet" in version "apps/v1" (did you mean "Deployment"?)', suggestion: "Deployment" }],
    },
    {
      name: "a kind typo under the wrong apiVersion says where the kind is served",
      yaml: object("v1", "Deploymnet"),
      expected: [{ rule: "schema/unknown-kind", line: 2, column: 7, message: 'kind: no matches for kind "Deploymnet" in version "v1" (did you mean "Deployment"? it is served as "apps/v1")', suggestion: "Deployment" }],
    },
    {
      name: "v1 ReplicaSet → apps/v1",
      yaml: object("v1", "ReplicaSet"),
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "ReplicaSet" in version "v1" (ReplicaSet is served as "apps/v1")', suggestion: "apps/v1" }],
    },
    {
      name: "apps/v1 Service → v1",
      yaml: object("apps/v1", "Service"),
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "Service" in version "apps/v1" (Service is served as "v1")', suggestion: "v1" }],
    },
    {
      name: "a typo in the group of a built-in kind",
      yaml: object("app/v1", "Deployment"),
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "Deployment" in version "app/v1" (Deployment is served as "apps/v1")', suggestion: "apps/v1" }],
    },
    {
      name: "an unknown version of a built-in group",
      yaml: object("apps/v2", "Sidecar"),
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "Sidecar" in version "apps/v2" (did you mean "apps/v1"?)', suggestion: "apps/v1" }],
    },
    {
      name: "extensions/v1beta1 Ingress was removed in 1.22",
      yaml: object("extensions/v1beta1", "Ingress"),
      expected: [{ rule: "schema/removed-api", line: 1, column: 13, message: 'apiVersion: no matches for kind "Ingress" in version "extensions/v1beta1": extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use "networking.k8s.io/v1"', suggestion: "networking.k8s.io/v1" }],
    },
    {
      name: "apps/v1beta2 Deployment was removed in 1.16",
      yaml: object("apps/v1beta2", "Deployment"),
      expected: [{ rule: "schema/removed-api", line: 1, column: 13, message: 'apiVersion: no matches for kind "Deployment" in version "apps/v1beta2": apps/v1beta2 Deployment was removed in Kubernetes 1.16; use "apps/v1"', suggestion: "apps/v1" }],
    },
    {
      name: "batch/v1beta1 CronJob was removed in 1.25",
      yaml: object("batch/v1beta1", "CronJob"),
      expected: [{ rule: "schema/removed-api", line: 1, column: 13, message: 'apiVersion: no matches for kind "CronJob" in version "batch/v1beta1": batch/v1beta1 CronJob was removed in Kubernetes 1.25; use "batch/v1"', suggestion: "batch/v1" }],
    },
    {
      name: "autoscaling/v2beta2 was removed in 1.26",
      yaml: object("autoscaling/v2beta2", "HorizontalPodAutoscaler"),
      expected: [{ rule: "schema/removed-api", line: 1, column: 13, message: 'apiVersion: no matches for kind "HorizontalPodAutoscaler" in version "autoscaling/v2beta2": autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26; use "autoscaling/v2"', suggestion: "autoscaling/v2" }],
    },
    {
      name: "PodSecurityPolicy has no replacement",
      yaml: object("policy/v1beta1", "PodSecurityPolicy"),
      expected: [{ rule: "schema/removed-api", line: 1, column: 13, message: 'apiVersion: no matches for kind "PodSecurityPolicy" in version "policy/v1beta1": policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25 (Pod Security Admission replaces it)' }],
    },
    {
      name: "extensions PodSecurityPolicy follows its replacement's removal",
      yaml: object("extensions/v1beta1", "PodSecurityPolicy"),
      expected: [{ rule: "schema/removed-api", line: 1, column: 13, message: 'apiVersion: no matches for kind "PodSecurityPolicy" in version "extensions/v1beta1": extensions/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.16 (Pod Security Admission replaces it)' }],
    },
    {
      name: "a removed kind written with a version it never had names the kind's removal, not the nearest kind",
      yaml: object("policy/v1", "PodSecurityPolicy"),
      expected: [
        {
          rule: "schema/removed-api",
          line: 1,
          column: 13,
          message: 'apiVersion: no matches for kind "PodSecurityPolicy" in version "policy/v1": PodSecurityPolicy was removed in Kubernetes 1.25 (its last version was policy/v1beta1; Pod Security Admission replaces it)',
        },
      ],
    },
    {
      name: "a removed kind in another group: its last removal",
      yaml: object("apps/v1", "PodSecurityPolicy"),
      expected: [
        {
          rule: "schema/removed-api",
          line: 1,
          column: 13,
          message: 'apiVersion: no matches for kind "PodSecurityPolicy" in version "apps/v1": PodSecurityPolicy was removed in Kubernetes 1.25 (its last version was policy/v1beta1; Pod Security Admission replaces it)',
        },
      ],
    },
    {
      name: "a kind still served elsewhere is not called removed",
      yaml: object("policy/v1", "Ingress"),
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "Ingress" in version "policy/v1" (Ingress is served as "networking.k8s.io/v1")', suggestion: "networking.k8s.io/v1" }],
    },
    {
      name: "flowcontrol v1beta2 was removed in 1.29",
      yaml: object("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema"),
      version: "1.30",
      expected: [{ rule: "schema/removed-api", line: 1, column: 13, message: 'apiVersion: no matches for kind "FlowSchema" in version "flowcontrol.apiserver.k8s.io/v1beta2": flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema was removed in Kubernetes 1.29; use "flowcontrol.apiserver.k8s.io/v1"', suggestion: "flowcontrol.apiserver.k8s.io/v1" }],
    },
    {
      name: "flowcontrol v1beta3 is deprecated in 1.31 and removed in 1.32",
      yaml: object("flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration"),
      version: "1.31",
      expected: [{ rule: "schema/deprecated-api", line: 1, column: 13, message: "flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration is deprecated, unavailable in v1.32+; use flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration", suggestion: "flowcontrol.apiserver.k8s.io/v1" }],
    },
    {
      name: "v1 Endpoints warns from 1.33",
      yaml: object("v1", "Endpoints"),
      version: "1.33",
      expected: [{ rule: "schema/deprecated-api", line: 1, column: 13, message: "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice", suggestion: "discovery.k8s.io/v1" }],
    },
    {
      name: "v1 Endpoints is fine in 1.32",
      yaml: object("v1", "Endpoints"),
      version: "1.32",
      expected: [],
    },
    {
      name: "an apiVersion served only by later releases",
      yaml: object("admissionregistration.k8s.io/v1", "MutatingAdmissionPolicy"),
      version: "1.34",
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "MutatingAdmissionPolicy" in version "admissionregistration.k8s.io/v1": it is served from Kubernetes 1.36 (target: 1.34); Kubernetes 1.34 serves it as "admissionregistration.k8s.io/v1beta1"', suggestion: "admissionregistration.k8s.io/v1beta1" }],
    },
    {
      name: "a custom resource without its schema",
      yaml: object("cert-manager.io/v1", "Certificate"),
      expected: [{ rule: "schema/missing-schema", line: 2, column: 7, message: "could not find schema for Certificate" }],
    },
  ];

  test.each(cases)("$name", ({ yaml, version, expected }) => {
    expect(findingsOf(yaml, version === undefined ? {} : { version }).map(brief)).toEqual(expected);
  });

  test("a deprecation warning has the warning severity; the object is still validated", () => {
    const findings = findingsOf(`${object("v1", "Endpoints")}subsets:\n  - adresses: []\n`, { version: "1.36" });
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ["warning", "schema/deprecated-api"],
      ["error", "schema/unknown-field"],
    ]);
  });

  test("ignoreMissingSchemas silences custom resources only", () => {
    expect(findingsOf(object("cert-manager.io/v1", "Certificate"), { ignoreMissingSchemas: true })).toEqual([]);
    expect(findingsOf(object("v1", "Prod"), { ignoreMissingSchemas: true }).map((f) => f.rule)).toEqual(["schema/unknown-kind"]);
  });
});
