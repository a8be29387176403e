import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const policy = (...spec: string[]) =>
  yaml("apiVersion: admissionregistration.k8s.io/v1", "kind: ValidatingAdmissionPolicy", "metadata: {name: demo.example.com}", "spec:", ...spec.map((l) => "  " + l));
const RULES = "matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}]}";
/** A webhook configuration whose one webhook has one match condition. */
const webhookMatching = (expression: string) =>
  yaml(
    "apiVersion: admissionregistration.k8s.io/v1",
    "kind: ValidatingWebhookConfiguration",
    "metadata: {name: hooks}",
    "webhooks:",
    "- name: check.example.com",
    "  clientConfig: {url: 'https://h.example.com'}",
    "  sideEffects: None",
    "  admissionReviewVersions: [v1]",
    `  matchConditions: [{name: c, expression: ${JSON.stringify(expression)}}]`,
  );
const binding = (...spec: string[]) =>
  yaml("apiVersion: admissionregistration.k8s.io/v1", "kind: ValidatingAdmissionPolicyBinding", "metadata: {name: demo-binding}", "spec:", ...spec.map((l) => "  " + l));

describe("validateValidatingAdmissionPolicy", () => {
  it.each([
    ["a validation (failure policy and match defaults filled)", policy(RULES, "validations: [{expression: 'object.spec.replicas <= 5'}]")],
    [
      "params, variables, match conditions, messages and audit annotations",
      policy(
        "paramKind: {apiVersion: rules.example.com/v1, kind: ReplicaLimit}",
        RULES,
        "matchConditions: [{name: not-exempt, expression: \"!('exempt' in object.metadata.labels)\"}]",
        "variables: [{name: replicas, expression: 'object.spec.replicas'}]",
        "validations:",
        "- expression: 'variables.replicas <= params.maxReplicas'",
        "  messageExpression: \"'replicas must be at most ' + string(params.maxReplicas)\"",
        "  reason: Invalid",
        "- {expression: \"authorizer.group('apps').resource('deployments').check('scale').allowed()\", message: no scaling}",
        "auditAnnotations: [{key: high-replicas, valueExpression: \"'replicas: ' + string(object.spec.replicas)\"}, {key: owner, valueExpression: 'null'}]",
        "failurePolicy: Ignore",
      ),
    ],
    ["a core param kind", policy("paramKind: {apiVersion: v1, kind: ConfigMap}", RULES, "validations: [{expression: 'true'}]")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["no match constraints, validations or audit annotations", policy("failurePolicy: Ignore"), ["spec.matchConstraints: Required value", "spec.validations: Required value: validations or auditAnnotations must contain at least one item", "spec.auditAnnotations: Required value: validations or auditAnnotations must contain at least one item"]],
    [
      "match constraints without resource rules, an unknown failure policy",
      policy("failurePolicy: Retry", "matchConstraints: {namespaceSelector: {matchLabels: {a: b}}}", "validations: [{expression: 'true'}]"),
      ['spec.failurePolicy: Unsupported value: "Retry": supported values: "Fail", "Ignore"', "spec.matchConstraints.resourceRules: Required value"],
    ],
    [
      "a bad param kind",
      policy("paramKind: {apiVersion: a/b/c, kind: ''}", RULES, "validations: [{expression: 'true'}]"),
      ['spec.paramKind.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c', "spec.paramKind.kind: Required value"],
    ],
    [
      "a param kind with a bad group, no version and a kind with dots",
      policy("paramKind: {apiVersion: Example.com/, kind: Foo.Bar}", RULES, "validations: [{expression: 'true'}]"),
      [
        "spec.paramKind.apiVersion: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'spec.paramKind.apiVersion: Invalid value: "Example.com/": version must be specified',
        "spec.paramKind.kind: Invalid value: \"Foo.Bar\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      "validations without an expression, with blank and multi-line messages, an unknown reason",
      policy(RULES, "validations:", "- {expression: ' ', message: ' ', messageExpression: ' '}", "- {expression: 'true', message: \"a\\nb\", reason: Conflict}"),
      [
        "spec.validations[0].expression: Required value: expression is not specified",
        'spec.validations[0].messageExpression: Invalid value: " ": must be non-empty if specified',
        'spec.validations[0].message: Invalid value: " ": message must be non-empty if specified',
        'spec.validations[1].message: Invalid value: "a\\nb": message must not contain line breaks',
        'spec.validations[1].reason: Unsupported value: "Conflict": supported values: "Forbidden", "Invalid", "RequestEntityTooLarge"',
      ],
    ],
    [
      "expressions of the wrong type, and params without a param kind",
      policy(RULES, "validations: [{expression: 'object.metadata.name + \"x\"', messageExpression: '1'}, {expression: 'params.x'}]"),
      [
        "spec.validations[0].expression: Invalid value: \"object.metadata.name + \\\"x\\\"\": must evaluate to bool but got string",
        'spec.validations[0].messageExpression: Invalid value: "1": must evaluate to string but got int',
        "spec.validations[1].expression: Invalid value: \"params.x\": compilation failed: ERROR: <input>:1:1: undeclared reference to 'params' (in container '')\n | params.x\n | ^",
      ],
    ],
    [
      "expressions that do not parse, in cel-go's words",
      policy(RULES, "matchConditions: [{name: labelled, expression: 'has(object.metadata.labels'}]", "validations: [{expression: 'object.spec.replicas <= 5)', messageExpression: \"'too many' # 'replicas'\"}]"),
      [
        "spec.matchConditions[0].expression: Invalid value: \"has(object.metadata.labels\": compilation failed: ERROR: <input>:1:27: Syntax error: missing ')' at '<EOF>'\n | has(object.metadata.labels\n | ..........................^",
        "spec.validations[0].expression: Invalid value: \"object.spec.replicas <= 5)\": compilation failed: ERROR: <input>:1:26: Syntax error: extraneous input ')' expecting <EOF>\n | object.spec.replicas <= 5)\n | .........................^",
        "spec.validations[0].messageExpression: Invalid value: \"'too many' # 'replicas'\": compilation failed: ERROR: <input>:1:12: Syntax error: token recognition error at: '#'\n | 'too many' # 'replicas'\n | ...........^\nERROR: <input>:1:14: Syntax error: extraneous input ''replicas'' expecting <EOF>\n | 'too many' # 'replicas'\n | .............^",
      ],
    ],
    [
      "expressions whose result is dyn (the object's fields, a conditional with a dyn branch), which no field takes",
      policy(
        RULES,
        "matchConditions: [{name: enabled, expression: 'object.spec.paused'}]",
        "validations: [{expression: \"object.metadata.labels['ok']\", messageExpression: 'object.metadata.name'}]",
        "auditAnnotations: [{key: owner, valueExpression: \"object.spec.replicas > 50 ? object.metadata.name : null\"}]",
      ),
      [
        'spec.matchConditions[0].expression: Invalid value: "object.spec.paused": must evaluate to bool but got dyn',
        "spec.validations[0].expression: Invalid value: \"object.metadata.labels['ok']\": must evaluate to bool but got dyn",
        'spec.validations[0].messageExpression: Invalid value: "object.metadata.name": must evaluate to string but got dyn',
        'spec.auditAnnotations[0].valueExpression: Invalid value: "object.spec.replicas > 50 ? object.metadata.name : null": must evaluate to one of [string null_type] but got dyn',
      ],
    ],
    [
      "format strings the string format validator refuses (a clause's item, too many items)",
      policy(RULES, "validations: [{expression: \"'%d'.format([request.name]) != ''\", messageExpression: \"'%s'.format([request.name, request.namespace])\"}]"),
      [
        "spec.validations[0].expression: Invalid value: \"'%d'.format([request.name]) != ''\": compilation failed: ERROR: <input>:1:21: error during formatting: decimal clause can only be used on integers, was given string\n | '%d'.format([request.name]) != ''\n | ....................^",
        "spec.validations[0].messageExpression: Invalid value: \"'%s'.format([request.name, request.namespace])\": compilation failed: ERROR: <input>:1:12: too many arguments supplied to string.format (expected 1, got 2)\n | '%s'.format([request.name, request.namespace])\n | ...........^",
      ],
    ],
    [
      "a message expression using the authorizer, which it does not have",
      policy(RULES, "validations: [{expression: 'true', messageExpression: \"string(authorizer)\"}]"),
      ["spec.validations[0].messageExpression: Invalid value: \"string(authorizer)\": compilation failed: ERROR: <input>:1:8: undeclared reference to 'authorizer' (in container '')\n | string(authorizer)\n | .......^"],
    ],
    [
      "variables without names, with a bad name, an empty expression",
      policy(RULES, "variables: [{name: '', expression: '1'}, {name: 'in', expression: ' '}, {name: 2x, expression: '2'}]", "validations: [{expression: 'true'}]"),
      [
        "spec.variables[0].name: Required value: name is not specified",
        'spec.variables[1].name: Invalid value: "in": name is not a valid CEL identifier',
        "spec.variables[1].expression: Required value: expression is not specified",
        'spec.variables[2].name: Invalid value: "2x": name is not a valid CEL identifier',
      ],
    ],
    [
      "audit annotations with a bad key, repeated, of the wrong type",
      policy(RULES, "auditAnnotations: [{key: 'a b', valueExpression: \"'x'\"}, {key: ok, valueExpression: '1'}, {key: ok, valueExpression: ' '}]"),
      [
        "spec.auditAnnotations[0].key: Invalid value: \"demo.example.com/a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'spec.auditAnnotations[1].valueExpression: Invalid value: "1": must evaluate to one of [string null_type] but got int',
        "spec.auditAnnotations[2].valueExpression: Required value: valueExpression is not specified",
        'spec.auditAnnotations[2].key: Duplicate value: "ok"',
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });

  // Before 1.32 the result type was compared by identity and the error did not name the type it got.
  it.each([
    ["1.30", "must evaluate to bool", "must evaluate to one of [string null_type]"],
    ["1.31", "must evaluate to bool", "must evaluate to one of [string null_type]"],
    ["1.32", "must evaluate to bool but got int", "must evaluate to one of [string null_type] but got dyn"],
    ["1.36", "must evaluate to bool but got int", "must evaluate to one of [string null_type] but got dyn"],
  ])("words a result of the wrong type as %s does", (release, validation, audit) => {
    const text = policy(RULES, "validations: [{expression: '1'}]", "auditAnnotations: [{key: a, valueExpression: 'object.metadata.name'}]");
    expect(createPathMessages(text, release).sort()).toEqual([`spec.auditAnnotations[0].valueExpression: Invalid value: "object.metadata.name": ${audit}`, `spec.validations[0].expression: Invalid value: "1": ${validation}`]);
  });
});

describe("validateValidatingAdmissionPolicyBinding", () => {
  it.each([
    ["a binding by policy name", binding("policyName: demo.example.com", "validationActions: [Deny]")],
    ["params by name and by selector", binding("policyName: p", "paramRef: {name: limits, namespace: ns, parameterNotFoundAction: Allow}", "validationActions: [Warn, Audit]")],
    ["params by selector, match resources narrowed", binding("policyName: p", "paramRef: {selector: {matchLabels: {a: b}}, parameterNotFoundAction: Deny}", "matchResources: {namespaceSelector: {matchLabels: {env: test}}}", "validationActions: [Audit]")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["no policy name and no actions", binding("paramRef: {name: p, parameterNotFoundAction: Deny}"), ["spec.policyName: Required value", "spec.validationActions: Required value: at least one validation action is required"]],
    [
      "a param reference with both name and selector, without action",
      binding("policyName: p", "paramRef: {name: a/b, selector: {}}", "validationActions: [Deny]"),
      [
        "spec.paramRef.name: Invalid value: \"a/b\": may not contain '/'",
        "spec.paramRef.name: Forbidden: name and selector are mutually exclusive",
        "spec.paramRef.selector: Forbidden: name and selector are mutually exclusive",
        "spec.paramRef.parameterNotFoundAction: Required value",
      ],
    ],
    [
      "a param reference with neither, an unknown action",
      binding("policyName: p", "paramRef: {parameterNotFoundAction: Ignore}", "validationActions: [Deny]"),
      ["spec.paramRef: Required value: one of name or selector must be specified", 'spec.paramRef.parameterNotFoundAction: Unsupported value: "Ignore": supported values: "Deny", "Allow"'],
    ],
    [
      "validation actions repeated, unknown, Deny with Warn",
      binding("policyName: p", "validationActions: [Deny, Warn, Deny, Block]"),
      [
        'spec.validationActions[2]: Duplicate value: "Deny"',
        'spec.validationActions[3]: Unsupported value: "Block": supported values: "Audit", "Deny", "Warn"',
        'spec.validationActions: Invalid value: ["Deny","Warn","Deny","Block"]: must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)',
      ],
    ],
    [
      "match resources with a bad rule, at spec.matchResources (the path was misspelt `matchResouces` before 1.30)",
      binding("policyName: p", "validationActions: [Deny]", "matchResources: {resourceRules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE], resources: [pods], resourceNames: [a, a]}]}"),
      ['spec.matchResources.resourceRules[0].resourceNames[1]: Duplicate value: "a"'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });
});

describe("libraries a new policy expression may use in each release (those of the release before)", () => {
  const caret = (expression: string, column: number, name: string) => `ERROR: <input>:1:${column}: undeclared reference to '${name}' (in container '')\n | ${expression}\n | ${".".repeat(column - 1)}^`;
  const withValidation = (expression: string) => policy(RULES, `validations: [{expression: ${JSON.stringify(expression)}}]`);
  const IP = "!isIP(object.metadata.name)";
  const LISTS = "lists.range(2).size() == 2";
  it.each([
    ["ip", IP, "1.31"],
    ["the lists extension's version 3", LISTS, "1.35"],
  ])("%s: accepted from %s", (_name, expression, first) => {
    expect(createPathMessages(withValidation(expression), first)).toEqual([]);
    expect(createPathMessages(withValidation(expression), "1.36")).toEqual([]);
  });

  it.each([
    ["ip", IP, "1.30", [caret(IP, 6, "isIP")]],
    ["the lists extension's version 3", LISTS, "1.34", [caret(LISTS, 1, "lists"), caret(LISTS, 12, "range")]],
  ])("%s: refused in %s as an undeclared reference", (_name, expression, release, issues) => {
    expect(createPathMessages(withValidation(expression), release)).toEqual([`spec.validations[0].expression: Invalid value: ${JSON.stringify(expression)}: compilation failed: ${issues.join("\n")}`]);
  });

  it("gates match conditions as well", () => {
    const text = policy(RULES, `matchConditions: [{name: c, expression: ${JSON.stringify(IP)}}]`, "validations: [{expression: 'true'}]");
    expect(createPathMessages(text, "1.30")).toEqual([`spec.matchConditions[0].expression: Invalid value: ${JSON.stringify(IP)}: compilation failed: ${caret(IP, 6, "isIP")}`]);
    expect(createPathMessages(text, "1.31")).toEqual([]);
  });
});

describe("references a policy expression makes: declared functions, macros and argument counts of each release", () => {
  const issue = (expression: string, column: number, message: string) => `ERROR: <input>:1:${column}: ${message}\n | ${expression}\n | ${".".repeat(column - 1)}^`;
  const undeclared = (name: string) => `undeclared reference to '${name}' (in container '')`;
  const withValidation = (expression: string) => policy(RULES, `validations: [{expression: ${JSON.stringify(expression)}}]`);
  const refusal = (field: string, expression: string, issues: Array<[number, string]>) =>
    `${field}: Invalid value: ${JSON.stringify(expression)}: compilation failed: ${issues.map(([column, message]) => issue(expression, column, message)).join("\n")}`;

  it.each([
    ["standard macros and optional values", "object.spec.containers.all(c, c.name != '') && optional.of(object.metadata.name).optMap(n, n.size()).orValue(0) > 0", "1.30"],
    ["a two-variable comprehension from 1.33", "object.spec.template.metadata.labels.all(k, v, k != '' && v != '')", "1.33"],
    ["sortBy from 1.35", "object.spec.containers.sortBy(c, c.name).size() > 0", "1.35"],
    ["has() and the authorizer", "has(object.spec.replicas) && request.name != ''", "1.30"],
  ])("accepts %s (%s)", (_name, expression, release) => {
    expect(createPathMessages(withValidation(expression), release)).toEqual([]);
  });

  it.each([
    ["a function that is not declared", "foo(object.spec)", "1.36", [[4, undeclared("foo")]]],
    ["a member function that is not declared, after renamed calls", "has(object.spec) && int(object.spec.replicas).bar()", "1.36", [[50, undeclared("bar")]]],
    ["several undeclared names, in the order of their places", "x.y > 0 && z(object)", "1.36", [[1, undeclared("x")], [13, undeclared("z")]]],
    ["a standard function with too many arguments", "object.metadata.name.startsWith('a', 'b')", "1.36", [[32, "found no matching overload for 'startsWith' applied to 'dyn.(string, string)'"]]],
    ["a two-variable comprehension before 1.33", "object.spec.template.metadata.labels.all(k, v, v != '')", "1.32", [[41, undeclared("all")], [42, undeclared("k")], [45, undeclared("v")], [48, undeclared("v")]]],
    ["sortBy before 1.35", "object.spec.containers.sortBy(c, c.name).size() > 0", "1.34", [[30, undeclared("sortBy")], [31, undeclared("c")], [34, undeclared("c")]]],
    ["cel.bind, which Kubernetes does not declare", "cel.bind(r, object.spec.replicas, r < 5)", "1.36", [[1, undeclared("cel")], [9, undeclared("bind")], [10, undeclared("r")], [35, undeclared("r")]]],
  ] as Array<[string, string, string, Array<[number, string]>]>)("refuses %s (%s)", (_name, expression, release, issues) => {
    expect(createPathMessages(withValidation(expression), release)).toEqual([refusal("spec.validations[0].expression", expression, issues)]);
  });

  it("refuses an undeclared function in a match condition", () => {
    const expression = "isFoo(object)";
    const text = policy(RULES, `matchConditions: [{name: c, expression: ${JSON.stringify(expression)}}]`, "validations: [{expression: 'true'}]");
    expect(createPathMessages(text, "1.36")).toEqual([refusal("spec.matchConditions[0].expression", expression, [[6, undeclared("isFoo")]])]);
  });

  it("refuses an undeclared function in a webhook's match condition", () => {
    const expression = "object.metadata.name.lowerCase() != 'x'";
    const text = webhookMatching(expression);
    expect(createPathMessages(text, "1.36")).toEqual([refusal("webhooks[0].matchConditions[0].expression", expression, [[31, undeclared("lowerCase")]])]);
  });
});

describe("argument counts no overload has, refused with the types cel-go's checker gives the arguments", () => {
  const issue = (expression: string, column: number, message: string) => `ERROR: <input>:1:${column}: ${message}\n | ${expression}\n | ${".".repeat(column - 1)}^`;
  const undeclared = (name: string) => `undeclared reference to '${name}' (in container '')`;
  const noOverload = (name: string, signature: string) => `found no matching overload for '${name}' applied to '${signature}'`;
  const withValidation = (expression: string, ...more: string[]) => policy(RULES, "paramKind: {apiVersion: v1, kind: ConfigMap}", ...more, `validations: [{expression: ${JSON.stringify(expression)}}]`);
  const refusal = (field: string, expression: string, issues: Array<[number, string]>) =>
    `${field}: Invalid value: ${JSON.stringify(expression)}: compilation failed: ${issues.map(([column, message]) => issue(expression, column, message)).join("\n")}`;

  it.each([
    ["request's fields, with the arguments their overloads take", "request.name.startsWith('a') && size(request.userInfo.groups) > 0 && request.userInfo.extra['k'].size() >= 0", "1.30"],
    ["the namespace's fields", "namespaceObject.metadata.labels['team'].endsWith('a') || namespaceObject.status.conditions.size() == 0", "1.30"],
    ["the authorizer's chain, serviceAccount with its two arguments", "authorizer.serviceAccount('ns', 'sa').group('apps').resource('deployments').namespace('ns').check('get').allowed()", "1.30"],
    ["the request's own resource check", "authorizer.requestResource.check('update').reason() != ''", "1.30"],
    ["a variable's type, from its expression", "variables.owner.startsWith('system:')", "1.30", "variables: [{name: owner, expression: 'request.userInfo.username'}]"],
    ["first and last from 1.33", "[1, 2].first().hasValue() && [1].last().value() == 1 && optional.unwrap([optional.of(1)]).size() == 1 && [optional.none()].unwrapOpt().size() == 0", "1.33"],
  ])("accepts %s (%s)", (_name, expression, release, ...more) => {
    expect(createPathMessages(withValidation(expression, ...more), release)).toEqual([]);
  });

  it.each([
    ["a method of request's string field with no argument", "request.name.startsWith()", "1.36", [[24, noOverload("startsWith", "string.()")]]],
    ["size with two arguments", "size(request.name, 1) > 0", "1.30", [[5, noOverload("size", "(string, int)")]]],
    ["size of a list field, with a dyn argument", "size(request.userInfo.groups, object.spec) > 0", "1.36", [[5, noOverload("size", "(list(string), dyn)")]]],
    ["a map field's value type", "request.userInfo.extra['k'].size(1) > 0", "1.36", [[33, noOverload("size", "list(string).(int)")]]],
    ["the namespace's timestamp", "namespaceObject.metadata.creationTimestamp.getFullYear('UTC', 1) > 0", "1.36", [[55, noOverload("getFullYear", "timestamp.(string, int)")]]],
    ["the authorizer's group with two arguments", "authorizer.group('apps', 'x').resource('deployments').check('get').allowed()", "1.36", [[17, noOverload("group", "kubernetes.authorization.Authorizer.(string, string)")]]],
    ["a decision's allowed with an argument", "authorizer.requestResource.check('get').allowed(true)", "1.36", [[48, noOverload("allowed", "kubernetes.authorization.Decision.(bool)")]]],
    ["params and oldObject, which are dyn", "params.data.endsWith() || oldObject.contains('a', 'b')", "1.36", [[21, noOverload("endsWith", "dyn.()")], [45, noOverload("contains", "dyn.(string, string)")]]],
    ["null, printed as cel-go prints it", "size(null, 1) > 0", "1.36", [[5, noOverload("size", "(null, int)")]]],
    ["a variable's type", "variables.owner.endsWith()", "1.36", [[25, noOverload("endsWith", "string.()")]], "variables: [{name: owner, expression: 'request.userInfo.username'}]"],
    ["a variable of an object type, dyn as a field of variables", "variables.user.endsWith()", "1.36", [[24, noOverload("endsWith", "dyn.()")]], "variables: [{name: user, expression: 'request.userInfo'}]"],
    ["first with an argument", "[1].first(1).hasValue()", "1.36", [[10, noOverload("first", "list(int).(int)")]]],
    ["optional.of with two arguments", "optional.of(1, 2).hasValue()", "1.36", [[12, noOverload("optional.of", "(int, int)")]]],
    ["optional.unwrap with none", "optional.unwrap().size() == 0", "1.36", [[16, noOverload("optional.unwrap", "()")]]],
    ["a macro's variable over a list of strings", "request.userInfo.groups.all(g, g.startsWith())", "1.36", [[44, noOverload("startsWith", "string.()")]]],
    ["a macro's variable over dyn", "object.spec.containers.exists(c, c.image.endsWith())", "1.36", [[50, noOverload("endsWith", "dyn.()")]]],
    ["a two-variable comprehension's index and value", "request.userInfo.groups.all(i, g, size(i, g) > 0)", "1.36", [[39, noOverload("size", "(int, string)")]]],
    ["a map's keys, and a macro variable hiding a declared one", "namespaceObject.metadata.labels.exists(request, request.contains())", "1.36", [[65, noOverload("contains", "string.()")]]],
    ["first before 1.33, when cel-go had none", "[1].first().hasValue()", "1.32", [[10, undeclared("first")]]],
    ["optional.unwrap before 1.33", "optional.unwrap([]).size() == 0", "1.32", [[1, undeclared("optional")], [16, undeclared("unwrap")]]],
  ] as Array<[string, string, string, Array<[number, string]>, ...string[]]>)("refuses %s (%s)", (_name, expression, release, issues, ...more) => {
    expect(createPathMessages(withValidation(expression, ...more), release)).toEqual([refusal("spec.validations[0].expression", expression, issues)]);
  });

  it("refuses a field of request of another type than the validation's bool", () => {
    expect(createPathMessages(withValidation("request.userInfo.groups"), "1.36")).toEqual(['spec.validations[0].expression: Invalid value: "request.userInfo.groups": must evaluate to bool but got list(string)']);
  });

  it("refuses an argument count in a match condition and a message expression", () => {
    const text = policy(RULES, "matchConditions: [{name: c, expression: 'request.operation.matches()'}]", "validations: [{expression: 'true', messageExpression: 'request.name.lowerAscii(1)'}]");
    expect(createPathMessages(text, "1.36")).toEqual([
      refusal("spec.matchConditions[0].expression", "request.operation.matches()", [[26, noOverload("matches", "string.()")]]),
      refusal("spec.validations[0].messageExpression", "request.name.lowerAscii(1)", [[24, noOverload("lowerAscii", "string.(int)")]]),
    ]);
  });

  it.each([
    ["accepts the authorizer's path check", "authorizer.path('/healthz').check('get').allowed()", []],
    ["refuses the authorizer's path check without its verb", "authorizer.path('/healthz').check().allowed()", [[34, noOverload("check", "kubernetes.authorization.PathCheck.()")]]],
  ] as Array<[string, string, Array<[number, string]>]>)("%s in a webhook's match condition", (_name, expression, issues) => {
    const text = webhookMatching(expression);
    expect(createPathMessages(text, "1.36")).toEqual(issues.length === 0 ? [] : [refusal("webhooks[0].matchConditions[0].expression", expression, issues)]);
  });

  it("refuses the JSON patch library outside a mutating policy's mutations, as two undeclared references", () => {
    const expression = "jsonpatch.escapeKey('a/b') == 'a~1b'";
    expect(createPathMessages(withValidation(expression), "1.36")).toEqual([refusal("spec.validations[0].expression", expression, [[1, undeclared("jsonpatch")], [20, undeclared("escapeKey")]])]);
  });
});

describe("types of calls, selections and literals, refused as cel-go's checker refuses them", () => {
  const issue = (expression: string, column: number, message: string) => `ERROR: <input>:1:${column}: ${message}\n | ${expression}\n | ${".".repeat(column - 1)}^`;
  const noOverload = (name: string, signature: string) => `found no matching overload for '${name}' applied to '${signature}'`;
  const VARIABLES = "variables: [{name: owner, expression: 'request.userInfo.username'}, {name: spec, expression: 'object.spec'}, {name: groups, expression: 'request.userInfo.groups'}]";
  const withValidation = (expression: string, ...more: string[]) => policy(RULES, "paramKind: {apiVersion: v1, kind: ConfigMap}", ...more, `validations: [{expression: ${JSON.stringify(expression)}}]`);
  const refusal = (field: string, expression: string, issues: Array<[number, string]>) =>
    `${field}: Invalid value: ${JSON.stringify(expression)}: compilation failed: ${issues.map(([column, message]) => issue(expression, column, message)).join("\n")}`;

  it.each([
    ["a string method on the result of a call on dyn", "object.metadata.name.lowerAscii().startsWith('a')"],
    ["size of a call's result", "size(object.metadata.name.lowerAscii()) > 0 && params.data.split(',').size() > 1"],
    ["request's fields in operators", "request.userInfo.username + '-x' != '' && request.kind.group in ['apps', ''] && 'k' in request.userInfo.extra"],
    ["a map's values selected as fields", "request.userInfo.extra.k.size() >= 0 && namespaceObject.metadata.labels.team == 'a'"],
    ["has() of declared fields", "has(request.userInfo.username) && has(namespaceObject.metadata.labels)"],
    ["the namespace's conditions in a macro", "namespaceObject.status.conditions.exists(c, c.type == 'Ready' && c.lastTransitionTime < timestamp('2030-01-01T00:00:00Z'))"],
    ["lists of one type, dyn included, and a list joined with dyn", "[object.metadata.name, object.metadata.namespace].all(n, n.size() < 64) && request.userInfo.groups + [object.x] != []"],
    ["mixed types in format's arguments, which are exempt", "'%s has %d replicas'.format([request.name, object.spec.replicas]) != ''"],
    ["cross-type numeric comparisons", "object.spec.replicas > 1.5 && 2u < 3 && size(request.name) <= 253.0"],
    ["a ternary of one type, and null compared", "(request.dryRun ? 1 : 2) > 0 && request.userInfo != null"],
    ["null beside dyn, an object, a timestamp and an optional", "(request.dryRun ? object.metadata : null) != null && namespaceObject.metadata.creationTimestamp != null && request.?name != null"],
    ["variables of the types their expressions compiled to", "variables.owner.startsWith('system:') && variables.spec.replicas > 1 && variables.groups.exists(g, g == 'admins')", VARIABLES],
    ["macros' results", "request.userInfo.groups.filter(g, g.startsWith('a')).join(',') != '' && request.userInfo.groups.map(g, g.size()).sum() > 0"],
    ["conversions of dyn", "int(object.spec.replicas) + 1 > 0 && string(object.kind).lowerAscii() == 'pod' && duration(params.data.ttl) > duration('1s')"],
    ["the authorizer's decision", "authorizer.group('apps').resource('deployments').check('get').allowed() || authorizer.requestResource.check('update').reason() != ''"],
    ["the quantity, URL, IP, CIDR and semver libraries' methods on their types", "quantity('1Gi').add(quantity('1')).isGreaterThan(quantity(object.x)) && sign(quantity('1')) > 0 && url('https://a').getQuery()['q'].size() >= 0 && cidr('10.0.0.0/8').containsIP(ip('10.0.0.1')) && cidr('10.0.0.0/8').masked().prefixLength() == 8 && semver('1.0.0').major() == 1"],
    ["optional selections of declared fields", "request.?name.orValue('') != '' && namespaceObject.metadata.?labels.orValue({}).size() >= 0"],
  ] as Array<[string, string, ...string[]]>)("accepts %s", (_name, expression, ...more) => {
    expect(createPathMessages(withValidation(expression, ...more), "1.36")).toEqual([]);
  });

  it.each([
    ["an argument count on the result of a call", "size(object.x.lowerAscii(), 1) > 0", [[5, noOverload("size", "(string, int)")]]],
    ["a string method with an int, on a call's result", "object.metadata.name.lowerAscii().startsWith(1)", [[45, noOverload("startsWith", "string.(int)")]]],
    ["a call on a variable of known type", "variables.owner.lowerAscii().endsWith(1)", [[38, noOverload("endsWith", "string.(int)")]], VARIABLES],
    ["a field the request does not declare", "request.foo == 'a'", [[8, "undefined field 'foo'"]]],
    ["a field the namespace's spec does not declare", "namespaceObject.spec.foo == 'a'", [[21, "undefined field 'foo'"]]],
    ["a variable not defined", "variables.undefinedName == 'a'", [[10, "undefined field 'undefinedName'"]], VARIABLES],
    ["has() of an undeclared field, at its parenthesis", "has(request.foo)", [[4, "undefined field 'foo'"]]],
    ["an optional selection of an undeclared field", "request.?foo.hasValue()", [[8, "undefined field 'foo'"]]],
    ["a selection on a string", "request.name.foo == 'a'", [[13, "type 'string' does not support field selection"]]],
    ["size of a bool", "request.dryRun.size() > 0", [[20, noOverload("size", "bool.()")]]],
    ["a string plus an int", "request.userInfo.username + 1 == 'a'", [[27, noOverload("_+_", "(string, int)")]]],
    ["an int compared with a double for equality", "size(request.name) == 1.0", [[20, noOverload("_==_", "(int, double)")]]],
    ["a list indexed with a string", "request.userInfo.groups['a'] == 'x'", [[24, noOverload("_[_]", "(list(string), string)")]]],
    ["an object in a list of strings", "request.kind in ['Pod']", [[14, noOverload("@in", "(kubernetes.GroupVersionKind, list(string))")]]],
    ["a macro variable compared with an int", "request.userInfo.groups.exists(g, g == 1)", [[37, noOverload("_==_", "(string, int)")]]],
    ["a string as a condition", "request.name ? true : false", [[14, noOverload("_?_:_", "(string, bool, bool)")]]],
    ["a string negated", "!request.name", [[1, noOverload("!_", "(string)")]]],
    ["a string operand of &&", "request.name && true", [[8, "expected type 'bool' but found 'string'"]]],
    ["a list of mixed types, at its first item of another type", "[1, 'a', 2.0].size() > 0", [[5, "expected type 'int' but found 'string'"]]],
    ["a list of a string and a dyn", "request.name in [request.namespace, object.metadata.namespace]", [[52, "expected type 'string' but found 'dyn'"]]],
    ["a map's keys and values each of another type than the first entry's", "{'a': 1, 2: 'b'}.size() > 0", [[10, "expected type 'string' but found 'int'"], [13, "expected type 'int' but found 'string'"]]],
    ["a list of mixed types beside a check error: the check error only, as the validators run on what checked", "[1, 'a'].size() > 0 && request.foo == 1", [[31, "undefined field 'foo'"]]],
    ["literal arguments the validators refuse, with a mixed list", "[1, 'a'].size() > 0 && duration('1d') > duration('1h') && request.name.matches('[')", [[5, "expected type 'int' but found 'string'"], [33, "invalid duration argument"], [80, "invalid matches argument"]]],
    ["a comprehension over a string", "request.name.all(c, c != '')", [[8, "expression of type 'string' cannot be range of a comprehension (must be list, map, or dynamic)"]]],
    ["the lists library on strings", "request.userInfo.groups.indexOf(1) >= 0 && request.userInfo.groups.sum() == 0", [[32, noOverload("indexOf", "list(string).(int)")], [71, noOverload("sum", "list(string).()")]]],
    ["a quantity compared with an int", "quantity('1').isGreaterThan(1)", [[28, noOverload("isGreaterThan", "kubernetes.Quantity.(int)")]]],
    ["sign called as a method: the API server declares sign(q) only", "quantity('1').sign() > 0", [[19, noOverload("sign", "kubernetes.Quantity.()")]]],
    ["a CIDR asked whether it contains an int", "cidr('10.0.0.0/8').containsIP(1)", [[30, noOverload("containsIP", "net.CIDR.(int)")]]],
    ["a URL's host compared with an int", "url('https://a').getHost() == 1", [[28, noOverload("_==_", "(string, int)")]]],
    ["a string or null from a conditional: null is assignable to no string", "(request.dryRun ? request.name : null) != ''", [[17, noOverload("_?_:_", "(bool, string, null)")]]],
    ["an int compared with null", "size(request.name) != null", [[20, noOverload("_!=_", "(int, null)")]]],
    ["a list of strings compared with null", "request.userInfo.groups == null", [[25, noOverload("_==_", "(list(string), null)")]]],
    ["orValue of another type than the optional selection's", "request.?name.orValue(1) == 1", [[22, noOverload("orValue", "optional_type(string).(int)")]]],
    ["size of a named format's validation, an optional", "format.dns1123Label().validate(request.name).size() == 0", [[50, noOverload("size", "optional_type(list(string)).()")]]],
    ["an item of an optional list compared with a string", "request.userInfo.?groups[0] == 'admins'", [[29, noOverload("_==_", "(optional_type(string), string)")]]],
    ["two errors, listed in the order of their places", "request.foo == 1 || request.name.startsWith(1)", [[8, "undefined field 'foo'"], [44, noOverload("startsWith", "string.(int)")]]],
  ] as Array<[string, string, Array<[number, string]>, ...string[]]>)("refuses %s", (_name, expression, issues, ...more) => {
    expect(createPathMessages(withValidation(expression, ...more), "1.36")).toEqual([refusal("spec.validations[0].expression", expression, issues)]);
  });

  it.each([
    ["a variable referring to one defined after it", "variables: [{name: a, expression: 'variables.b'}, {name: b, expression: 'true'}]", "spec.variables[0].expression", "variables.b", [[10, "undefined field 'b'"]]],
    ["a variable referring to itself", "variables: [{name: a, expression: 'variables.a'}]", "spec.variables[0].expression", "variables.a", [[10, "undefined field 'a'"]]],
  ] as Array<[string, string, string, string, Array<[number, string]>]>)("refuses %s, as variables are declared in their order", (_name, variables, field, expression, issues) => {
    expect(createPathMessages(withValidation("true", variables), "1.30")).toEqual([refusal(field, expression, issues)]);
  });

  it.each([
    ["the request's fields", "request.userInfo.extra.foo.size() > 0 && request.requestKind.kind == 'Deployment'", []],
    ["a field the request does not declare", "request.userinfo.username == ''", [[8, "undefined field 'userinfo'"]]],
  ] as Array<[string, string, Array<[number, string]>]>)("%s in a webhook's match condition", (_name, expression, issues) => {
    expect(createPathMessages(webhookMatching(expression), "1.31")).toEqual(issues.length === 0 ? [] : [refusal("webhooks[0].matchConditions[0].expression", expression, issues)]);
  });

  it.each([
    ["1.30", [[29, "expected type 'string' but found 'int'"]]],
    ["1.31", []],
  ] as Array<[string, Array<[number, string]>]>)("a mixed list in a call within format's arguments, exempt only from 1.31 (%s)", (release, issues) => {
    const expression = "'%d'.format([[request.name, 1].size()]) != ''";
    expect(createPathMessages(withValidation(expression), release)).toEqual(issues.length === 0 ? [] : [refusal("spec.validations[0].expression", expression, issues)]);
  });

  it("refuses a call result of another type than the validation's bool", () => {
    expect(createPathMessages(withValidation("request.name.lowerAscii()"), "1.36")).toEqual(['spec.validations[0].expression: Invalid value: "request.name.lowerAscii()": must evaluate to bool but got string']);
  });
});

describe("an unclosed list, at the end of the expression the API server compiles", () => {
  const issue = (expression: string, column: number) => `ERROR: <input>:1:${column}: Syntax error: missing ']' at '<EOF>'\n | ${expression}\n | ${".".repeat(column - 1)}^`;
  it.each([
    ["a validation, compiled as written", "validations: [{expression: 'object.x in [1, 2, '}]", "spec.validations[0].expression", '"object.x in [1, 2, "', "object.x in [1, 2, ", 20],
    ["an audit annotation's value, compiled trimmed and shown as written", "auditAnnotations: [{key: k, valueExpression: 'object.x in [1, 2, '}]", "spec.auditAnnotations[0].valueExpression", '"object.x in [1, 2, "', "object.x in [1, 2,", 19],
    ["a match condition, compiled and shown trimmed", "matchConditions: [{name: m, expression: 'object.x in [1, 2, '}]\n  validations: [{expression: 'true'}]", "spec.matchConditions[0].expression", '"object.x in [1, 2,"', "object.x in [1, 2,", 19],
  ])("in %s", (_name, field, path, shown, compiled, column) => {
    expect(createPathMessages(policy(RULES, field), "1.30")).toEqual([`${path}: Invalid value: ${shown}: compilation failed: ${issue(compiled, column)}`]);
  });
});
