import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const RULES = "matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}]}";
/** A v1 MutatingAdmissionPolicy with one mutation of this patch type and expression. */
const mutating = (patchType: "ApplyConfiguration" | "JSONPatch", expression: string) =>
  yaml(
    "apiVersion: admissionregistration.k8s.io/v1",
    "kind: MutatingAdmissionPolicy",
    "metadata: {name: demo.example.com}",
    "spec:",
    `  ${RULES}`,
    "  reinvocationPolicy: Never",
    "  mutations:",
    `  - patchType: ${patchType}`,
    `    ${patchType === "JSONPatch" ? "jsonPatch" : "applyConfiguration"}:`,
    "      expression: |-",
    ...expression.split("\n").map((line) => "        " + line),
  );
const apply = (expression: string) => mutating("ApplyConfiguration", expression);
const jsonPatch = (expression: string) => mutating("JSONPatch", expression);
const APPLY_AT = "spec.mutations[0].applyConfiguration.expression";
const PATCH_AT = "spec.mutations[0].jsonPatch.expression";
const quoted = (text: string) => JSON.stringify(text);

describe("admission CEL with message construction", () => {
  it.each([
    ["an apply configuration of nested objects", apply('Object{metadata: Object.metadata{labels: {"team": "a"}}}')],
    [
      "containers rebuilt in a comprehension, over several lines",
      apply(
        [
          "Object{",
          "  spec: Object.spec{",
          "    template: Object.spec.template{",
          "      spec: Object.spec.template.spec{",
          "        containers: object.spec.template.spec.containers.map(c, Object.spec.template.spec.containers{",
          "          name: c.name,",
          "          securityContext: Object.spec.template.spec.containers.securityContext{allowPrivilegeEscalation: false}",
          "        })",
          "      }",
          "    }",
          "  }",
          "}",
        ].join("\n"),
      ),
    ],
    ["a one-letter field and an empty object", apply("Object{spec: Object.spec{x: 1, strategy: Object.spec.strategy{}}}")],
    ["an optional field", apply('Object{metadata: Object.metadata{?labels: optional.of({"a": "b"})}}')],
    ["a JSON patch list", jsonPatch('[JSONPatch{op: "replace", path: "/spec/replicas", value: object.spec.replicas + 1}, JSONPatch{op: "remove", path: "/status"}]')],
    ["a JSON patch chosen by a condition", jsonPatch('has(object.spec.paused) ? [JSONPatch{op: "remove", path: "/spec/paused"}] : []')],
    ["braces inside strings", jsonPatch('[JSONPatch{op: "add", path: "/metadata/annotations/x", value: "Object{not: a construction}"}]')],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    [
      "a misspelt variable inside a construction",
      apply("Object{spec: Object.spec{replicas: objct.spec.replicas + 1}}"),
      [`${APPLY_AT}: Invalid value: ${quoted("Object{spec: Object.spec{replicas: objct.spec.replicas + 1}}")}: compilation failed: ERROR: <input>:1:36: undeclared reference to 'objct' (in container '')\n | Object{spec: Object.spec{replicas: objct.spec.replicas + 1}}\n | ...................................^`],
    ],
    [
      "a misspelt variable on the second line",
      apply('Object{\n  metadata: Object.metadata{labels: {"team": varaibles.team}}\n}'),
      [`${APPLY_AT}: Invalid value: ${quoted('Object{\n  metadata: Object.metadata{labels: {"team": varaibles.team}}\n}')}: compilation failed: ERROR: <input>:2:46: undeclared reference to 'varaibles' (in container '')\n |   metadata: Object.metadata{labels: {"team": varaibles.team}}\n | .............................................^`],
    ],
    [
      "a JSON patch operation that is not a string",
      jsonPatch("[JSONPatch{op: 1, path: '/a'}]"),
      [`${PATCH_AT}: Invalid value: ${quoted("[JSONPatch{op: 1, path: '/a'}]")}: compilation failed: ERROR: <input>:1:14: expected type of field 'op' is 'string' but provided type is 'int'\n | [JSONPatch{op: 1, path: '/a'}]\n | .............^`],
    ],
    [
      "a JSON patch field JSONPatch does not have",
      jsonPatch('[JSONPatch{op: "add", pth: "/a", value: 1}]'),
      [`${PATCH_AT}: Invalid value: ${quoted('[JSONPatch{op: "add", pth: "/a", value: 1}]')}: compilation failed: ERROR: <input>:1:26: undefined field 'pth'\n | [JSONPatch{op: "add", pth: "/a", value: 1}]\n | .........................^`],
    ],
    [
      "a type the environment does not declare",
      apply("Patch{spec: 1}"),
      [`${APPLY_AT}: Invalid value: "Patch{spec: 1}": compilation failed: ERROR: <input>:1:6: undeclared reference to 'Patch' (in container '')\n | Patch{spec: 1}\n | .....^`],
    ],
    ["an apply configuration that is a JSON patch", apply('JSONPatch{op: "remove", path: "/a"}'), [`${APPLY_AT}: Invalid value: ${quoted('JSONPatch{op: "remove", path: "/a"}')}: must evaluate to Object but got JSONPatch`]],
    ["a JSON patch that is an object", jsonPatch("Object{}"), [`${PATCH_AT}: Invalid value: "Object{}": must evaluate to list(JSONPatch) but got Object`]],
    ["a JSON patch that is not a list", jsonPatch('JSONPatch{op: "remove", path: "/a"}'), [`${PATCH_AT}: Invalid value: ${quoted('JSONPatch{op: "remove", path: "/a"}')}: must evaluate to list(JSONPatch) but got JSONPatch`]],
    [
      "a construction in a ValidatingAdmissionPolicy, which declares no Object type",
      yaml("apiVersion: admissionregistration.k8s.io/v1", "kind: ValidatingAdmissionPolicy", "metadata: {name: v}", "spec:", `  ${RULES}`, "  validations: [{expression: 'Object{} == object'}]"),
      [`spec.validations[0].expression: Invalid value: "Object{} == object": compilation failed: ERROR: <input>:1:7: undeclared reference to 'Object' (in container '')\n | Object{} == object\n | ......^`],
    ],
  ])("refuses %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});
