import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const claim = (...spec: string[]) => yaml("apiVersion: v1", "kind: PersistentVolumeClaim", "metadata: {name: data}", "spec:", ...spec.map((line) => "  " + line));
const storage = "resources: {requests: {storage: 1Gi}}";
const errors = (text: string, version = "1.36") => createPathMessages(text, version).filter((message) => !message.startsWith("Warning"));

describe("validatePersistentVolumeClaim", () => {
  it.each([
    ["a claim with a mode and a size", claim("accessModes: [ReadWriteOnce]", storage)],
    ["ReadWriteOncePod alone", claim("accessModes: [ReadWriteOncePod]", storage)],
    ["a class, a block volume and a selector", claim("accessModes: [ReadOnlyMany]", storage, "storageClassName: fast", "volumeMode: Block", "selector: {matchLabels: {tier: db}}")],
    ["a snapshot data source", claim("accessModes: [ReadWriteOnce]", storage, "dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}")],
    ["a data source of another kind (dropped without a dataSourceRef)", claim("accessModes: [ReadWriteOnce]", storage, "dataSource: {kind: Secret, name: s}")],
    ["a populator through dataSourceRef", claim("accessModes: [ReadWriteOnce]", storage, "dataSourceRef: {apiGroup: example.com, kind: Populator, name: p}")],
    ["a dataSourceRef into another namespace (dropped: the gate is off)", claim("accessModes: [ReadWriteOnce]", storage, "dataSourceRef: {kind: PersistentVolumeClaim, name: p, namespace: Other_NS}")],
    ["a status (cleared on create)", claim("accessModes: [ReadWriteOnce]", storage).replace("spec:", "status: {phase: Bound}\nspec:")],
  ])("accepts %s", (_name, text) => {
    expect(errors(text)).toEqual([]);
  });

  it.each([
    ["no access mode and no size", claim("volumeMode: Filesystem"), ["spec.accessModes: Required value: at least 1 access mode is required", "spec.resources[storage]: Required value"]],
    ["an unknown access mode", claim("accessModes: [ReadWriteSome]", storage), ['spec.accessModes: Unsupported value: "ReadWriteSome": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
    ["ReadWriteOncePod with another mode", claim("accessModes: [ReadWriteOncePod, ReadWriteOnce]", storage), ["spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"]],
    ["a zero size", claim("accessModes: [ReadWriteOnce]", "resources: {requests: {storage: '0'}}"), ['spec.resources[storage]: Invalid value: "0": must be greater than zero']],
    ["a class name with capitals", claim("accessModes: [ReadWriteOnce]", storage, "storageClassName: Fast"), [
      "spec.storageClassName: Invalid value: \"Fast\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]],
    ["a data source without a name (copied into dataSourceRef)", claim("accessModes: [ReadWriteOnce]", storage, "dataSource: {kind: PersistentVolumeClaim}"), ["spec.dataSourceRef.name: Required value", "spec.dataSource.name: Required value"]],
    ["a dataSourceRef of the core group that is not a claim", claim("accessModes: [ReadWriteOnce]", storage, "dataSourceRef: {kind: Secret, name: s}"), [
      "spec.dataSource: Invalid value: \"Secret\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
      "spec.dataSourceRef: Invalid value: \"Secret\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
    ]],
    ["dataSource and dataSourceRef that differ", claim("accessModes: [ReadWriteOnce]", storage, "dataSource: {kind: PersistentVolumeClaim, name: a}", "dataSourceRef: {kind: PersistentVolumeClaim, name: b}"), [
      "spec: Invalid value: spec.dataSource: must match dataSourceRef",
    ]],
  ])("reports %s", (_name, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });

  it("checks the volume attributes class from 1.34, when its gate is on, and drops it before", () => {
    const text = claim("accessModes: [ReadWriteOnce]", storage, "volumeAttributesClassName: Gold");
    expect(errors(text, "1.34")).toHaveLength(1);
    expect(errors(text, "1.34")[0]).toMatch(/^spec.volumeAttributesClassName: Invalid value: "Gold": a lowercase RFC 1123 subdomain/);
    expect(errors(text, "1.33")).toEqual([]);
  });

  it("warns about the beta class annotation and fractional bytes", () => {
    const text = yaml(
      "apiVersion: v1",
      "kind: PersistentVolumeClaim",
      "metadata:",
      "  name: data",
      "  annotations: {volume.beta.kubernetes.io/storage-class: fast}",
      "spec:",
      "  accessModes: [ReadWriteOnce]",
      "  resources: {requests: {storage: 1500m}, limits: {storage: 2500m}}",
    );
    expect(createPath(text).filter((finding) => finding.severity === "warning")).toEqual([
      { severity: "warning", line: 5, column: 58, message: 'metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" attribute instead' },
      { severity: "warning", line: 8, column: 35, message: 'spec.resources.requests[storage]: fractional byte value "1500m" is invalid, must be an integer' },
      { severity: "warning", line: 8, column: 61, message: 'spec.resources.limits[storage]: fractional byte value "2500m" is invalid, must be an integer' },
    ]);
  });

  it("warns about fractional bytes in a pod's ephemeral claim template, as in a claim", () => {
    const text = yaml(
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: p}",
      "spec:",
      "  containers: [{name: c, image: i}]",
      "  volumes:",
      "  - name: scratch",
      "    ephemeral:",
      "      volumeClaimTemplate:",
      "        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1500m}}}",
    );
    expect(createPath(text).filter((finding) => finding.severity === "warning").map((finding) => finding.message)).toEqual([
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]: fractional byte value "1500m" is invalid, must be an integer',
    ]);
  });
});
