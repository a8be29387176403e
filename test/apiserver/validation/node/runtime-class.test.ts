import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const runtimeClass = (...lines: string[]) => yaml("apiVersion: node.k8s.io/v1", "kind: RuntimeClass", "metadata: {name: gvisor}", ...lines);
const LABEL_NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("ValidateRuntimeClass", () => {
  it.each([
    ["a handler", runtimeClass("handler: runsc")],
    ["an overhead", runtimeClass("handler: runsc", "overhead: {podFixed: {cpu: 250m, memory: 120Mi}}")],
    ["scheduling constraints", runtimeClass("handler: runsc", "scheduling:", "  nodeSelector: {sandbox: 'true'}", "  tolerations: [{key: sandbox, operator: Exists, effect: NoSchedule}, {key: sandbox, operator: Exists, effect: NoExecute}]")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "a handler that is not a DNS label",
      runtimeClass("handler: Run_SC"),
      ["handler: Invalid value: \"Run_SC\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"],
    ],
    ["a negative overhead (checked as container limits, upstream's path)", runtimeClass("handler: runsc", "overhead: {podFixed: {cpu: '-1'}}"), ['overhead.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0']],
    ["a node selector key with a space", runtimeClass("handler: runsc", "scheduling: {nodeSelector: {'a b': c}}"), [`scheduling.nodeSelector: Invalid value: "a b": ${LABEL_NAME}`]],
    [
      "an Exists toleration with a value",
      runtimeClass("handler: runsc", "scheduling: {tolerations: [{key: k, operator: Exists, value: v}]}"),
      ["scheduling.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'"],
    ],
    [
      "the same toleration twice (the seconds aside)",
      runtimeClass("handler: runsc", "scheduling: {tolerations: [{key: k, operator: Exists, effect: NoExecute}, {key: k, operator: Exists, effect: NoExecute, tolerationSeconds: 5}]}"),
      ['scheduling.tolerations[1]: Duplicate value: {"Key":"k","Operator":"Exists","Value":"","Effect":"NoExecute","TolerationSeconds":5}'],
    ],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });

  it("prints a duplicate toleration in Go syntax before 1.34", () => {
    const text = runtimeClass("handler: runsc", "scheduling: {tolerations: [{key: k}, {key: k}]}");
    expect(createPathMessages(text, "1.33")).toEqual(['scheduling.tolerations[1]: Duplicate value: core.Toleration{Key:"k", Operator:"", Value:"", Effect:"", TolerationSeconds:(*int64)(nil)}']);
  });
});
