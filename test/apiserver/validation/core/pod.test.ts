import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { LABEL, SUBDOMAIN } from "../../../rules/messages.js";

/** A Pod whose spec is the given lines (indented under `spec:`). */
const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...spec.map((line) => "  " + line));
const container = "containers: [{name: app, image: nginx:1.27}]";

describe("validatePodSpec: pod-level fields", () => {
  it.each([
    ["a minimal pod", pod(container)],
    ["every restart policy", pod(container, "restartPolicy: OnFailure")],
    ["a DNS policy", pod(container, "dnsPolicy: ClusterFirstWithHostNet")],
    ["valid names", pod(container, "serviceAccountName: my-sa", "nodeName: node-1.example", "priorityClassName: high", "runtimeClassName: gvisor", "hostname: web-0", "subdomain: web")],
    ["activeDeadlineSeconds of 1", pod(container, "activeDeadlineSeconds: 1")],
    ["a preemption policy", pod(container, "preemptionPolicy: Never")],
    ["image pull secrets by name", pod(container, "imagePullSecrets: [{name: regcred}]")],
    ["hostUsers false alone", pod(container, "hostUsers: false")],
    ["a PodTemplate", yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    " + container)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["no containers", pod("restartPolicy: Always"), ["spec.containers: Required value"]],
    ["an unknown restart policy", pod(container, "restartPolicy: Sometimes"), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ["an unknown DNS policy", pod(container, "dnsPolicy: Cluster"), ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
    ["a bad service account name", pod(container, "serviceAccountName: My_SA"), [`spec.serviceAccountName: Invalid value: "My_SA": ${SUBDOMAIN}`]],
    ["a bad node name", pod(container, "nodeName: Node_1"), [`spec.nodeName: Invalid value: "Node_1": ${SUBDOMAIN}`]],
    ["activeDeadlineSeconds of 0", pod(container, "activeDeadlineSeconds: 0"), ["spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"]],
    ["a hostname with dots", pod(container, "hostname: web.example"), ['spec.hostname: Invalid value: "web.example": must not contain dots']],
    ["a bad priority class name", pod(container, "priorityClassName: High"), [`spec.priorityClassName: Invalid value: "High": ${SUBDOMAIN}`]],
    ["an empty runtime class name", pod(container, 'runtimeClassName: ""'), [`spec.runtimeClassName: Invalid value: "": ${SUBDOMAIN}`]],
    ["an unknown preemption policy", pod(container, "preemptionPolicy: Sometimes"), ['spec.preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"']],
    ["an image pull secret with more than a name", pod(container, "imagePullSecrets: [{name: regcred, namespace: x}]"), ['spec.imagePullSecrets[0]: Invalid value: {"name":"regcred","namespace":"x"}: only name may be set']],
    [
      "hostUsers false with host namespaces",
      pod(container, "hostUsers: false", "hostNetwork: true", "hostPID: true", "hostIPC: true"),
      // Findings come in the order of their lines.
      ["spec.HostPID: Forbidden: when `hostUsers` is false", "spec.HostIPC: Forbidden: when `hostUsers` is false", "spec.hostNetwork: Forbidden: when `hostUsers` is false"],
    ],
    [
      "hostUsers false with a block device",
      pod("hostUsers: false", "volumes: [{name: raw, persistentVolumeClaim: {claimName: c}}]", "containers: [{name: app, image: x, volumeDevices: [{name: raw, devicePath: /dev/xvda}]}]"),
      ["spec.containers[0].volumeDevices: Forbidden: when `hostUsers` is false"],
    ],
    ["a node name with scheduling gates", pod(container, "nodeName: node-1", "schedulingGates: [{name: example.com/gate}]"), ["spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared"]],
    [
      "a projected token without a service account",
      pod(container, 'serviceAccountName: ""', "volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: token}}]}}]"),
      ["spec.volumes[0].projected.sources[0].serviceAccountToken: Forbidden: must not be specified when serviceAccountName is not set"],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("places an error at its field", () => {
    expect(createPath(pod(container, "restartPolicy: Sometimes"))).toEqual([
      { severity: "error", line: 6, column: 18, message: 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"' },
    ]);
  });
});

describe("ephemeral containers", () => {
  it("are refused on create", () => {
    const text = pod(container, "ephemeralContainers: [{name: debug, image: busybox}]");
    expect(createPathMessages(text)).toEqual(["spec.ephemeralContainers: Forbidden: cannot be set on create"]);
  });

  it("are refused in any pod template", () => {
    const text = yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    " + container, "    ephemeralContainers: [{name: debug, image: busybox, ports: [{containerPort: 80}]}]");
    expect(createPathMessages(text)).toEqual([
      "template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template",
      "template.spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container",
    ]);
  });

  it("let an ephemeral container leave its resources empty", () => {
    const text = yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    " + container, "    ephemeralContainers: [{name: debug, image: busybox, resources: {}}]");
    expect(createPathMessages(text)).toEqual(["template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"]);
  });
});

describe("hostNetwork and host ports", () => {
  it("defaults a Pod's host ports to its container ports", () => {
    expect(createPath(pod("hostNetwork: true", "containers: [{name: app, image: nginx, ports: [{containerPort: 80}]}]"))).toEqual([]);
  });

  it.each([
    ["a Pod", pod("hostNetwork: true", "containers: [{name: app, image: nginx, ports: [{containerPort: 80, hostPort: 81}]}]"), "spec"],
    ["a PodTemplate", yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    hostNetwork: true", "    containers: [{name: app, image: nginx, ports: [{containerPort: 80, hostPort: 81}]}]"), "template.spec"],
  ])("reports a host port other than the container port in %s", (_name, text, prefix) => {
    expect(createPathMessages(text)).toEqual([`${prefix}.containers[0].ports[0].hostPort: Invalid value: 81: must match \`containerPort\` when \`hostNetwork\` is true`]);
  });

  it("lets a template leave the host port to the Pod's defaulting", () => {
    const text = yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", "    hostNetwork: true", "    containers: [{name: app, image: nginx, ports: [{containerPort: 80}]}]");
    expect(createPathMessages(text)).toEqual([]);
  });
});

describe("container names", () => {
  it.each([
    ["an empty name", pod("containers: [{name: '', image: nginx}]"), ["spec.containers[0].name: Required value"]],
    ["a name with capitals", pod("containers: [{name: App, image: nginx}]"), [`spec.containers[0].name: Invalid value: "App": ${LABEL}`]],
    ["the same name twice", pod("containers: [{name: app, image: nginx}, {name: app, image: nginx}]"), ['spec.containers[1].name: Duplicate value: "app"']],
    ["an init container named as a container", pod(container, "initContainers: [{name: app, image: busybox}]"), ['spec.initContainers[0].name: Duplicate value: "app"']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("validatePodResourceClaims", () => {
  it.each([
    ["a claim and a template", pod(container, "resourceClaims: [{name: gpu, resourceClaimName: my-gpu}, {name: tpu, resourceClaimTemplateName: tpu-template}]")],
    // DynamicResourceAllocation is off before 1.34: the claims and the containers' references are dropped.
    ["a claim without source in 1.33, dropped", pod("resourceClaims: [{name: a}]", "containers: [{name: app, image: x, resources: {claims: [{name: missing}]}}]"), "1.33"],
    ["an init container's unknown claim in 1.30, dropped", pod(container, "initContainers: [{name: init, image: x, resources: {claims: [{name: missing}]}}]"), "1.30"],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPath(text, version)).toEqual([]);
  });

  it("reports a container's unknown claim from 1.34, when DynamicResourceAllocation is on", () => {
    const text = pod("resourceClaims: [{name: gpu, resourceClaimName: my-gpu}]", "containers: [{name: app, image: x, resources: {claims: [{name: missing}]}}]");
    expect(createPathMessages(text, "1.34")).toEqual(['spec.containers[0].resources.claims[0]: Not found: "missing": must be one of the names in pod.spec.resourceClaims: gpu']);
  });

  it.each([
    ["a claim without a name", pod(container, "resourceClaims: [{resourceClaimName: c}]"), ["spec.resourceClaims[0].name: Required value"]],
    ["a name twice", pod(container, "resourceClaims: [{name: a, resourceClaimName: c}, {name: a, resourceClaimName: d}]"), ['spec.resourceClaims[1].name: Duplicate value: "a"']],
    ["a claim with both sources", pod(container, "resourceClaims: [{name: a, resourceClaimName: c, resourceClaimTemplateName: t}]"), ['spec.resourceClaims[0]: Invalid value: {"name":"a","resourceClaimName":"c","resourceClaimTemplateName":"t"}: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified']],
    ["a claim without source", pod(container, "resourceClaims: [{name: a}]"), ['spec.resourceClaims[0]: Invalid value: {"name":"a"}: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("validateHostUsers before 1.34", () => {
  it("names the field pod.Spec.HostUsers and lets block devices be", () => {
    const text = pod("hostUsers: false", "hostPID: true", "volumes: [{name: raw, persistentVolumeClaim: {claimName: c}}]", "containers: [{name: app, image: x, volumeDevices: [{name: raw, devicePath: /dev/xvda}]}]");
    expect(createPathMessages(text, "1.33")).toEqual(["spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false"]);
  });
});

describe("validatePodHostName (HostnameOverride, on from 1.35)", () => {
  it.each([
    ["a fully qualified hostname", pod(container, "hostnameOverride: web-0.shop.example.com"), "1.36"],
    ["a hostname of 64 bytes", pod(container, `hostnameOverride: ${"a".repeat(64)}`), "1.36"],
    // 1.34 drops the field while its gate is off.
    ["any override in 1.34, dropped", pod(container, "hostnameOverride: Not_A_Name", "hostNetwork: true"), "1.34"],
  ])("accepts %s", (_name, text, version) => {
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    ["an override with setHostnameAsFQDN", pod(container, "hostnameOverride: web", "setHostnameAsFQDN: true"), ["spec.hostnameOverride: Forbidden: may not be specified when setHostnameAsFQDN is true"]],
    ["an override with hostNetwork", pod(container, "hostnameOverride: web", "hostNetwork: true"), ["spec.hostnameOverride: Forbidden: may not be specified when hostNetwork is true"]],
    ["a 65-byte override", pod(container, `hostnameOverride: ${"a".repeat(65)}`), ["spec.hostnameOverride: Too long: may not be more than 64 bytes"]],
    ["an override that is no DNS subdomain", pod(container, "hostnameOverride: Web_0"), [`spec.hostnameOverride: Invalid value: "Web_0": ${SUBDOMAIN}`]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text, "1.36")).toEqual(expected);
  });
});
