// A custom resource's metadata is read into ObjectMeta by Go's encoding/json
// before anything is validated: a value of the wrong JSON type refuses the
// whole request with the decoder's first error, and nothing else is said; a
// timestamp (metav1.Time) that is no RFC 3339 string stops the decoding with
// its own error, ahead of any type error.
import { describe, expect, test } from "vitest";
import { createSchemaValidator } from "../../src/schema/index.js";
import { brief, documentsOf, thingCrd } from "./helpers.js";

/** A Thing with the given metadata, whose spec has a CEL rule that fails. */
function checkMetadata(metadata: string) {
  const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
  const spec = { type: "object", properties: { size: { type: "integer" } }, "x-kubernetes-validations": [{ rule: "self.size < 3" }] };
  validator.addCustomResourceDefinitions([thingCrd("test.io", "Thing", spec)]);
  const [document] = documentsOf(`apiVersion: test.io/v1\nkind: Thing\nmetadata:\n${metadata}spec:\n  size: 5\n`);
  return validator.validate(document!).map(brief);
}

const HANDLED = 'Thing in version "v1" cannot be handled as a Thing:';
const PREFIX = `${HANDLED} json: cannot unmarshal`;
const AS = 'as "2006-01-02T15:04:05Z07:00"';

describe("metadata that does not decode into ObjectMeta", () => {
  // The message is the API server's, then kubeplan's hint on the value.
  const cases: Array<{ name: string; metadata: string; line: number; message: string; hint: string }> = [
    { name: "labels as a list", metadata: "  name: box\n  labels: [a]\n", line: 5, message: `${PREFIX} array into Go struct field ObjectMeta.labels of type map[string]string`, hint: ' (remove the "- " before the fields)' },
    { name: "an annotation that is a number (the key is not named)", metadata: "  name: box\n  annotations: {replicas: 3}\n", line: 5, message: `${PREFIX} number into Go struct field ObjectMeta.annotations of type string`, hint: ' (YAML reads 3 as a number: quote it, "3")' },
    { name: "a name that is a number", metadata: "  name: 5\n", line: 4, message: `${PREFIX} number into Go struct field ObjectMeta.name of type string`, hint: ' (YAML reads 5 as a number: quote it, "5")' },
    { name: "a uid that is a boolean", metadata: "  name: box\n  uid: true\n", line: 5, message: `${PREFIX} bool into Go struct field ObjectMeta.uid of type types.UID`, hint: ' (YAML reads true as a boolean: quote it, "true")' },
    { name: "finalizers as a mapping", metadata: "  name: box\n  finalizers: {a: b}\n", line: 5, message: `${PREFIX} object into Go struct field ObjectMeta.finalizers of type []string`, hint: ' (start each item with "- ")' },
    { name: "a finalizer that is a number", metadata: "  name: box\n  finalizers: [a, 1]\n", line: 5, message: `${PREFIX} number into Go struct field ObjectMeta.finalizers of type string`, hint: ' (YAML reads 1 as a number: quote it, "1")' },
    { name: "a generation that is not whole", metadata: "  name: box\n  generation: 1.5\n", line: 5, message: `${PREFIX} number 1.5 into Go struct field ObjectMeta.generation of type int64`, hint: "" },
    { name: "a generation that is a string", metadata: "  name: box\n  generation: '2'\n", line: 5, message: `${PREFIX} string into Go struct field ObjectMeta.generation of type int64`, hint: " (remove the quotes: 2)" },
    { name: "an owner reference's controller as a string", metadata: "  name: box\n  ownerReferences:\n  - {apiVersion: v1, kind: Pod, name: p, uid: u, controller: 'yes'}\n", line: 6, message: `${PREFIX} string into Go struct field OwnerReference.ownerReferences.controller of type bool`, hint: " (remove the quotes: true)" },
    { name: "metadata that is a list", metadata: "  - name\n", line: 4, message: `${PREFIX} array into Go value of type v1.ObjectMeta`, hint: ' (remove the "- " before the fields)' },
    { name: "the first error in the order written", metadata: "  name: box\n  namespace: 7\n  labels: [a]\n", line: 5, message: `${PREFIX} number into Go struct field ObjectMeta.namespace of type string`, hint: ' (YAML reads 7 as a number: quote it, "7")' },
    { name: "a creationTimestamp that is a date alone", metadata: "  name: box\n  creationTimestamp: '2024-05-01'\n", line: 5, message: `${HANDLED} parsing time "2024-05-01" ${AS}: cannot parse "" as "T"`, hint: "" },
    { name: "a creationTimestamp in words", metadata: "  name: box\n  creationTimestamp: yesterday\n", line: 5, message: `${HANDLED} parsing time "yesterday" ${AS}: cannot parse "yesterday" as "2006"`, hint: "" },
    { name: "a deletionTimestamp with a month 13", metadata: "  name: box\n  deletionTimestamp: '2024-13-01T00:00:00Z'\n", line: 5, message: `${HANDLED} parsing time "2024-13-01T00:00:00Z": month out of range`, hint: "" },
    { name: "a deletionTimestamp on February 30", metadata: "  name: box\n  deletionTimestamp: '2024-02-30T00:00:00Z'\n", line: 5, message: `${HANDLED} parsing time "2024-02-30T00:00:00Z": day out of range`, hint: "" },
    { name: "a creationTimestamp that is a number (Go's own decoder, no field named)", metadata: "  name: box\n  creationTimestamp: 1714557600\n", line: 5, message: `${PREFIX} number into Go value of type string`, hint: ' (YAML reads 1714557600 as a number: quote it, "1714557600")' },
    { name: "a timestamp error ahead of an earlier type error", metadata: "  name: box\n  labels: [a]\n  creationTimestamp: now\n", line: 6, message: `${HANDLED} parsing time "now" ${AS}: cannot parse "now" as "2006"`, hint: "" },
    { name: "managedFields as a mapping", metadata: "  name: box\n  managedFields: {manager: kubectl}\n", line: 5, message: `${PREFIX} object into Go struct field ObjectMeta.managedFields of type []v1.ManagedFieldsEntry`, hint: ' (start each item with "- ")' },
    { name: "a managedFields entry that is a string", metadata: "  name: box\n  managedFields: [kubectl]\n", line: 5, message: `${PREFIX} string into Go struct field ObjectMeta.managedFields of type v1.ManagedFieldsEntry`, hint: "" },
    { name: "a managedFields manager that is a number", metadata: "  name: box\n  managedFields:\n  - {manager: 7, operation: Apply}\n", line: 6, message: `${PREFIX} number into Go struct field ManagedFieldsEntry.managedFields.manager of type string`, hint: ' (YAML reads 7 as a number: quote it, "7")' },
    { name: "a managedFields operation that is a boolean", metadata: "  name: box\n  managedFields:\n  - {manager: m, operation: true}\n", line: 6, message: `${PREFIX} bool into Go struct field ManagedFieldsEntry.managedFields.operation of type v1.ManagedFieldsOperationType`, hint: ' (YAML reads true as a boolean: quote it, "true")' },
    { name: "a managedFields time that is no RFC 3339", metadata: "  name: box\n  managedFields:\n  - {manager: m, time: '2024-05-01T10:00:00'}\n", line: 6, message: `${HANDLED} parsing time "2024-05-01T10:00:00" ${AS}: cannot parse "" as "Z07:00"`, hint: "" },
  ];
  test.each(cases)("$name", ({ metadata, line, message, hint }) => {
    const findings = checkMetadata(metadata);
    expect(findings).toEqual([{ rule: "schema/type", line, column: expect.any(Number), message: message + hint }]);
  });
});

describe("metadata that decodes", () => {
  const cases: Array<{ name: string; metadata: string }> = [
    { name: "null values", metadata: "  name: box\n  labels: {a: null}\n  creationTimestamp: null\n  generation: null\n" },
    { name: "whole numbers where Go takes int64", metadata: "  name: box\n  generation: 3\n  deletionGracePeriodSeconds: 30\n" },
    { name: "timestamps Go reads", metadata: "  name: box\n  creationTimestamp: '2024-05-01T10:00:00Z'\n  deletionTimestamp: '2024-05-01T1:00:00.5+02:00'\n" },
    { name: "managedFields Go reads, fieldsV1 of any shape", metadata: "  name: box\n  managedFields:\n  - {manager: kubectl, operation: Apply, apiVersion: test.io/v1, time: '2024-05-01T10:00:00Z', fieldsType: FieldsV1, fieldsV1: {f:spec: {}}, subresource: ''}\n  - {manager: m, fieldsV1: [1, 2]}\n" },
    { name: "null in every field of a managedFields entry", metadata: "  name: box\n  managedFields:\n  - {manager: null, operation: null, apiVersion: null, time: null, fieldsType: null, fieldsV1: null, subresource: null}\n" },
    { name: "a managedFields entry with a null time", metadata: "  name: box\n  managedFields:\n  - {manager: kubectl, operation: Update, apiVersion: test.io/v1, time: null, fieldsType: FieldsV1, fieldsV1: {f:spec: {f:size: {}}}}\n" },
    { name: "null in an owner reference and a label", metadata: "  name: box\n  labels: {a: null}\n  ownerReferences:\n  - {apiVersion: v1, kind: Pod, name: p, uid: u, controller: null, blockOwnerDeletion: null}\n" },
    { name: "owner references of the right types", metadata: "  name: box\n  ownerReferences:\n  - {apiVersion: v1, kind: Pod, name: p, uid: u, controller: true, blockOwnerDeletion: false}\n" },
  ];
  test.each(cases)("$name: only the failed rule", ({ metadata }) => {
    expect(checkMetadata(metadata).map((finding) => finding.message)).toEqual(["spec: Invalid value: failed rule: self.size < 3"]);
  });
});
