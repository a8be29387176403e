import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const policy = (apiVersion: string, ...spec: string[]) =>
  yaml(`apiVersion: admissionregistration.k8s.io/${apiVersion}`, "kind: MutatingAdmissionPolicy", "metadata: {name: demo.example.com}", "spec:", ...spec.map((l) => "  " + l));
const RULES = "matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}]}";
const APPLY = "mutations: [{patchType: ApplyConfiguration, applyConfiguration: {expression: 'Object{metadata: Object.metadata{labels: {\"team\": \"a\"}}}'}}]";
const binding = (...spec: string[]) =>
  yaml("apiVersion: admissionregistration.k8s.io/v1beta1", "kind: MutatingAdmissionPolicyBinding", "metadata: {name: demo-binding}", "spec:", ...spec.map((l) => "  " + l));

describe("validateMutatingAdmissionPolicy", () => {
  it.each([
    ["an apply configuration (failure policy and match defaults filled)", policy("v1beta1", RULES, APPLY, "reinvocationPolicy: Never")],
    [
      "params, variables, match conditions and a JSON patch",
      policy(
        "v1",
        "paramKind: {apiVersion: v1, kind: ConfigMap}",
        "matchConstraints: {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: ['*'], resources: [pods]}]}",
        "matchConditions: [{name: labelled, expression: \"has(object.metadata.labels) && params.data.enabled == 'true'\"}]",
        "variables: [{name: team, expression: 'params.data.team'}]",
        "mutations:",
        "- patchType: JSONPatch",
        "  jsonPatch: {expression: '[JSONPatch{op: \"add\", path: \"/metadata/labels/\" + jsonpatch.escapeKey(\"example.com/team\"), value: variables.team}]'}",
        "reinvocationPolicy: IfNeeded",
        "failurePolicy: Ignore",
      ),
    ],
    ["a v1alpha1 policy matching CONNECT", policy("v1alpha1", "matchConstraints: {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [CONNECT], resources: [pods/exec]}]}", APPLY, "reinvocationPolicy: Never")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    [
      "a JSON patch of no construction, whose variable is dyn (params')",
      policy("v1", RULES, "variables: [{name: patches, expression: 'params'}]", "paramKind: {apiVersion: v1, kind: ConfigMap}", "mutations: [{patchType: JSONPatch, jsonPatch: {expression: 'variables.patches'}}]", "reinvocationPolicy: Never"),
      ['spec.mutations[0].jsonPatch.expression: Invalid value: "variables.patches": must evaluate to list(JSONPatch) but got dyn'],
    ],
    [
      "no match constraints, mutations or reinvocation policy",
      policy("v1beta1", "failurePolicy: Ignore"),
      ["spec.matchConstraints: Required value", "spec.mutations: Required value: mutations must contain at least one item", "spec.reinvocationPolicy: Required value"],
    ],
    [
      "an unknown failure and reinvocation policy, rules without resources",
      policy("v1beta1", "failurePolicy: Retry", "matchConstraints: {namespaceSelector: {}}", APPLY, "reinvocationPolicy: Always"),
      [
        'spec.failurePolicy: Unsupported value: "Retry": supported values: "Fail", "Ignore"',
        "spec.matchConstraints.resourceRules: Required value",
        'spec.reinvocationPolicy: Unsupported value: "Always": supported values: "IfNeeded", "Never"',
      ],
    ],
    [
      "operations a mutation cannot see, reported at the rules' path",
      policy("v1", "matchConstraints: {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [DELETE, PATCH], resources: [pods]}]}", APPLY, "reinvocationPolicy: Never"),
      [
        'spec.matchConstraints.resourceRules.operations: Unsupported value: "DELETE": supported values: "*", "CONNECT", "CREATE", "UPDATE"',
        'spec.matchConstraints.resourceRules.operations: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "UPDATE"',
        'spec.matchConstraints.resourceRules[0].operations[1]: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"',
      ],
    ],
    [
      "a mutation without patch type, with an unknown one",
      policy("v1beta1", RULES, "mutations: [{applyConfiguration: {expression: 'Object{}'}}, {patchType: MergePatch}]", "reinvocationPolicy: Never"),
      ["spec.mutations[0].patchType: Required value", 'spec.mutations[1].patchType: Unsupported value: "MergePatch": supported values: "ApplyConfiguration", "JSONPatch"'],
    ],
    [
      "patch types without their patch, with the other one",
      policy("v1beta1", RULES, "mutations: [{patchType: JSONPatch, applyConfiguration: {expression: 'Object{}'}}, {patchType: ApplyConfiguration, jsonPatch: {expression: '[]'}}]", "reinvocationPolicy: Never"),
      [
        "spec.mutations[0].jsonPatch: Required value: must be specified when patchType is JSONPatch",
        'spec.mutations[0].applyConfiguration: Invalid value: "{applyConfiguration}": must not be specified when patchType is JSONPatch',
        "spec.mutations[1].applyConfiguration: Required value: must be specified when patchType is ApplyConfiguration",
        'spec.mutations[1].jsonPatch: Invalid value: "{jsonPatch}": must not be specified when patchType is ApplyConfiguration',
      ],
    ],
    [
      "blank patch expressions",
      policy("v1beta1", RULES, "mutations: [{patchType: JSONPatch, jsonPatch: {expression: ' '}}, {patchType: ApplyConfiguration, applyConfiguration: {}}]", "reinvocationPolicy: Never"),
      ["spec.mutations[0].jsonPatch.expression: Required value", "spec.mutations[1].applyConfiguration.expression: Required value"],
    ],
    [
      "patch expressions of the wrong type, params without a param kind",
      policy(
        "v1",
        RULES,
        "mutations:",
        "- {patchType: ApplyConfiguration, applyConfiguration: {expression: '{\"metadata\": object.metadata}'}}",
        "- {patchType: JSONPatch, jsonPatch: {expression: ' [{\"op\": \"remove\", \"path\": \"/spec\"}] '}}",
        "- {patchType: JSONPatch, jsonPatch: {expression: 'params.patches'}}",
        "reinvocationPolicy: Never",
      ),
      [
        'spec.mutations[0].applyConfiguration.expression: Invalid value: "{\\"metadata\\": object.metadata}": must evaluate to Object but got map(string, dyn)',
        'spec.mutations[1].jsonPatch.expression: Invalid value: "[{\\"op\\": \\"remove\\", \\"path\\": \\"/spec\\"}]": must evaluate to list(JSONPatch) but got list(map(string, string))',
        "spec.mutations[2].jsonPatch.expression: Invalid value: \"params.patches\": compilation failed: ERROR: <input>:1:1: undeclared reference to 'params' (in container '')\n | params.patches\n | ^",
      ],
    ],
    [
      "a patch and a variable that do not parse, in cel-go's words",
      policy("v1", RULES, "variables: [{name: team, expression: 'object.metadata.name +'}]", "mutations: [{patchType: JSONPatch, jsonPatch: {expression: '[] +'}}]", "reinvocationPolicy: Never"),
      [
        "spec.variables[0].expression: Invalid value: \"object.metadata.name +\": compilation failed: ERROR: <input>:1:23: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | object.metadata.name +\n | ......................^",
        "spec.mutations[0].jsonPatch.expression: Invalid value: \"[] +\": compilation failed: ERROR: <input>:1:5: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | [] +\n | ....^",
      ],
    ],
    [
      "a bad param kind, variable and match condition",
      policy("v1alpha1", "paramKind: {apiVersion: '', kind: Limit}", RULES, "matchConditions: [{name: '', expression: 'true'}]", "variables: [{name: 'if', expression: '1'}]", APPLY, "reinvocationPolicy: Never"),
      ["spec.paramKind.apiVersion: Required value", "spec.matchConditions[0].name: Required value", 'spec.variables[0].name: Invalid value: "if": name is not a valid CEL identifier'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });
});

describe("validateMutatingAdmissionPolicyBinding", () => {
  it.each([
    ["a binding by policy name", binding("policyName: demo.example.com")],
    ["params by selector, match resources narrowed", binding("policyName: p", "paramRef: {selector: {matchLabels: {a: b}}, parameterNotFoundAction: Deny}", "matchResources: {namespaceSelector: {matchLabels: {env: test}}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["no policy name", binding("paramRef: {name: p, parameterNotFoundAction: Deny}"), ["spec.policyName: Required value"]],
    [
      "a bad policy name, a param reference with neither name nor selector",
      binding("policyName: Bad_Name", "paramRef: {parameterNotFoundAction: Skip}"),
      [
        "spec.policyName: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        "spec.paramRef: Required value: one of name or selector must be specified",
        'spec.paramRef.parameterNotFoundAction: Unsupported value: "Skip": supported values: "Deny", "Allow"',
      ],
    ],
    [
      "match resources with a DELETE rule and a repeated resource name",
      binding("policyName: p", "matchResources: {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [DELETE], resources: [pods], resourceNames: [a, a]}]}"),
      [
        'spec.matchResources.resourceRules[0].resourceNames[1]: Duplicate value: "a"',
        'spec.matchResources.resourceRules.operations: Unsupported value: "DELETE": supported values: "*", "CONNECT", "CREATE", "UPDATE"',
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });
});

describe("the JSON patch library, declared for the mutations only", () => {
  const JSON_PATCH = "mutations: [{patchType: JSONPatch, jsonPatch: {expression: '[JSONPatch{op: \"remove\", path: \"/metadata/labels/\" + jsonpatch.escapeKey(\"a/b\")}]'}}]";
  it("accepts jsonpatch.escapeKey in a JSON patch", () => {
    expect(createPathMessages(policy("v1", RULES, JSON_PATCH, "reinvocationPolicy: Never"), "1.36")).toEqual([]);
  });

  it.each([
    ["in a variable", "variables: [{name: key, expression: \"jsonpatch.escapeKey('a/b')\"}]", "spec.variables[0].expression"],
    ["in a match condition", "matchConditions: [{name: c, expression: \"jsonpatch.escapeKey('a/b') != ''\"}]", "spec.matchConditions[0].expression"],
  ])("refuses it %s as two undeclared references", (_name, field, path) => {
    const expression = field.includes("!=") ? "jsonpatch.escapeKey('a/b') != ''" : "jsonpatch.escapeKey('a/b')";
    const caret = (column: number, name: string) => `ERROR: <input>:1:${column}: undeclared reference to '${name}' (in container '')\n | ${expression}\n | ${".".repeat(column - 1)}^`;
    expect(createPathMessages(policy("v1", RULES, field, APPLY, "reinvocationPolicy: Never"), "1.36")).toEqual([`${path}: Invalid value: ${JSON.stringify(expression)}: compilation failed: ${caret(1, "jsonpatch")}\n${caret(20, "escapeKey")}`]);
  });

  it("refuses escapeKey with two arguments in a JSON patch", () => {
    const expression = '[JSONPatch{op: "remove", path: jsonpatch.escapeKey("a", "b")}]';
    const text = policy("v1", RULES, `mutations: [{patchType: JSONPatch, jsonPatch: {expression: ${JSON.stringify(expression)}}}]`, "reinvocationPolicy: Never");
    expect(createPathMessages(text, "1.36")).toEqual([`spec.mutations[0].jsonPatch.expression: Invalid value: ${JSON.stringify(expression)}: compilation failed: ERROR: <input>:1:51: found no matching overload for 'jsonpatch.escapeKey' applied to '(string, string)'\n | ${expression}\n | ${".".repeat(50)}^`]);
  });
});
