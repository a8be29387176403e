import { describe, expect, it } from "vitest";
import { validateLabelSelector, type LabelSelectorValidationOptions } from "../../../src/apiserver/apimachinery/meta-v1-validation.js";
import { errorMessage } from "../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../src/apiserver/field/path.js";
import { LABEL_KEY_NAME, LABEL_VALUE } from "../../rules/messages.js";

const messages = (selector: unknown, options: LabelSelectorValidationOptions = {}) =>
  validateLabelSelector(selector, options, FieldPath.root("spec", "selector")).map((error) => errorMessage(error, "1.36"));

describe("ValidateLabelSelector", () => {
  it.each([
    ["an absent selector", undefined],
    ["an empty selector", {}],
    ["matchLabels and every operator", { matchLabels: { app: "web" }, matchExpressions: [
      { key: "a", operator: "In", values: ["x"] }, { key: "b", operator: "NotIn", values: ["y", ""] },
      { key: "c", operator: "Exists" }, { key: "example.com/d", operator: "DoesNotExist", values: [] },
    ] }],
  ])("accepts %s", (_name, selector) => {
    expect(messages(selector)).toEqual([]);
  });

  it.each([
    ["In without values", { matchExpressions: [{ key: "a", operator: "In" }] }, ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    ["NotIn with empty values", { matchExpressions: [{ key: "a", operator: "NotIn", values: [] }] }, ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    ["DoesNotExist with values", { matchExpressions: [{ key: "a", operator: "DoesNotExist", values: ["x"] }] }, ["spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]],
    ["an absent operator", { matchExpressions: [{ key: "a" }] }, ['spec.selector.matchExpressions[0].operator: Invalid value: "": not a valid selector operator']],
    ["a lower-case operator", { matchExpressions: [{ key: "a", operator: "in", values: ["x"] }] }, ['spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator']],
    ["a bad key", { matchExpressions: [{ key: "a b", operator: "Exists" }] }, [`spec.selector.matchExpressions[0].key: Invalid value: "a b": ${LABEL_KEY_NAME}`]],
    ["a bad value", { matchExpressions: [{ key: "a", operator: "In", values: ["ok", "-x"] }] }, [`spec.selector.matchExpressions[0].values[1]: Invalid value: "-x": ${LABEL_VALUE}`]],
    ["a bad matchLabels value", { matchLabels: { app: "a b" } }, [`spec.selector.matchLabels: Invalid value: "a b": ${LABEL_VALUE}`]],
  ])("reports %s", (_name, selector, expected) => {
    expect(messages(selector)).toEqual(expected);
  });

  it("follows its options", () => {
    const selector = { matchExpressions: [{ key: "a", operator: "Equals", values: ["-x"] }] };
    expect(messages(selector, { allowInvalidLabelValueInSelector: true, allowUnknownOperatorInRequirement: true })).toEqual([]);
  });
});
