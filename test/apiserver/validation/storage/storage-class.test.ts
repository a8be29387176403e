import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";

const storageClass = (...lines: string[]) => yaml("apiVersion: storage.k8s.io/v1", "kind: StorageClass", "metadata: {name: fast}", ...lines);

const LABEL_KEY_NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("validateStorageClass", () => {
  it.each([
    ["a provisioner alone (policy and mode defaulted)", storageClass("provisioner: ebs.csi.aws.com")],
    ["an upper-case provisioner", storageClass("provisioner: Kubernetes.io/AWS-EBS")],
    ["parameters, mount options and every field", storageClass("provisioner: example.com/disk", "parameters: {type: gp3, iops: '3000'}", "reclaimPolicy: Retain", "volumeBindingMode: WaitForFirstConsumer", "mountOptions: [debug]", "allowVolumeExpansion: true")],
    [
      "allowed topologies",
      storageClass("provisioner: example.com/disk", "allowedTopologies:", "- matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [a, b]}]", "- matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [c]}]"),
    ],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["no provisioner", storageClass("reclaimPolicy: Retain"), [{ severity: "error", line: 1, column: 1, message: "provisioner: Required value" }]],
    [
      "a provisioner that is not a qualified name",
      storageClass("provisioner: my provisioner"),
      [{ severity: "error", line: 4, column: 14, message: `provisioner: Invalid value: "my provisioner": ${LABEL_KEY_NAME}` }],
    ],
    [
      "an unsupported reclaim policy",
      storageClass("provisioner: example.com/disk", "reclaimPolicy: Recycle"),
      [{ severity: "error", line: 5, column: 16, message: 'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"' }],
    ],
    [
      "an unsupported binding mode",
      storageClass("provisioner: example.com/disk", "volumeBindingMode: Later"),
      [{ severity: "error", line: 5, column: 20, message: 'volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"' }],
    ],
    [
      "an empty parameter key",
      storageClass("provisioner: example.com/disk", "parameters: {'': x}"),
      [{ severity: "error", line: 5, column: 13, message: 'parameters: Invalid value: "": field can not be empty.' }],
    ],
    [
      "parameters over 256 KiB",
      storageClass("provisioner: example.com/disk", `parameters: {a: ${"x".repeat(256 * 1024)}}`),
      [{ severity: "error", line: 5, column: 13, message: "parameters: Too long: must have at most 262144 bytes" }],
    ],
    [
      "a topology term without values, with a bad key and a repeated key",
      storageClass("provisioner: example.com/disk", "allowedTopologies:", "- matchLabelExpressions: [{key: 'bad key', values: [a, a]}, {key: 'bad key', values: []}]"),
      [
        { severity: "error", line: 6, column: 33, message: `allowedTopologies[0].matchLabelExpressions[0].key: Invalid value: "bad key": ${LABEL_KEY_NAME}` },
        { severity: "error", line: 6, column: 56, message: 'allowedTopologies[0].matchLabelExpressions[0].values[1]: Duplicate value: "a"' },
        { severity: "error", line: 6, column: 67, message: `allowedTopologies[0].matchLabelExpressions[1].key: Invalid value: "bad key": ${LABEL_KEY_NAME}` },
        { severity: "error", line: 6, column: 67, message: 'allowedTopologies[0].matchLabelExpressions[1].key: Duplicate value: "bad key"' },
        { severity: "error", line: 6, column: 86, message: "allowedTopologies[0].matchLabelExpressions[1].values: Required value" },
      ],
    ],
    [
      "a term given twice",
      storageClass("provisioner: example.com/disk", "allowedTopologies:", "- matchLabelExpressions: [{key: zone, values: [a, b]}]", "- matchLabelExpressions: [{key: zone, values: [b, a]}]"),
      [{ severity: "error", line: 7, column: 26, message: 'allowedTopologies[1].matchLabelExpressions: Duplicate value: ""' }],
    ],
    [
      "an empty term, a duplicate of the list's nil entries as upstream builds it",
      storageClass("provisioner: example.com/disk", "allowedTopologies: [{}]"),
      [{ severity: "error", line: 5, column: 21, message: 'allowedTopologies[0].matchLabelExpressions: Duplicate value: ""' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text, "1.31")).toEqual(expected);
  });
});

describe("validateVolumeAttributesClass", () => {
  const attributesClass = (...lines: string[]) => yaml("apiVersion: storage.k8s.io/v1", "kind: VolumeAttributesClass", "metadata: {name: gold}", ...lines);

  it("accepts a driver name and parameters", () => {
    expect(createPath(attributesClass("driverName: ebs.csi.aws.com", "parameters: {iops: '3000'}"))).toEqual([]);
  });

  it.each([
    ["no driver name and no parameters", attributesClass("parameters: {}"), ["driverName: Required value", "parameters: Required value: must contain at least one key/value pair"]],
    [
      "a driver name that is not a qualified name",
      attributesClass("driverName: 'ebs csi'", "parameters: {a: b}"),
      [`driverName: Invalid value: "ebs csi": ${LABEL_KEY_NAME}`],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text).map((finding) => finding.message)).toEqual(expected);
  });
});
