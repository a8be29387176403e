import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const config = (kind: string, ...webhooks: string[]) =>
  yaml("apiVersion: admissionregistration.k8s.io/v1", `kind: ${kind}`, "metadata: {name: hooks}", "webhooks:", ...webhooks.map((l) => "  " + l));

const HOOK = [
  "- name: check.example.com",
  "  clientConfig: {service: {name: svc, namespace: ns, path: /validate}}",
  "  rules: [{operations: [CREATE, UPDATE], apiGroups: [apps], apiVersions: [v1], resources: [deployments, deployments/scale]}]",
  "  sideEffects: None",
  "  admissionReviewVersions: [v1]",
];
/** A webhook's lines: a name, no side effects and AdmissionReview v1 unless the lines give their own. */
const hook = (...lines: string[]) => {
  const defaults = ["name: check.example.com", "sideEffects: None", "admissionReviewVersions: [v1]"].filter((d) => !lines.some((l) => l.startsWith(d.split(":")[0]! + ":")));
  return [...defaults, ...lines].map((line, i) => (i === 0 ? "- " : "  ") + line);
};
const FORM = "; desired format: https://host[/path]";

describe("validateWebhookConfiguration", () => {
  it.each([
    ["a validating webhook by service", config("ValidatingWebhookConfiguration", ...HOOK)],
    ["a mutating webhook by URL, reinvoked", config("MutatingWebhookConfiguration", ...hook("clientConfig: {url: 'https://hooks.example.com:8443/mutate'}", "reinvocationPolicy: IfNeeded", "timeoutSeconds: 30"))],
    [
      "wildcards, subresources and selectors",
      config(
        "ValidatingWebhookConfiguration",
        ...hook("clientConfig: {url: 'https://h.example.com'}", "rules: [{operations: ['*'], apiGroups: ['*'], apiVersions: ['*'], resources: ['*/status'], scope: Namespaced}]", "namespaceSelector: {matchLabels: {team: a}}", "objectSelector: {matchExpressions: [{key: a, operator: Exists}]}", "failurePolicy: Ignore", "matchPolicy: Exact", "sideEffects: NoneOnDryRun"),
      ),
    ],
    [
      "match conditions",
      config("ValidatingWebhookConfiguration", ...hook("clientConfig: {url: 'https://h.example.com'}", "matchConditions: [{name: not-kube-system, expression: \"request.namespace != 'kube-system'\"}, {name: example.com/authz, expression: \"authorizer.group('').resource('pods').check('create').allowed()\"}]")),
    ],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "a webhook name that is not fully qualified, and one used twice",
      config("ValidatingWebhookConfiguration", ...hook("name: webhook", "clientConfig: {url: 'https://h.example.com'}"), ...hook("clientConfig: {url: 'https://h.example.com'}"), ...hook("clientConfig: {url: 'https://h.example.com'}")),
      ['webhooks[0].name: Invalid value: "webhook": should be a domain with at least three segments separated by dots', 'webhooks[2].name: Duplicate value: "check.example.com"'],
    ],
    [
      "no side effects class, and one with side effects",
      config("ValidatingWebhookConfiguration", "- name: a.example.com", "  clientConfig: {url: 'https://h.example.com'}", "  admissionReviewVersions: [v1]", ...hook("name: b.example.com", "clientConfig: {url: 'https://h.example.com'}", "sideEffects: Some")),
      ["webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun", 'webhooks[1].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"'],
    ],
    [
      "unsupported policies and a timeout over 30 seconds",
      config("MutatingWebhookConfiguration", ...hook("clientConfig: {url: 'https://h.example.com'}", "failurePolicy: Retry", "matchPolicy: Fuzzy", "reinvocationPolicy: Always", "timeoutSeconds: 31")),
      [
        'webhooks[0].failurePolicy: Unsupported value: "Retry": supported values: "Fail", "Ignore"',
        'webhooks[0].matchPolicy: Unsupported value: "Fuzzy": supported values: "Equivalent", "Exact"',
        'webhooks[0].reinvocationPolicy: Unsupported value: "Always": supported values: "IfNeeded", "Never"',
        "webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds",
      ],
    ],
    [
      "both a URL and a service, and neither",
      config("ValidatingWebhookConfiguration", ...hook("clientConfig: {url: 'https://h.example.com', service: {name: s, namespace: n}}"), ...hook("name: b.example.com", "clientConfig: {}")),
      ["webhooks[0].clientConfig: Required value: exactly one of url or service is required", "webhooks[1].clientConfig: Required value: exactly one of url or service is required"],
    ],
    [
      "URLs with the wrong scheme, no host, user information, a fragment and a query",
      config(
        "ValidatingWebhookConfiguration",
        ...hook("clientConfig: {url: 'http://h.example.com'}"),
        ...hook("name: b.example.com", "clientConfig: {url: 'https:///path'}"),
        ...hook("name: c.example.com", "clientConfig: {url: 'https://user:pw@h.example.com/p?x=1#frag'}"),
        ...hook("name: d.example.com", "clientConfig: {url: 'example.com/webhook'}"),
      ),
      [
        `webhooks[0].clientConfig.url: Invalid value: "http": 'https' is the only allowed URL scheme${FORM}`,
        `webhooks[1].clientConfig.url: Invalid value: "": host must be specified${FORM}`,
        'webhooks[2].clientConfig.url: Invalid value: "user:pw": user information is not permitted in the URL',
        'webhooks[2].clientConfig.url: Invalid value: "frag": fragments are not permitted in the URL',
        'webhooks[2].clientConfig.url: Invalid value: "x=1": query parameters are not permitted in the URL',
        `webhooks[3].clientConfig.url: Invalid value: "": 'https' is the only allowed URL scheme${FORM}`,
        `webhooks[3].clientConfig.url: Invalid value: "": host must be specified${FORM}`,
      ],
    ],
    [
      "a URL that does not parse",
      config("ValidatingWebhookConfiguration", ...hook("clientConfig: {url: 'https://h.example.com:port/x'}"), ...hook("name: b.example.com", "clientConfig: {url: '://x'}")),
      [
        `webhooks[0].clientConfig.url: Required value: url must be a valid URL: parse "https://h.example.com:port/x": invalid port ":port" after host${FORM}`,
        `webhooks[1].clientConfig.url: Required value: url must be a valid URL: parse "://x": missing protocol scheme${FORM}`,
      ],
    ],
    [
      "a service without name or namespace, with a bad port and path (1.34 and later)",
      config("ValidatingWebhookConfiguration", ...hook("clientConfig: {service: {port: 70000, path: 'a//B'}}")),
      [
        "webhooks[0].clientConfig.service.name: Required value",
        "webhooks[0].clientConfig.service.namespace: Required value",
        "webhooks[0].clientConfig.service.port: Invalid value: 70000: port is not valid: must be between 1 and 65535, inclusive",
        "webhooks[0].clientConfig.service.path: Invalid value: \"a//B\": must start with a '/'",
        'webhooks[0].clientConfig.service.path: Invalid value: "a//B": segment[0] may not be empty',
        'webhooks[0].clientConfig.service.path: Invalid value: "a//B": segment[1] may not be empty',
        "webhooks[0].clientConfig.service.path: Invalid value: \"a//B\": segment[2]: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
    [
      "rules without operations, groups, versions or resources",
      config("ValidatingWebhookConfiguration", ...hook("clientConfig: {url: 'https://h.example.com'}", "rules: [{operations: [], apiGroups: [], apiVersions: [], resources: []}]")),
      ["webhooks[0].rules[0].operations: Required value", "webhooks[0].rules[0].apiGroups: Required value", "webhooks[0].rules[0].apiVersions: Required value", "webhooks[0].rules[0].resources: Required value"],
    ],
    [
      "wildcards beside other values",
      config(
        "ValidatingWebhookConfiguration",
        ...hook(
          "clientConfig: {url: 'https://h.example.com'}",
          "rules:",
          "- {operations: ['*', CREATE, PATCH], apiGroups: ['*', apps], apiVersions: ['*', v1, ''], resources: ['*', pods, 'pods/*', pods/status, '*/scale', deployments/scale], scope: Global}",
          "- {operations: [CREATE], apiGroups: [''], apiVersions: [v1], resources: ['*/*', pods/log]}",
        ),
      ),
      [
        'webhooks[0].rules[0].operations: Invalid value: ["*","CREATE","PATCH"]: if \'*\' is present, must not specify other operations',
        'webhooks[0].rules[0].operations[2]: Unsupported value: "PATCH": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE"',
        'webhooks[0].rules[0].apiGroups: Invalid value: ["*","apps"]: if \'*\' is present, must not specify other API groups',
        'webhooks[0].rules[0].apiVersions: Invalid value: ["*","v1",""]: if \'*\' is present, must not specify other API versions',
        "webhooks[0].rules[0].apiVersions[2]: Required value",
        "webhooks[0].rules[0].resources[3]: Invalid value: \"pods/status\": if 'pods/*' is present, must not specify pods/status",
        "webhooks[0].rules[0].resources[5]: Invalid value: \"deployments/scale\": if '*/scale' is present, must not specify deployments/scale",
        'webhooks[0].rules[0].resources: Invalid value: ["*","pods","pods/*","pods/status","*/scale","deployments/scale"]: if \'*\' is present, must not specify other resources without subresources',
        'webhooks[0].rules[0].scope: Unsupported value: "Global": supported values: "*", "Cluster", "Namespaced"',
        'webhooks[0].rules[1].resources: Invalid value: ["*/*","pods/log"]: if \'*/*\' is present, must not specify other resources',
      ],
    ],
    [
      "admission review versions missing, repeated, not labels or unknown",
      config("ValidatingWebhookConfiguration", "- name: a.example.com", "  sideEffects: None", "  clientConfig: {url: 'https://h.example.com'}", "  admissionReviewVersions: []", ...["- name: b.example.com", "  sideEffects: None", "  clientConfig: {url: 'https://h.example.com'}", "  admissionReviewVersions: [v2, v2, V3]"]),
      [
        "webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1",
        'webhooks[1].admissionReviewVersions[1]: Invalid value: "v2": duplicate version',
        "webhooks[1].admissionReviewVersions[2]: Invalid value: \"V3\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        'webhooks[1].admissionReviewVersions: Invalid value: ["v2","v2","V3"]: must include at least one of v1, v1beta1',
      ],
    ],
    [
      "match conditions without names or expressions, repeated, not compiling",
      config(
        "ValidatingWebhookConfiguration",
        ...hook("clientConfig: {url: 'https://h.example.com'}", "matchConditions: [{name: '', expression: '  '}, {name: a, expression: 'object.x =='}, {name: a, expression: \"'text'\"}, {name: 'b c', expression: 'params.x'}]"),
      ),
      [
        "webhooks[0].matchConditions[0].expression: Required value",
        "webhooks[0].matchConditions[0].name: Required value",
        `webhooks[0].matchConditions[1].expression: Invalid value: "object.x ==": compilation failed: ERROR: <input>:1:12: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | object.x ==\n | ...........^`,
        'webhooks[0].matchConditions[2].expression: Invalid value: "\'text\'": must evaluate to bool but got string',
        'webhooks[0].matchConditions[2].name: Duplicate value: "a"',
        "webhooks[0].matchConditions[3].expression: Invalid value: \"params.x\": compilation failed: ERROR: <input>:1:1: undeclared reference to 'params' (in container '')\n | params.x\n | ^",
        "webhooks[0].matchConditions[3].name: Invalid value: \"b c\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });

  it("says what was required of a service before 1.34", () => {
    const text = config("ValidatingWebhookConfiguration", ...hook("clientConfig: {service: {path: /x}}"));
    expect(createPathMessages(text, "1.33").sort()).toEqual(["webhooks[0].clientConfig.service.name: Required value: service name is required", "webhooks[0].clientConfig.service.namespace: Required value: service namespace is required"]);
  });

  it("warns of the name suffix reserved for manifest-based configuration from 1.36", () => {
    const text = yaml("apiVersion: admissionregistration.k8s.io/v1", "kind: MutatingWebhookConfiguration", "metadata: {name: policy.static.k8s.io}");
    expect(createPathMessages(text)).toEqual([
      'metadata.name: names ending with ".static.k8s.io" will be reserved for static manifest-based configurations when the ManifestBasedAdmissionControlConfig feature gate is enabled',
    ]);
    expect(createPathMessages(text, "1.35")).toEqual([]);
  });
});
