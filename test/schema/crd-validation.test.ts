// Custom resources against realistic CustomResourceDefinitions: structural
// schema semantics, kube-apiserver's wording for custom resources, CEL
// rules, versions, scopes and kind lookup.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createSchemaValidator, type SchemaValidator } from "../../src/schema/index.js";
import type { ManifestDocument } from "../../src/types.js";
import { brief, documentsOf, thingCrd } from "./helpers.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", "crds", name), "utf8");
const CRD_FILES = ["webapps.yaml", "cert-manager.yaml", "malformed.yaml"];
const crdDocuments = () => CRD_FILES.flatMap((name) => documentsOf(fixture(name), name));

function validatorWithCrds(kubernetesVersion = "1.36", ignoreMissingSchemas = false): SchemaValidator {
  const validator = createSchemaValidator({ kubernetesVersion, ignoreMissingSchemas });
  validator.addCustomResourceDefinitions(crdDocuments().map((d) => d.object));
  return validator;
}

/** Findings, without the one info about the WebApp CRD's transition rule (tested on its own). */
function findings(yaml: string, options: { version?: string; ignoreMissingSchemas?: boolean } = {}) {
  const validator = validatorWithCrds(options.version, options.ignoreMissingSchemas);
  return documentsOf(yaml)
    .flatMap((document) => validator.validate(document))
    .filter((f) => f.rule !== "schema/cel-transition-rule")
    .map((f) => ({ ...brief(f), ...(f.severity !== "error" ? { severity: f.severity } : {}) }));
}

/** A WebApp whose spec lines start at line 6. */
const webapp = (spec: string, apiVersion = "platform.example.io/v1") => `apiVersion: ${apiVersion}\nkind: WebApp\nmetadata:\n  name: shop\nspec:\n${spec}`;

const VALID_WEBAPP = `apiVersion: platform.example.io/v1
kind: WebApp
metadata:
  name: shop
  namespace: payments
spec:
  image: registry.example.com/shop:1.4
  port: http
  tier: frontend
  env:
    - name: LOG_LEVEL
      value: debug
  hosts: [shop.example.com]
  tls: {enabled: true, secretName: shop-tls}
  config: {featureFlags: {beta: true}, anything: [1, "two"]}
  labels: {team: pay}
  template:
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: shop-config}
    data: {a: b}
  routes:
    - path: /api
      weight: 50
    - path: /static
`;

describe("the CRDs themselves", () => {
  test("well-formed CRDs are valid built-in objects", () => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    const docs = ["webapps.yaml", "cert-manager.yaml"].flatMap((name) => documentsOf(fixture(name), name));
    expect(docs.flatMap((d) => validator.validate(d)).map(brief)).toEqual([]);
  });

  test("a malformed schema is reported on the CRD, and its resources are checked without a crash", () => {
    const validator = validatorWithCrds();
    const [crd] = documentsOf(fixture("malformed.yaml"), "malformed.yaml");
    expect(validator.validate(crd!).map(brief)).toEqual([
      { rule: "schema/type", line: 17, column: 23, message: 'spec.versions[0].schema.openAPIV3Schema.properties: expected an object, got a list (remove the "- " before the fields)' },
      { rule: "schema/type", line: 18, column: 21, message: 'spec.versions[0].schema.openAPIV3Schema.required: expected a list, got a string "spec" (write it as a list: ["spec"], or one "- item" per line)', suggestion: '["spec"]' },
      { rule: "schema/type", line: 16, column: 17, message: 'spec.versions[0].schema.openAPIV3Schema.type: expected a string, got a number (YAML reads 7 as a number: quote it, "7")', suggestion: '"7"' },
      { rule: "schema/type", line: 19, column: 37, message: 'spec.versions[0].schema.openAPIV3Schema.x-kubernetes-validations: expected a list, got a string "self.x > 0" (write it as a list: ["self.x > 0"], or one "- item" per line)', suggestion: '["self.x > 0"]' },
    ]);
    const [gadget] = documentsOf("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {x: 1}\n");
    expect(validator.validate(gadget!)).toEqual([]);
  });

  test("garbage in place of CRDs declares nothing and never throws", () => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    const garbage: unknown[] = [
      null,
      "text",
      { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition" },
      { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: "x", spec: { group: "g.io", names: { kind: "K" }, versions: [{ name: "v1", schema: { openAPIV3Schema: { properties: { spec: { properties: { a: { default: { x: 1 }, "x-kubernetes-validations": [{ rule: 7 }, { rule: "self +" }] } } } } } } }] } },
    ];
    expect(() => validator.addCustomResourceDefinitions(garbage as never)).not.toThrow();
    const [resource] = documentsOf("apiVersion: g.io/v1\nkind: K\nmetadata: {name: k}\nspec: {a: {}}\n");
    expect(validator.validate(resource!).map((f) => [f.rule, f.severity, f.message])).toEqual([
      ["schema/cel-not-evaluated", "info", 'spec.a: x-kubernetes-validations rule "self +" was not evaluated: it could not be parsed (Unexpected token: EOF)'],
    ]);
  });
});

/** What the API server adds when an error keeps the CRD's CEL rules from running. */
const RULES_NOT_CHECKED = {
  rule: "schema/cel-rules-not-checked",
  line: 1,
  column: 1,
  message: "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
};

describe("custom resources", () => {
  test("a valid resource using every feature of the schema", () => {
    expect(findings(VALID_WEBAPP)).toEqual([]);
  });

  test("the transition rule is explained once, however many resources", () => {
    const validator = validatorWithCrds();
    const rules = documentsOf(`${VALID_WEBAPP}---\n${VALID_WEBAPP.replace("name: shop", "name: shop-2")}`).flatMap((d) => validator.validate(d)).map((f) => f.rule);
    expect(rules).toEqual(["schema/cel-transition-rule"]);
  });

  const cases: Array<{ name: string; yaml: string; version?: string; expected: ReturnType<typeof findings> }> = [
    {
      name: "an unknown field with a suggestion",
      yaml: webapp("  image: shop\n  minReplica: 2\n"),
      expected: [{ rule: "schema/unknown-field", line: 7, column: 3, message: 'spec.minReplica: unknown field "minReplica" (did you mean "minReplicas"?)', suggestion: "minReplicas" }],
    },
    {
      name: "an unknown field in a nested object",
      yaml: webapp("  image: shop\n  tls: {enable: true}\n"),
      expected: [{ rule: "schema/unknown-field", line: 7, column: 9, message: 'spec.tls.enable: unknown field "enable" (did you mean "enabled"?)', suggestion: "enabled" }],
    },
    {
      name: "maximum",
      yaml: webapp("  image: shop\n  maxReplicas: 11\n"),
      expected: [{ rule: "schema/invalid-value", line: 7, column: 16, message: "spec.maxReplicas: Invalid value: 11: spec.maxReplicas in body should be less than or equal to 10" }],
    },
    {
      name: "minimum",
      yaml: webapp("  image: shop\n  minReplicas: -1\n"),
      expected: [{ rule: "schema/invalid-value", line: 7, column: 16, message: "spec.minReplicas: Invalid value: -1: spec.minReplicas in body should be greater than or equal to 0" }],
    },
    {
      name: "enum",
      yaml: webapp("  image: shop\n  tier: frontnd\n"),
      expected: [{ rule: "schema/enum", line: 7, column: 9, message: 'spec.tier: Unsupported value: "frontnd": supported values: "frontend", "backend", "worker" (did you mean "frontend"?)', suggestion: "frontend" }, RULES_NOT_CHECKED],
    },
    {
      name: "pattern",
      yaml: webapp("  image: Shop:Latest!\n"),
      expected: [{ rule: "schema/invalid-value", line: 6, column: 10, message: `spec.image: Invalid value: "Shop:Latest!": spec.image in body should match '^[a-z0-9./-]+(:[A-Za-z0-9._-]+)?$'` }],
    },
    {
      name: "a required field",
      yaml: webapp("  tier: backend\n"),
      expected: [{ rule: "schema/required", line: 5, column: 1, message: "spec.image: Required value" }, RULES_NOT_CHECKED],
    },
    {
      name: "a quoted integer",
      yaml: webapp('  image: shop\n  maxReplicas: "5"\n'),
      expected: [{ rule: "schema/type", line: 7, column: 16, message: 'spec.maxReplicas: Invalid value: "string": spec.maxReplicas in body must be of type integer: "string" (remove the quotes: 5)', suggestion: "5" }, RULES_NOT_CHECKED],
    },
    {
      name: "int-or-string",
      yaml: webapp("  image: shop\n  port: [80]\n"),
      expected: [{ rule: "schema/type", line: 7, column: 9, message: 'spec.port: Invalid value: "array": spec.port in body must be of type integer,string: "array"' }, RULES_NOT_CHECKED],
    },
    {
      name: "a duplicate key in a map-list (JSON from Kubernetes 1.34)",
      yaml: webapp("  image: shop\n  env:\n    - name: LOG_LEVEL\n      value: debug\n    - name: LOG_LEVEL\n      value: info\n"),
      expected: [{ rule: "schema/duplicate-value", line: 10, column: 7, message: 'spec.env[1]: Duplicate value: {"name":"LOG_LEVEL"}' }],
    },
    {
      name: "a duplicate key in a map-list (Go syntax before 1.34)",
      version: "1.33",
      yaml: webapp("  image: shop\n  env:\n    - name: LOG_LEVEL\n    - name: LOG_LEVEL\n"),
      expected: [{ rule: "schema/duplicate-value", line: 9, column: 7, message: 'spec.env[1]: Duplicate value: map[string]interface {}{"name":"LOG_LEVEL"}' }],
    },
    {
      name: "a duplicate item in a set, and too many items",
      yaml: webapp("  image: shop\n  hosts: [a.example.com, b.example.com, a.example.com, c.example.com]\n"),
      expected: [
        { rule: "schema/invalid-value", line: 7, column: 10, message: "spec.hosts: Too many: 4: must have at most 3 items" },
        { rule: "schema/duplicate-value", line: 7, column: 41, message: 'spec.hosts[2]: Duplicate value: "a.example.com"' },
        RULES_NOT_CHECKED,
      ],
    },
    {
      name: "maxLength of map values and of list items",
      yaml: webapp("  image: shop\n  labels: {team: payments-platform}\n  env:\n    - name: A_VERY_LONG_VARIABLE_NAME\n"),
      expected: [
        { rule: "schema/invalid-value", line: 9, column: 13, message: "spec.env[0].name: Too long: may not be more than 16 bytes" },
        { rule: "schema/invalid-value", line: 7, column: 18, message: "spec.labels.team: Too long: may not be more than 8 bytes" },
        RULES_NOT_CHECKED,
      ],
    },
    {
      name: "an embedded resource needs apiVersion and kind, and has ObjectMeta",
      yaml: webapp("  image: shop\n  template:\n    metadata: {lables: {a: b}}\n"),
      expected: [
        { rule: "schema/unknown-field", line: 8, column: 16, message: 'spec.template.metadata.lables: unknown field "lables" (did you mean "labels"?)', suggestion: "labels" },
        { rule: "schema/embedded-resource", line: 7, column: 3, message: "spec.template.apiVersion: Required value" },
        { rule: "schema/embedded-resource", line: 7, column: 3, message: "spec.template.kind: Required value" },
        RULES_NOT_CHECKED,
      ],
    },
    {
      name: "an embedded resource without apiVersion and kind on 1.33: the detail upstream gave until 1.34",
      version: "1.33",
      yaml: webapp("  image: shop\n  template: {metadata: {name: t}}\n"),
      expected: [
        { rule: "schema/embedded-resource", line: 7, column: 3, message: "spec.template.apiVersion: Required value: must not be empty" },
        { rule: "schema/embedded-resource", line: 7, column: 3, message: "spec.template.kind: Required value: must not be empty" },
        { ...RULES_NOT_CHECKED, message: RULES_NOT_CHECKED.message.replace("null", '"null"') },
      ],
    },
    {
      name: "an embedded resource's empty apiVersion and kind are invalid, not missing",
      yaml: webapp('  image: shop\n  template: {apiVersion: "", kind: ""}\n'),
      expected: [
        { rule: "schema/embedded-resource", line: 7, column: 26, message: 'spec.template.apiVersion: Invalid value: "": must not be empty' },
        { rule: "schema/embedded-resource", line: 7, column: 36, message: 'spec.template.kind: Invalid value: "": must not be empty' },
      ],
    },
    {
      name: "an embedded resource's metadata as ObjectMeta: names are path segments, labels label values",
      yaml: webapp("  image: shop\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a/b, namespace: Team_A, labels: {app: -x}}\n"),
      expected: [
        { rule: "schema/embedded-resource", line: 10, column: 22, message: "spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'" },
        {
          rule: "schema/embedded-resource",
          line: 10,
          column: 38,
          message:
            "spec.template.metadata.namespace: Invalid value: \"Team_A\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        },
        {
          rule: "schema/embedded-resource",
          line: 10,
          column: 54,
          message:
            "spec.template.metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        },
      ],
    },
    {
      name: "an embedded resource's valid metadata",
      yaml: webapp("  image: shop\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {generateName: cfg-, namespace: team-a, labels: {app: shop}, annotations: {note: x}}\n"),
      expected: [],
    },
    {
      name: "an embedded resource's ownerReference without uid: ValidateObjectMetaAccessor's error at the list, not the OpenAPI required list, and the rules still run",
      yaml: webapp("  image: shop\n  minReplicas: 5\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]}\n"),
      expected: [
        { rule: "schema/embedded-resource", line: 11, column: 16, message: 'spec.template.metadata.ownerReferences.uid: Invalid value: "": must not be empty' },
        { rule: "schema/cel-rule", line: 6, column: 3, message: "spec: Invalid value: minReplicas must not exceed maxReplicas" },
      ],
    },
    {
      name: "an embedded resource's ownerReference without apiVersion, kind and name",
      yaml: webapp("  image: shop\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {ownerReferences: [{uid: u1}]}\n"),
      expected: [
        { rule: "schema/embedded-resource", line: 10, column: 16, message: 'spec.template.metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty' },
        { rule: "schema/embedded-resource", line: 10, column: 16, message: 'spec.template.metadata.ownerReferences.kind: Invalid value: "": must not be empty' },
        { rule: "schema/embedded-resource", line: 10, column: 16, message: 'spec.template.metadata.ownerReferences.name: Invalid value: "": must not be empty' },
      ],
    },
    {
      name: "an embedded resource's complete ownerReference",
      yaml: webapp("  image: shop\n  template:\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1}]}\n"),
      expected: [],
    },
    {
      name: "the resource's own ownerReference without uid: no schema finding (the API server's metadata checks report it), and the rules run",
      yaml: "apiVersion: platform.example.io/v1\nkind: WebApp\nmetadata:\n  name: shop\n  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]\nspec:\n  image: shop\n  minReplicas: 5\n",
      expected: [{ rule: "schema/cel-rule", line: 7, column: 3, message: "spec: Invalid value: minReplicas must not exceed maxReplicas" }],
    },
    {
      name: "an embedded resource's kind",
      yaml: webapp("  image: shop\n  template: {apiVersion: v1, kind: Config_Map}\n"),
      expected: [
        {
          rule: "schema/embedded-resource",
          line: 7,
          column: 36,
          message:
            "spec.template.kind: Invalid value: \"Config_Map\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        },
      ],
    },
    {
      name: "a CEL rule's message, after defaults (maxReplicas defaults to 3)",
      yaml: webapp("  image: shop\n  minReplicas: 5\n"),
      expected: [{ rule: "schema/cel-rule", line: 6, column: 3, message: "spec: Invalid value: minReplicas must not exceed maxReplicas" }],
    },
    {
      name: "a CEL rule's messageExpression, fieldPath and reason",
      yaml: webapp("  image: shop\n  tls:\n    enabled: true\n"),
      expected: [{ rule: "schema/cel-rule", line: 7, column: 3, message: "spec.tls.secretName: Required value: a secret is required when TLS is enabled for shop" }],
    },
    {
      name: "CEL rules on list items",
      yaml: webapp("  image: shop\n  routes:\n    - path: api\n      weight: 150\n"),
      expected: [
        { rule: "schema/cel-rule", line: 8, column: 13, message: 'spec.routes[0].path: Invalid value: "api": must start with /' },
        { rule: "schema/cel-rule", line: 9, column: 15, message: "spec.routes[0].weight: Invalid value: 150: weight 150 is over 100" },
      ],
    },
    {
      name: "a CEL rule of the url library",
      yaml: webapp("  image: shop\n  homepage: shop home\n"),
      expected: [{ rule: "schema/cel-rule", line: 7, column: 13, message: 'spec.homepage: Invalid value: "shop home": must be a URL' }],
    },
    {
      name: "a CEL rule reading a field that is not set",
      yaml: "apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: acme}\nspec:\n  acme: {server: https://acme.example.com}\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 9, message: 'spec.acme: Invalid value: "object": no such key: email evaluating rule: email must be a company address' }],
    },
    {
      name: "a version the CRD declares but does not serve",
      yaml: webapp("  image: shop\n", "platform.example.io/v1alpha1"),
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "WebApp" in version "platform.example.io/v1alpha1": CustomResourceDefinition webapps.platform.example.io does not serve it' }],
    },
    {
      name: "a version the CRD does not declare",
      yaml: webapp("  image: shop\n", "platform.example.io/v2"),
      expected: [
        {
          rule: "schema/unknown-kind",
          line: 1,
          column: 13,
          message: 'apiVersion: no matches for kind "WebApp" in version "platform.example.io/v2" (CustomResourceDefinition webapps.platform.example.io serves "platform.example.io/v1", "platform.example.io/v1beta1")',
          suggestion: "platform.example.io/v1",
        },
      ],
    },
    {
      name: "another served version has its own schema",
      yaml: webapp("  anything: goes\n", "platform.example.io/v1beta1"),
      expected: [],
    },
    {
      name: "a typo of a CRD kind",
      yaml: "apiVersion: cert-manager.io/v1\nkind: Certifcate\nmetadata: {name: web}\n",
      expected: [{ rule: "schema/unknown-kind", line: 2, column: 7, message: 'kind: no matches for kind "Certifcate" in version "cert-manager.io/v1" (did you mean "Certificate"?)', suggestion: "Certificate" }],
    },
    {
      name: "a typo of a CRD group",
      yaml: "apiVersion: certmanager.io/v1\nkind: Certificate\nmetadata: {name: web}\n",
      expected: [
        { rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "Certificate" in version "certmanager.io/v1" (Certificate is served as "cert-manager.io/v1")', suggestion: "cert-manager.io/v1" },
      ],
    },
    {
      name: "a kind of a group the project used before",
      yaml: "apiVersion: certmanager.k8s.io/v1alpha1\nkind: Certificate\nmetadata: {name: web}\n",
      expected: [
        { rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "Certificate" in version "certmanager.k8s.io/v1alpha1" (Certificate is served as "cert-manager.io/v1")', suggestion: "cert-manager.io/v1" },
      ],
    },
    {
      name: "a kind of the same name from another project",
      yaml: "apiVersion: pki.example.org/v1\nkind: Certificate\nmetadata: {name: web}\n",
      expected: [{ rule: "schema/missing-schema", line: 2, column: 7, message: "could not find schema for Certificate" }],
    },
    {
      name: "a kind no CRD declares",
      yaml: "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: web}\n",
      expected: [{ rule: "schema/missing-schema", line: 2, column: 7, message: "could not find schema for ServiceMonitor" }],
    },
  ];

  test.each(cases)("$name", ({ yaml, version, expected }) => {
    expect(findings(yaml, { version })).toEqual(expected);
  });

  test("--ignore-missing-schemas silences unknown groups, not typos of loaded ones", () => {
    const yaml = "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: web}\n---\napiVersion: cert-manager.io/v1\nkind: Certifcate\nmetadata: {name: web}\n";
    expect(findings(yaml, { ignoreMissingSchemas: true }).map((f) => f.rule)).toEqual(["schema/unknown-kind"]);
  });
});

describe("scopes and order", () => {
  test("namespaced and cluster-scoped kinds", () => {
    const validator = validatorWithCrds();
    expect(validator.isNamespaced("cert-manager.io/v1", "Certificate")).toBe(true);
    expect(validator.isNamespaced("cert-manager.io/v1", "ClusterIssuer")).toBe(false);
    expect(validator.hasKind("platform.example.io/v1alpha1", "WebApp")).toBe(true);
    expect(validator.hasKind("platform.example.io/v2", "WebApp")).toBe(false);
  });

  test("a resource may come before its CRD: the findings are the same in both orders", () => {
    const resource = documentsOf(webapp("  image: shop\n  maxReplicas: 11\n"), "app.yaml")[0]!;
    const crd = documentsOf(fixture("webapps.yaml"), "crds.yaml")[0]!;
    const run = (order: ManifestDocument[]) => {
      const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
      validator.addCustomResourceDefinitions(order.map((d) => d.object));
      return order.flatMap((d) => validator.validate(d)).map(brief);
    };
    const expected = [
      { rule: "schema/invalid-value", line: 7, column: 16, message: "spec.maxReplicas: Invalid value: 11: spec.maxReplicas in body should be less than or equal to 10" },
      { rule: "schema/cel-transition-rule", line: 6, column: 3, message: 'spec: x-kubernetes-validations rule "self.image == oldSelf.image" is a transition rule (it reads oldSelf): the API server checks it when the object is updated, not when it is created' },
    ];
    expect(run([resource, crd])).toEqual(expected);
    expect(run([crd, resource])).toEqual(expected);
  });

  test("without its CRD, the same resource has no schema", () => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    const [resource] = documentsOf(webapp("  image: shop\n"));
    expect(validator.validate(resource!).map(brief)).toEqual([{ rule: "schema/missing-schema", line: 2, column: 7, message: "could not find schema for WebApp" }]);
  });
});

describe("embedded resources in lists and maps: paths as the API server builds them", () => {
  // A bundle of resources to create, in a list and in a map (apiextensions' objectmeta validation
  // indexes list items and keys map values; ValidateOwnerReferences names no reference's index).
  function findings(spec: string): Array<[string, string]> {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    const embedded = { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true };
    validator.addCustomResourceDefinitions([
      thingCrd("deploy.example.com", "Bundle", { type: "object", properties: { resources: { type: "array", items: embedded }, byName: { type: "object", additionalProperties: embedded } } }),
    ]);
    const [document] = documentsOf(`apiVersion: deploy.example.com/v1\nkind: Bundle\nmetadata: {name: shop}\nspec:\n${spec}`);
    return validator.validate(document!).map((f) => [f.rule, f.message]);
  }
  const owner = (fields: string) => `{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, ${fields}}`;
  const cases: Array<{ name: string; spec: string; expected: Array<[string, string]> }> = [
    {
      name: "valid resources with owners",
      spec: `  resources:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a, ownerReferences: [${owner("controller: true")}]}}\n  byName:\n    b: {apiVersion: v1, kind: Secret, metadata: {name: b}}\n`,
      expected: [],
    },
    {
      name: "an owner without uid in the second item of a list",
      spec: `  resources:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b, ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web}]}}\n`,
      expected: [["schema/embedded-resource", 'spec.resources[1].metadata.ownerReferences.uid: Invalid value: "": must not be empty']],
    },
    {
      name: "an owner without a name in a map's value",
      spec: `  byName:\n    cfg: {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg, ownerReferences: [{apiVersion: apps/v1, kind: Deployment, uid: u1}]}}\n`,
      expected: [["schema/embedded-resource", 'spec.byName[cfg].metadata.ownerReferences.name: Invalid value: "": must not be empty']],
    },
    {
      name: "two controllers of a list item: the whole list of references as the value",
      spec: `  resources:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a, ownerReferences: [${owner("controller: true")}, {apiVersion: apps/v1, kind: StatefulSet, name: db, uid: u2, controller: true}]}}\n`,
      expected: [
        [
          "schema/embedded-resource",
          'spec.resources[0].metadata.ownerReferences: Invalid value: [{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"u1","controller":true},{"apiVersion":"apps/v1","kind":"StatefulSet","name":"db","uid":"u2","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for Deployment/web and StatefulSet/db',
        ],
      ],
    },
  ];
  test.each(cases)("$name", ({ spec, expected }) => {
    expect(findings(spec)).toEqual(expected);
  });
});
