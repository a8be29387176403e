import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../helpers.js";
import { errorMessage } from "../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../src/apiserver/field/path.js";
import { validateInitContainers, type ContainerContext } from "../../../src/apiserver/validation/core/containers.js";
import { podValidationOptions } from "../../../src/apiserver/validation/core/pod-options.js";

const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...spec.map((line) => "  " + line));
const deployment = (...podSpec: string[]) =>
  yaml(
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata: {name: d}",
    "spec:",
    "  selector: {matchLabels: {app: d}}",
    "  template:",
    "    metadata: {labels: {app: d}}",
    "    spec:",
    ...podSpec.map((line) => "      " + line),
  );

const imageVolume = ["volumes: [{name: data, image: {}}]", "containers: [{name: app, image: x, volumeMounts: [{name: data, mountPath: /data}]}]"];
const readOnlyRecursively = ["volumes: [{name: data, emptyDir: {}}]", "containers: [{name: app, image: x, volumeMounts: [{name: data, mountPath: /data, recursiveReadOnly: Enabled}]}]"];
const resizePolicy = ["containers: [{name: app, image: x, resizePolicy: [{resourceName: gpu, restartPolicy: NotRequired}]}]"];
const matchLabelKeys = ["affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, matchLabelKeys: [app]}]}}", "containers: [{name: app, image: x}]"];
const seLinuxChangePolicy = ["securityContext: {seLinuxChangePolicy: Sometimes}", "containers: [{name: app, image: x}]"];

// Each field is dropped by PrepareForCreate while its gate is off, and validated from the release that turns it on.
describe("dropDisabledPodFields and dropDisabledTemplateFields", () => {
  it.each([
    ["an image volume and its mount (ImageVolume)", pod(...imageVolume), "1.34"],
    ["an image volume of a template and its mount (ImageVolume)", deployment(...imageVolume), "1.31"],
    ["recursiveReadOnly (RecursiveReadOnlyMounts)", pod(...readOnlyRecursively), "1.30"],
    ["a resize policy (InPlacePodVerticalScaling)", pod(...resizePolicy), "1.32"],
    ["seLinuxChangePolicy (SELinuxChangePolicy)", pod(...seLinuxChangePolicy), "1.32"],
  ])("drops %s while the gate is off", (_name, text, version) => {
    expect(createPathMessages(text, version)).toEqual([]);
  });

  it("drops matchLabelKeys in 1.30, leaving the term's warning about its missing selector", () => {
    expect(createPathMessages(pod(...matchLabelKeys), "1.30")).toEqual(["spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: a null labelSelector results in matching no pod"]);
  });

  it.each([
    ["an image volume", pod(...imageVolume), "1.35", ["spec.volumes[0].image.reference: Required value", 'spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ["recursiveReadOnly", pod(...readOnlyRecursively), "1.31", ["spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true"]],
    ["a resize policy", pod(...resizePolicy), "1.33", ['spec.containers[0].resizePolicy: Unsupported value: "gpu": supported values: "cpu", "memory"']],
    ["matchLabelKeys", pod(...matchLabelKeys), "1.31", ["spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set"]],
    ["seLinuxChangePolicy", pod(...seLinuxChangePolicy), "1.33", ['spec.securityContext.seLinuxChangePolicy: Unsupported value: "Sometimes": supported values: "Recursive"']],
  ])("validates %s once the gate is on", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});

// Only reachable where a resize policy survives PrepareForCreate with InPlacePodVerticalScaling off (an update of a pod that had one).
describe("validateInitContainers without AllowSidecarResizePolicy", () => {
  const context = (version: string): ContainerContext => ({ volumes: new Map(), podClaimNames: new Set(), gracePeriod: 30, podRestartPolicy: "Always", hostUsers: true, opts: podValidationOptions(version, true) });
  const init = { name: "init", image: "x", imagePullPolicy: "IfNotPresent", terminationMessagePolicy: "File", resizePolicy: [{ resourceName: "cpu", restartPolicy: "NotRequired" }] };
  const check = (version: string) =>
    validateInitContainers([init], [], FieldPath.root("spec", "initContainers"), context(version)).map((error) => errorMessage(error, version));

  it("refuses it, in Go syntax before 1.34", () => {
    expect(check("1.32")).toEqual([
      'spec.initContainers[0].resizePolicy: Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"NotRequired"}}: must not be set for init containers',
    ]);
  });

  it("lets it be once the gate is on", () => {
    expect(check("1.33")).toEqual([]);
  });
});
