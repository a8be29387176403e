import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../helpers.js";

const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...spec.map((line) => "  " + line));
const template = (...spec: string[]) => yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  spec:", ...spec.map((line) => "    " + line));

describe("GetWarningsForPod and GetWarningsForPodTemplate", () => {
  it.each([
    ["a plain pod", pod("containers: [{name: app, image: x, ports: [{containerPort: 80}], env: [{name: A, value: a}]}]")],
    ["an env variable redefined from itself", pod("containers: [{name: app, image: x, env: [{name: PATH, value: /a}, {name: PATH, value: '$(PATH):/b'}]}]")],
    ["the same containerPort with different protocols", pod("containers: [{name: dns, image: x, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]}]")],
  ])("has no warning for %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "the same containerPort twice in a container",
      pod("containers: [{name: app, image: x, ports: [{containerPort: 80}, {containerPort: 80}]}]"),
      ["spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]"],
    ],
    [
      "the same containerPort in two containers of a template, one with a hostPort",
      template("containers: [{name: a, image: x, ports: [{containerPort: 9090}]}, {name: b, image: x, ports: [{containerPort: 9090, hostPort: 9090}]}]"),
      ["template.spec.containers[1].ports[0]: overlapping port definition with template.spec.containers[0].ports[0]"],
    ],
    ["a hostIP without hostPort", pod("containers: [{name: app, image: x, ports: [{containerPort: 80, hostIP: 10.0.0.1}]}]"), ["spec.containers[0].ports[0]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:TCP HostIP:10.0.0.1}"]],
    ["an env variable redefined", pod("containers: [{name: app, image: x, env: [{name: A, value: a}, {name: A, value: b}]}]"), ['spec.containers[0].env[1]: hides previous definition of "A", which may be dropped when using apply']],
    ["a fractional memory request", pod("containers: [{name: app, image: x, resources: {requests: {memory: 100m}}}]"), ['spec.containers[0].resources.requests[memory]: fractional byte value "100m" is invalid, must be an integer']],
    ["a deprecated node label", pod("containers: [{name: app, image: x}]", "nodeSelector: {beta.kubernetes.io/os: linux}"), ['spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead']],
    ["a negative grace period", pod("containers: [{name: app, image: x}]", "terminationGracePeriodSeconds: -1"), ["spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1"]],
    ["an image pull secret twice", pod("containers: [{name: app, image: x}]", "imagePullSecrets: [{name: a}, {name: a}]"), ['spec.imagePullSecrets[1].name: duplicate name "a"']],
    ["a gitRepo volume", pod("containers: [{name: app, image: x}]", "volumes: [{name: src, gitRepo: {repository: r}}]"), ["spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+"]],
    [
      "a seccomp annotation without field",
      yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p, annotations: {seccomp.security.alpha.kubernetes.io/pod: runtime/default}}", "spec: {containers: [{name: app, image: x}]}"),
      ['metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead'],
    ],
    [
      "an AppArmor annotation of a template",
      yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  metadata: {annotations: {container.apparmor.security.beta.kubernetes.io/app: runtime/default}}", "  spec: {containers: [{name: app, image: x}]}"),
      ['template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead'],
    ],
    [
      "an AppArmor annotation of a Pod (copied into the field)",
      yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p, annotations: {container.apparmor.security.beta.kubernetes.io/app: runtime/default}}", "spec: {containers: [{name: app, image: x}]}"),
      ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead'],
    ],
  ])("warns about %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("reports warnings as apiserver/warning findings at their field", () => {
    expect(createPath(pod("containers:", "- name: app", "  image: x", "  ports: [{containerPort: 80}, {containerPort: 80}]"))).toEqual([
      { severity: "warning", line: 8, column: 34, message: "spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]" },
    ]);
  });
});

describe("the Pod strategy's PrepareForCreate", () => {
  it("copies an AppArmor annotation into the field, which then must agree", () => {
    const text = yaml(
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: p, annotations: {container.apparmor.security.beta.kubernetes.io/app: 'localhost/ '}}",
      "spec: {containers: [{name: app, image: x}]}",
    );
    // `localhost/ ` gives no valid field: nothing is copied, only the warning remains.
    expect(createPathMessages(text)).toEqual(['metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead']);
  });

  it("drops a procMount before the release that turned ProcMountType on", () => {
    const text = pod("containers: [{name: app, image: x, securityContext: {procMount: Unmasked}}]");
    expect(createPathMessages(text, "1.32")).toEqual([]);
    expect(createPathMessages(text, "1.33")).toEqual(['spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`']);
  });

  // ClusterTrustBundleProjection and PodCertificateRequest are off by default in
  // every supported release: the source's field goes, an empty source stays,
  // which 1.32 on warns about, and its path overlaps nothing.
  const projected = (...sources: string[]) =>
    pod("serviceAccountName: app", "containers: [{name: app, image: x, volumeMounts: [{name: creds, mountPath: /creds}]}]", `volumes: [{name: creds, projected: {sources: [${sources.join(", ")}]}}]`);
  const TOKEN = "{serviceAccountToken: {path: token}}";
  const BUNDLE = "{clusterTrustBundle: {signerName: example.com/ca, path: token/ca.crt}}";
  const CERTIFICATE = "{podCertificate: {signerName: example.com/id, keyType: ED25519, credentialBundlePath: token/creds.pem}}";
  const EMPTY = 'volume "creds" (Projected) has no sources provided';
  it.each([
    { name: "a cluster trust bundle", text: projected(TOKEN, BUNDLE), release: "1.36", expected: [EMPTY] },
    { name: "a cluster trust bundle", text: projected(TOKEN, BUNDLE), release: "1.33", expected: [EMPTY] },
    { name: "a cluster trust bundle", text: projected(TOKEN, BUNDLE), release: "1.32", expected: [EMPTY] },
    { name: "a cluster trust bundle", text: projected(TOKEN, BUNDLE), release: "1.31", expected: [] },
    { name: "a pod certificate", text: projected(TOKEN, CERTIFICATE), release: "1.36", expected: [EMPTY] },
    { name: "a pod certificate", text: projected(TOKEN, CERTIFICATE), release: "1.34", expected: [EMPTY] },
    { name: "a token alone", text: projected(TOKEN), release: "1.36", expected: [] },
  ])("drops $name from a projected volume in $release", ({ text, release, expected }) => {
    expect(createPathMessages(text, release)).toEqual(expected);
  });
});
