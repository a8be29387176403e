import { describe, expect, it } from "vitest";
import { maskTrailingDash, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, validateNonnegativeField } from "../../../src/apiserver/apimachinery/generic.js";
import { errorMessage } from "../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../src/apiserver/field/path.js";
import { DNS1035, LABEL, SUBDOMAIN } from "../../rules/messages.js";

describe("name functions (generic.go)", () => {
  it.each([
    ["web-", "wea"],
    ["web", "web"],
    ["a-", "a"],
  ])("maskTrailingDash(%j) is %j", (name, masked) => {
    expect(maskTrailingDash(name)).toBe(masked);
  });

  it.each([
    [nameIsDNSSubdomain, "web-", true, []],
    [nameIsDNSSubdomain, "web-", false, [SUBDOMAIN]],
    [nameIsDNSSubdomain, "web.v2", false, []],
    [nameIsDNSLabel, "web.v2", false, ["must not contain dots"]],
    [nameIsDNSLabel, "Web-", true, [LABEL]],
    [nameIsDNS1035Label, "1web-", true, [DNS1035]],
    [nameIsDNS1035Label, "web-", true, []],
  ] as const)("%o(%j, prefix %s)", (nameFn, name, prefix, messages) => {
    expect(nameFn(name, prefix)).toEqual(messages);
  });

  it.each([
    [0, []],
    [5, []],
    [-1, ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]],
  ])("ValidateNonnegativeField(%d)", (value, messages) => {
    expect(validateNonnegativeField(value, FieldPath.root("spec", "replicas")).map((e) => errorMessage(e, "1.36"))).toEqual(messages);
  });
});
