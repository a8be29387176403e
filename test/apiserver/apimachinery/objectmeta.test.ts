import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../helpers.js";
import { DNS1035, LABEL, LABEL_KEY_NAME, LABEL_VALUE, SUBDOMAIN } from "../../rules/messages.js";

const REQUIRED = "metadata.name: Required value: name or generateName is required";

function object(apiVersion: string, kind: string, ...metadata: string[]): string {
  return yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata:", ...metadata.map((line) => "  " + line));
}

const configMap = (...metadata: string[]) => object("v1", "ConfigMap", "name: c", ...metadata);
const service = (name: string) => yaml("apiVersion: v1", "kind: Service", "metadata:", `  name: ${name}`, "spec: {ports: [{port: 80}]}");

/** The findings about metadata (workloads also report their missing spec). */
const metadataFindings = (text: string, version?: string) => createPath(text, version).filter((finding) => finding.message.startsWith("metadata."));

describe("ValidateObjectMeta: names", () => {
  it.each([
    ["a Deployment subdomain with dots", object("apps/v1", "Deployment", "name: web.v2")],
    ["a Service DNS-1035 label", service("web-api")],
    ["a Namespace label", object("v1", "Namespace", "name: team-a")],
    ["RBAC names with colons", object("rbac.authorization.k8s.io/v1", "ClusterRole", "name: system:controller:x")],
    ["a CertificateSigningRequest name with a colon", object("certificates.k8s.io/v1", "CertificateSigningRequest", "name: csr-node:abc")],
    ["only a generateName ending with a dash", object("batch/v1", "Job", "generateName: migrate-")],
    ["a custom resource of a group that reuses a built-in kind name", object("serving.knative.dev/v1", "Service", "name: my.svc")],
    ["a namespace on a cluster-scoped kind (the API server clears it)", object("v1", "Namespace", "name: team-a", "namespace: Not_A_Label")],
    ["no namespace (kubectl sends the object to its default namespace)", object("v1", "ConfigMap", "name: c")],
    ["a kustomization file", yaml("apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "resources: [a.yaml]")],
  ])("accepts %s", (_name, text) => {
    expect(metadataFindings(text)).toEqual([]);
  });

  it.each([
    ["a Deployment name with capitals and underscore", object("apps/v1", "Deployment", "name: My_App"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`, suggestion: "my-app" }]],
    ["a Service name starting with a digit", service("1web"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "1web": ${DNS1035}`, suggestion: "web" }]],
    ["a Service name with a dot", service("web.api"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "web.api": ${DNS1035}`, suggestion: "web-api" }]],
    ["a Namespace name with a dot", object("v1", "Namespace", "name: team.a"), [{ severity: "error", line: 4, column: 9, message: 'metadata.name: Invalid value: "team.a": must not contain dots', suggestion: "team-a" }]],
    ["a StatefulSet name with a dot (DNS label since 1.27)", object("apps/v1", "StatefulSet", "name: db.primary"), [{ severity: "error", line: 4, column: 9, message: 'metadata.name: Invalid value: "db.primary": must not contain dots', suggestion: "db-primary" }]],
    ["a ConfigMap name over 253 bytes", object("v1", "ConfigMap", `name: ${"a".repeat(254)}`), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "${"a".repeat(254)}": must be no more than 253 characters`, suggestion: "a".repeat(253) }]],
    ["a ConfigMap name with a slash (the kind's check only)", object("v1", "ConfigMap", "name: a/b"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "a/b": ${SUBDOMAIN}`, suggestion: "a-b" }]],
    ["a Role name with a slash (the path segment check)", object("rbac.authorization.k8s.io/v1", "Role", "name: a/b"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "a/b": may not contain '/'`, suggestion: "a-b" }]],
    ["a ClusterRole named ..", object("rbac.authorization.k8s.io/v1", "ClusterRole", 'name: ".."'), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "..": may not be '..'` }]],
    ["a RoleBinding name with a percent sign", yaml("apiVersion: rbac.authorization.k8s.io/v1", "kind: RoleBinding", "metadata:", '  name: "50%"', "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "50%": may not contain '%'`, suggestion: "50" }]],
    ["a generateName with capitals", object("v1", "ConfigMap", "generateName: Web-"), [{ severity: "error", line: 4, column: 17, message: `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}` }]],
    ["a Role generateName with a slash", object("rbac.authorization.k8s.io/v1", "Role", "generateName: a/"), [{ severity: "error", line: 4, column: 17, message: `metadata.generateName: Invalid value: "a/": may not contain '/'` }]],
    ["a namespace that is not a DNS label", object("v1", "ConfigMap", "name: app", "namespace: My_Team"), [{ severity: "error", line: 5, column: 14, message: `metadata.namespace: Invalid value: "My_Team": ${LABEL}`, suggestion: "my-team" }]],
    ["a custom resource name with capitals", object("example.com/v1", "Widget", "name: Big.Widget"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "Big.Widget": ${SUBDOMAIN}`, suggestion: "big.widget" }]],
    ["no metadata at all", yaml("apiVersion: v1", "kind: ConfigMap", "data: {}"), [{ severity: "error", line: 1, column: 1, message: REQUIRED }]],
    ["metadata without name", object("v1", "ConfigMap", "labels: {app: x}"), [{ severity: "error", line: 3, column: 1, message: REQUIRED }]],
    ["an empty name", object("v1", "ConfigMap", 'name: ""'), [{ severity: "error", line: 4, column: 9, message: REQUIRED }]],
    ["an empty generateName and no name", yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {generateName: ''}"), [{ severity: "error", line: 3, column: 1, message: REQUIRED }]],
  ])("reports %s", (_name, text, expected) => {
    expect(metadataFindings(text, "1.35")).toEqual(expected);
  });

  it("reports each upstream message of a name that breaks several rules, and of the label defaulting copies it to", () => {
    const name = "A" + "b".repeat(63);
    expect(createPathMessages(object("v1", "Namespace", `name: ${name}`))).toEqual([
      `metadata.labels: Invalid value: "${name}": must be no more than 63 bytes`,
      `metadata.name: Invalid value: "${name}": must be no more than 63 characters`,
      `metadata.name: Invalid value: "${name}": ${LABEL}`,
    ]);
  });

  it("reports each nameless item of a List at the item", () => {
    const text = yaml("apiVersion: v1", "kind: List", "items:", "- apiVersion: v1", "  kind: ConfigMap", "  metadata: {name: a}", "- apiVersion: v1", "  kind: ConfigMap", "  data: {}");
    expect(createPath(text)).toEqual([{ severity: "error", line: 7, column: 3, message: REQUIRED }]);
  });
});

describe("ValidateObjectMeta: labels and annotations", () => {
  it.each([
    ["prefixed keys and an empty value", configMap("labels:", "  app.kubernetes.io/name: web", '  tier: ""', "  Version_2: V1.0")],
    ["annotation keys in any case (compared lower-cased)", configMap("annotations:", "  Example.COM/Owner: team", "  kubectl.kubernetes.io/last-applied-configuration: '{}'")],
    ["annotations of exactly 256 KiB", configMap("annotations:", `  a: ${"x".repeat(200_000)}`, `  b: ${"y".repeat(62_142)}`)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a label key with a space", configMap("labels:", "  my app: web"), [{ severity: "error", line: 6, column: 5, message: `metadata.labels: Invalid value: "my app": ${LABEL_KEY_NAME}`, suggestion: "my-app" }]],
    [
      "a label key with two slashes",
      configMap("labels:", "  a/b/c: x"),
      [{
        severity: "error", line: 6, column: 5,
        message: `metadata.labels: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        suggestion: "a/b-c",
      }],
    ],
    ["a label key with a capitalised prefix", configMap("labels:", "  Example.com/app: web"), [{ severity: "error", line: 6, column: 5, message: `metadata.labels: Invalid value: "Example.com/app": prefix part ${SUBDOMAIN}`, suggestion: "example.com/app" }]],
    ["a label value over 63 bytes", configMap("labels:", `  release: ${"r".repeat(64)}`), [{ severity: "error", line: 6, column: 14, message: `metadata.labels: Invalid value: "${"r".repeat(64)}": must be no more than 63 bytes`, suggestion: "r".repeat(63) }]],
    ["a label value ending with a dash", configMap("labels:", "  version: v1.0-"), [{ severity: "error", line: 6, column: 14, message: `metadata.labels: Invalid value: "v1.0-": ${LABEL_VALUE}`, suggestion: "v1.0" }]],
    ["an annotation key with a space", configMap("annotations:", "  my note: hello"), [{ severity: "error", line: 6, column: 5, message: `metadata.annotations: Invalid value: "my note": ${LABEL_KEY_NAME}` }]],
    [
      "a Pod's own label value",
      yaml("apiVersion: v1", "kind: Pod", "metadata:", "  name: p", "  labels: {app: -web}", "spec: {containers: [{name: c, image: i}]}"),
      [{ severity: "error", line: 5, column: 17, message: `metadata.labels: Invalid value: "-web": ${LABEL_VALUE}`, suggestion: "web" }],
    ],
    [
      "a PodTemplate's template label key (ObjectMeta is embedded: template.labels)",
      yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  metadata: {labels: {my app: web}}", "  spec: {containers: [{name: c, image: i}]}"),
      [{ severity: "error", line: 5, column: 23, message: `template.labels: Invalid value: "my app": ${LABEL_KEY_NAME}`, suggestion: "my-app" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });

  it.each([
    ["1.31", "must have at most 262144 bytes"],
    ["1.32", "may not be more than 262144 bytes"],
    ["1.36", "may not be more than 262144 bytes"],
  ])("reports annotations over 256 KiB in total, in the words of %s", (version, detail) => {
    const over = configMap("annotations:", `  a: ${"x".repeat(200_000)}`, `  b: ${"y".repeat(62_143)}`);
    expect(createPath(over, version)).toEqual([{ severity: "error", line: 5, column: 3, message: `metadata.annotations: Too long: ${detail}` }]);
  });
});

describe("ValidateObjectMeta: finalizers, owner references, generation, managed fields", () => {
  it.each([
    ["standard and qualified finalizers", configMap("finalizers: [kubernetes, foregroundDeletion, example.com/cleanup]")],
    ["complete owner references with one controller", configMap("ownerReferences:", "- {apiVersion: apps/v1, kind: ReplicaSet, name: r, uid: u1, controller: true}", "- {apiVersion: v1, kind: Pod, name: p, uid: u2, controller: false}")],
    ["generation 0", configMap("generation: 0")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a finalizer without a '/' that is not a standard one", configMap("finalizers: [cleanup]"), [{ severity: "error", line: 5, column: 16, message: 'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified' }]],
    ["a finalizer that is not a qualified name", configMap("finalizers: [example.com/a b]"), [{ severity: "error", line: 5, column: 16, message: `metadata.finalizers: Invalid value: "example.com/a b": ${LABEL_KEY_NAME}` }]],
    [
      "orphan and foregroundDeletion together",
      configMap("finalizers: [orphan, foregroundDeletion]"),
      [{ severity: "error", line: 5, column: 15, message: 'metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set' }],
    ],
    [
      "an owner reference without its fields",
      configMap("ownerReferences:", "- {controller: false}"),
      [
        { severity: "error", line: 6, column: 5, message: 'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty' },
        { severity: "error", line: 6, column: 5, message: 'metadata.ownerReferences.kind: Invalid value: "": must not be empty' },
        { severity: "error", line: 6, column: 5, message: 'metadata.ownerReferences.name: Invalid value: "": must not be empty' },
        { severity: "error", line: 6, column: 5, message: 'metadata.ownerReferences.uid: Invalid value: "": must not be empty' },
      ],
    ],
    [
      "an apiVersion with two slashes",
      configMap("ownerReferences:", "- {apiVersion: a/b/v1, kind: K, name: owner, uid: u}"),
      [{ severity: "error", line: 6, column: 18, message: 'metadata.ownerReferences.apiVersion: Invalid value: "a/b/v1": version must not be empty' }],
    ],
    [
      "an Event as owner",
      configMap("ownerReferences:", "- {apiVersion: v1, kind: Event, name: e, uid: u}"),
      [{ severity: "error", line: 6, column: 28, message: 'metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"e","uid":"u"}: /v1, Kind=Event is disallowed from being an owner' }],
    ],
    [
      "two controllers",
      configMap("ownerReferences:", "- {apiVersion: v1, kind: A, name: a, uid: u, controller: true}", "- {apiVersion: v1, kind: B, name: b, uid: v, controller: true}"),
      [{
        severity: "error", line: 7, column: 60,
        message: 'metadata.ownerReferences: Invalid value: [{"apiVersion":"v1","kind":"A","name":"a","uid":"u","controller":true},{"apiVersion":"v1","kind":"B","name":"b","uid":"v","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for A/a and B/b',
      }],
    ],
    ["a negative generation", configMap("generation: -1"), [{ severity: "error", line: 5, column: 15, message: "metadata.generation: Invalid value: -1: must be greater than or equal to 0" }]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });

  it("prints values and words as releases before 1.34 did", () => {
    expect(createPathMessages(configMap("finalizers: [orphan, foregroundDeletion]"), "1.33")).toEqual([
      'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
    expect(createPathMessages(configMap("ownerReferences:", "- {apiVersion: v1}"), "1.33")).toEqual([
      'metadata.ownerReferences.kind: Invalid value: "": kind must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": name must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ]);
  });
});

/** A managedFields entry in flow style: the manager, then the rest as written. */
const entry = (manager: string, rest: string) => `- {manager: ${JSON.stringify(manager)}, ${rest}}`;
const UPDATE = "operation: Update, apiVersion: v1, fieldsType: FieldsV1";
/** Fields a ConfigMap with `data: {a: b}` does not set: an entry owning them outlives the create. */
const NOT_SET = "fieldsV1: {f:metadata: {f:labels: {.: {}}}}";

describe("metadata.managedFields as the field manager leaves them for validation", () => {
  const withData = (...lines: string[]) => configMap("managedFields:", ...lines.map((line) => "  " + line)) + "data: {a: b}\n";
  // The request's list is dropped whole when one entry does not decode, and the server records its own.
  it.each([
    ["null in every field of an entry", withData("- {manager: null, operation: null, apiVersion: null, time: null, fieldsType: null, fieldsV1: null, subresource: null}")],
    ["a null time and fieldsV1", withData(entry("kubectl", `${UPDATE}, time: null, fieldsV1: null`))],
    ["an operation that is neither Apply nor Update, beside a bad manager", withData(entry("a\tb", `operation: Patch, apiVersion: v1, fieldsType: FieldsV1, ${NOT_SET}`))],
    ["a fieldsType that is not FieldsV1", withData(entry("a\tb", `operation: Apply, apiVersion: v1, fieldsType: FieldsV2, ${NOT_SET}`))],
    ["no apiVersion", withData(entry("a\tb", `operation: Apply, fieldsType: FieldsV1, ${NOT_SET}`))],
    ["no fieldsType", withData(entry("a\tb", `operation: Apply, apiVersion: v1, ${NOT_SET}`))],
    ["one undecodable entry after a kept one", withData(entry("a\tb", `${UPDATE}, ${NOT_SET}`), entry("m", "operation: Update"))],
    ["fieldsV1 that is not an object", withData(entry("a\tb", `${UPDATE}, fieldsV1: [f:data]`))],
    ["a fieldsV1 key without a colon", withData(entry("a\tb", `${UPDATE}, fieldsV1: {data: {}, f:metadata: {f:labels: {}}}`))],
    ["a fieldsV1 index that is not a number", withData(entry("a\tb", `${UPDATE}, fieldsV1: {f:data: {i:one: {}}, f:metadata: {f:labels: {}}}`))],
    ["a fieldsV1 key that is not a JSON object", withData(entry("a\tb", `${UPDATE}, fieldsV1: {'k:[1]': {}, f:metadata: {f:labels: {}}}`))],
    ["a fieldsV1 value that is not JSON", withData(entry("a\tb", `${UPDATE}, fieldsV1: {'v:x': {}, f:metadata: {f:labels: {}}}`))],
    ["a fieldsV1 member that is a string", withData(entry("a\tb", `${UPDATE}, fieldsV1: {f:metadata: {f:labels: yes}}`))],
    // Entries the create leaves with no field are dropped.
    ["an entry with an empty set", withData(entry("a\tb", `${UPDATE}, fieldsV1: {}`))],
    ["an entry whose only path element is of an unknown type", withData(entry("a\tb", `${UPDATE}, fieldsV1: {x:future: {}}`))],
    ["an entry owning only values the object sets", withData(entry("a\tb", `${UPDATE}, fieldsV1: {f:data: {f:a: {}}}`))],
    ["a custom resource's entry owning only values it sets", object("example.com/v1", "Widget", "name: w", "managedFields:", "  " + entry("a\tb", "operation: Update, apiVersion: example.com/v1, fieldsType: FieldsV1, fieldsV1: {f:spec: {f:size: {}}}")) + "spec: {size: 1}\n"],
    // A reset: no list, or one empty entry.
    ["an empty list", withData().replace("managedFields:", "managedFields: []")],
    ["one entry with nothing set", withData("- {manager: ''}")],
    ["a decodable entry with a valid manager", withData(entry("kubectl", `${UPDATE}, time: '2024-01-01T00:00:00Z', ${NOT_SET}`))],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "a kept entry's manager with a tab",
      withData(entry("a\tb", `${UPDATE}, ${NOT_SET}`)),
      [{ severity: "error", line: 6, column: 17, message: 'metadata.managedFields[0].manager: Invalid value: "a\\tb": invalid character U+0009 (at position 1)' }],
    ],
    [
      "a kept entry's manager over 128 bytes",
      withData(entry("m".repeat(129), `${UPDATE}, ${NOT_SET}`)),
      [{ severity: "error", line: 6, column: 17, message: "metadata.managedFields[0].manager: Too long: may not be more than 128 bytes" }],
    ],
    [
      "a kept entry's subresource over 256 bytes",
      withData(entry("m", `${UPDATE}, subresource: ${"s".repeat(257)}, ${NOT_SET}`)),
      [{ severity: "error", line: 6, column: 92, message: "metadata.managedFields[0].subresource: Too long: may not be more than 256 bytes" }],
    ],
    [
      "an entry that owns a list item (not resolved: kept)",
      withData(entry("a\tb", `${UPDATE}, fieldsV1: {f:metadata: {f:finalizers: {'v:"x"': {}}}}`)),
      [{ severity: "error", line: 6, column: 17, message: 'metadata.managedFields[0].manager: Invalid value: "a\\tb": invalid character U+0009 (at position 1)' }],
    ],
    [
      // Stored Apply entries sort before Update ones, then by time: the error names the stored index, the finding points at the request's entry.
      "entries in their stored order",
      withData(entry("late", `${UPDATE}, time: '2024-02-01T00:00:00Z', ${NOT_SET}`), entry("a\tb", `${UPDATE}, time: '2024-01-01T00:00:00Z', ${NOT_SET}`)),
      [{ severity: "error", line: 7, column: 17, message: 'metadata.managedFields[0].manager: Invalid value: "a\\tb": invalid character U+0009 (at position 1)' }],
    ],
    [
      "a later entry of the same manager replacing an earlier one",
      withData(entry("a\tb", `${UPDATE}, ${NOT_SET}`), entry("ok", `operation: Apply, apiVersion: v1, fieldsType: FieldsV1, ${NOT_SET}`), entry("a\tb", `${UPDATE}, fieldsV1: {f:data: {f:a: {}}}`)),
      [],
    ],
    [
      "a custom resource's kept entry",
      object("example.com/v1", "Widget", "name: w", "managedFields:", "  " + entry("a\tb", `operation: Apply, apiVersion: example.com/v1, fieldsType: FieldsV1, fieldsV1: {f:spec: {f:color: {}}}`)) + "spec: {size: 1}\n",
      [{ severity: "error", line: 6, column: 17, message: 'metadata.managedFields[0].manager: Invalid value: "a\\tb": invalid character U+0009 (at position 1)' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
