// CustomResourceDefinitions as the API server validates them on create:
// names, versions, conversion, structural schemas, list types, defaults,
// x-kubernetes-validations and their estimated cost, in the API server's words.
import { describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { errorMessage } from "../../../src/apiserver/field/errors.js";
import { validateCustomResourceDefinition } from "../../../src/apiserver/validation/apiextensions/validation.js";
import { createPath } from "../helpers.js";

type Json = Record<string, unknown>;

/** A realistic backup CRD (one version); `change` edits a copy of it. */
function backupCrd(change: (crd: Json) => void = () => {}): Json {
  const crd: Json = {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "backups.storage.example.com" },
    spec: {
      group: "storage.example.com",
      scope: "Namespaced",
      names: { plural: "backups", singular: "backup", kind: "Backup", listKind: "BackupList", shortNames: ["bk"] },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [{ name: "Schedule", type: "string", jsonPath: ".spec.schedule" }],
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                spec: {
                  type: "object",
                  required: ["schedule"],
                  properties: {
                    schedule: { type: "string", pattern: "^(@(daily|hourly)|[0-9*/ ,-]+)$" },
                    retention: { type: "integer", minimum: 1, default: 7 },
                    targets: {
                      type: "array",
                      maxItems: 16,
                      "x-kubernetes-list-type": "map",
                      "x-kubernetes-list-map-keys": ["name"],
                      items: { type: "object", required: ["name"], properties: { name: { type: "string", maxLength: 63 }, path: { type: "string", maxLength: 253 } } },
                    },
                  },
                  "x-kubernetes-validations": [{ rule: "self.targets.all(t, t.path.startsWith('/'))", message: "paths must be absolute" }],
                },
                status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
              },
            },
          },
        },
      ],
    },
  };
  change(crd);
  return crd;
}

const spec = (crd: Json) => crd.spec as Json;
const version = (crd: Json, i = 0) => (spec(crd).versions as Json[])[i]!;
const schemaOf = (crd: Json, i = 0) => ((version(crd, i).schema as Json).openAPIV3Schema as Json);
const specSchema = (crd: Json) => ((schemaOf(crd).properties as Json).spec as Json);
const field = (crd: Json, name: string) => (specSchema(crd).properties as Json)[name] as Json;

const messages = (crd: Json, kubernetesVersion = "1.36") => validateCustomResourceDefinition(crd, kubernetesVersion).map((error) => errorMessage(error, kubernetesVersion));

describe("valid CRDs", () => {
  test("a CRD using names, subresources, columns, list maps, defaults and rules has no errors", () => {
    expect(messages(backupCrd())).toEqual([]);
  });

  test("two versions with different schemas are checked per version", () => {
    const crd = backupCrd((c) => {
      const v2 = structuredClone(version(c));
      v2.name = "v2";
      v2.storage = false;
      (schemaOf({ spec: { versions: [v2] } }).properties as Json).extra = { type: "string" };
      (spec(c).versions as Json[]).push(v2);
    });
    expect(messages(crd)).toEqual([]);
  });
});

describe("ValidateCustomResourceDefinition", () => {
  const P = "spec.validation.openAPIV3Schema.properties[spec]";
  const cases: Array<{ name: string; change: (crd: Json) => void; expected: string[] }> = [
    {
      name: "an unknown type (the schema shared by all versions is spec.validation)",
      change: (c) => (field(c, "schedule").type = "strign"),
      expected: [`${P}.properties[schedule].type: Unsupported value: "strign": supported values: "array", "boolean", "integer", "number", "object", "string"`],
    },
    {
      name: "a pattern RE2 cannot compile",
      change: (c) => (field(c, "schedule").pattern = "^(?=@)"),
      expected: [`${P}.properties[schedule].pattern: Invalid value: "^(?=@)": must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: \`(?=\``],
    },
    {
      name: "the name must be plural.group",
      change: (c) => ((c.metadata as Json).name = "backup.storage.example.com"),
      expected: [`metadata.name: Invalid value: "backup.storage.example.com": must be spec.names.plural+"."+spec.group`],
    },
    {
      name: "a group without a dot",
      change: (c) => {
        spec(c).group = "storage";
        (c.metadata as Json).name = "backups.storage";
      },
      expected: [`spec.group: Invalid value: "storage": should be a domain with at least one dot`],
    },
    {
      name: "kind and listKind may not be the same; plural must be a DNS label",
      change: (c) => {
        (spec(c).names as Json).listKind = "Backup";
        (spec(c).names as Json).shortNames = ["Bk"];
      },
      expected: [
        `spec.names.shortNames[0]: Invalid value: "Bk": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
        `spec.names.listKind: Invalid value: "Backup": kind and listKind may not be the same`,
      ],
    },
    {
      name: "an unknown scope",
      change: (c) => (spec(c).scope = "Global"),
      expected: [`spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"`],
    },
    {
      name: "no storage version",
      change: (c) => (version(c).storage = false),
      expected: [
        `spec.versions: Invalid value: [{"additionalPrinterColumns":[{"jsonPath":".spec.schedule","name":"Schedule","type":"string"}],"name":"v1","schema":{"openAPIV3Schema":{"properties":{"spec":{"properties":{"retention":{"default":7,"minimum":1,"type":"integer"},"schedule":{"pattern":"^(@(daily|hourly)|[0-9*/ ,-]+)$","type":"string"},"targets":{"items":{"properties":{"name":{"maxLength":63,"type":"string"},"path":{"maxLength":253,"type":"string"}},"required":["name"],"type":"object"},"maxItems":16,"type":"array","x-kubernetes-list-map-keys":["name"],"x-kubernetes-list-type":"map"}},"required":["schedule"],"type":"object","x-kubernetes-validations":[{"message":"paths must be absolute","rule":"self.targets.all(t, t.path.startsWith('/'))"}]},"status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},"type":"object"}},"served":true,"storage":false,"subresources":{"status":{}}}]: must have exactly one version marked as storage version`,
        `status.storedVersions: Invalid value: []: must have at least one stored version`,
      ],
    },
    {
      name: "a webhook conversion without a client config",
      change: (c) => (spec(c).conversion = { strategy: "Webhook", webhook: { conversionReviewVersions: ["v1"] } }),
      expected: [`spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook`],
    },
    {
      name: "a printer column of an unknown type",
      change: (c) => (((version(c).additionalPrinterColumns as Json[])[0]!).type = "text"),
      expected: [`spec.additionalPrinterColumns[0].type: Invalid value: "text": must be one of boolean,date,integer,number,string`],
    },
    {
      name: "a field without a type is not structural",
      change: (c) => delete field(c, "retention").type,
      expected: [`${P}.properties[retention].type: Required value: must not be empty for specified object fields`],
    },
    {
      name: "properties and additionalProperties together",
      change: (c) => (specSchema(c).additionalProperties = { type: "string" }),
      expected: [`${P}.additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`],
    },
    {
      name: "metadata may only name name and generateName",
      change: (c) => ((schemaOf(c).properties as Json).metadata = { type: "object", properties: { labels: { type: "object" } } }),
      expected: [`spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`],
    },
    {
      name: "a type inside anyOf",
      change: (c) => (field(c, "retention").anyOf = [{ type: "integer", minimum: 1 }, { maximum: 30 }]),
      expected: [`${P}.properties[retention].anyOf[0].type: Forbidden: must be empty to be structural`],
    },
    {
      name: "a map list key that is neither required nor defaulted",
      change: (c) => (field(c, "targets")["x-kubernetes-list-map-keys"] = ["path"]),
      expected: [`${P}.properties[targets].items.properties[path].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property`],
    },
    {
      name: "a list type on a string",
      change: (c) => (field(c, "schedule")["x-kubernetes-list-type"] = "set"),
      expected: [`${P}.properties[schedule].type: Invalid value: "string": must be array if x-kubernetes-list-type is specified`],
    },
    {
      name: "a default with a field the schema prunes, a default of the wrong type",
      change: (c) => {
        field(c, "retention").default = "7";
        specSchema(c).default = { schedule: "@daily", owner: "me" };
      },
      expected: [
        `${P}.default: Invalid value: {"owner":"me","schedule":"@daily"}: must not have unknown fields`,
        `${P}.default: Invalid value: "object": no such key: targets evaluating rule: paths must be absolute`,
        `${P}.properties[retention].default: Invalid value: "string":  in body must be of type integer: "string"`,
      ],
    },
    {
      name: "a rule's unsupported reason and a rule with line breaks but no message",
      change: (c) => (specSchema(c)["x-kubernetes-validations"] = [{ rule: "self.retention > 0", reason: "FieldValueBad" }, { rule: "self.retention\n> 0" }]),
      expected: [
        `${P}.x-kubernetes-validations[0].reason: Unsupported value: "FieldValueBad": supported values: "FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"`,
        `${P}.x-kubernetes-validations[1].message: Required value: message must be specified if rule contains line breaks`,
      ],
    },
    {
      name: "a rule that does not compile",
      change: (c) => (specSchema(c)["x-kubernetes-validations"] = [{ rule: "self.retention >" }]),
      expected: [
        `${P}.x-kubernetes-validations[0].rule: Invalid value: {"Rule":"self.retention \\u003e","Message":"","MessageExpression":"","Reason":null,"FieldPath":"","OptionalOldSelf":null}: compilation failed: ERROR: <input>:1:17: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}\n | self.retention >\n | ................^`,
      ],
    },
    {
      name: "optionalOldSelf on a rule without oldSelf",
      change: (c) => (specSchema(c)["x-kubernetes-validations"] = [{ rule: "self.retention > 0", optionalOldSelf: true }]),
      expected: [`${P}.x-kubernetes-validations[0].optionalOldSelf: Invalid value: true: may not be set if oldSelf is not used in rule`],
    },
    {
      name: "oldSelf under a list that is not a map list",
      change: (c) => {
        field(c, "targets")["x-kubernetes-list-type"] = "atomic";
        delete field(c, "targets")["x-kubernetes-list-map-keys"];
        ((field(c, "targets").items as Json).properties as Json).path = { type: "string", "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "immutable" }] };
      },
      expected: [`${P}.properties[targets].items.properties[path].x-kubernetes-validations[0].rule: Invalid value: "self == oldSelf": oldSelf cannot be used on the uncorrelatable portion of the schema within ${P}.properties[targets]`],
    },
    {
      name: "a status subresource with a root keyword other than the allowed ones",
      change: (c) => {
        schemaOf(c).description = "Backup";
        schemaOf(c).title = "x";
        schemaOf(c).nullable = false;
        schemaOf(c).minProperties = 1;
      },
      expected: [
        `spec.validation.openAPIV3Schema: Invalid value: {"description":"Backup","minProperties":1,"nullable":false,"properties":{"spec":{"properties":{"retention":{"default":7,"minimum":1,"type":"integer"},"schedule":{"pattern":"^(@(daily|hourly)|[0-9*/ ,-]+)$","type":"string"},"targets":{"items":{"properties":{"name":{"maxLength":63,"type":"string"},"path":{"maxLength":253,"type":"string"}},"required":["name"],"type":"object"},"maxItems":16,"type":"array","x-kubernetes-list-map-keys":["name"],"x-kubernetes-list-type":"map"}},"required":["schedule"],"type":"object","x-kubernetes-validations":[{"message":"paths must be absolute","rule":"self.targets.all(t, t.path.startsWith('/'))"}]},"status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},"title":"x","type":"object"}: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled`,
      ],
    },
    {
      name: "a protected group without the approval annotation",
      change: (c) => {
        spec(c).group = "storage.k8s.io";
        (c.metadata as Json).name = "backups.storage.k8s.io";
      },
      expected: [`metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111`],
    },
  ];
  test.each(cases)("$name", ({ change, expected }) => {
    expect(messages(backupCrd(change))).toEqual(expected);
  });
});

describe("a version without a schema", () => {
  const withoutSchema = () => backupCrd((c) => delete (version(c) as Json).schema);
  test.each([
    ["1.33", ["spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required"]],
    ["1.34", ["spec.versions[0].schema.openAPIV3Schema: Required value"]],
    ["1.36", ["spec.versions[0].schema.openAPIV3Schema: Required value"]],
  ])("is refused in %s in that release's words", (kubernetesVersion, expected) => {
    expect(messages(withoutSchema(), kubernetesVersion).filter((message) => message.includes("openAPIV3Schema"))).toEqual(expected);
  });
});

describe("selectable fields (ValidateCustomResourceSelectableFields)", () => {
  /** The backup CRD with a label map, nine scalar fields and a metadata schema, and these selectable fields. */
  const selecting = (jsonPaths: unknown[], more: (crd: Json) => void = () => {}) =>
    backupCrd((c) => {
      const properties = specSchema(c).properties as Json;
      properties.labels = { type: "object", additionalProperties: { type: "string" } };
      properties.paused = { type: "boolean" };
      properties.ratio = { type: "number" };
      for (let i = 1; i <= 9; i++) properties[`a${i}`] = { type: "string" };
      (schemaOf(c).properties as Json).metadata = { type: "object" };
      version(c).selectableFields = jsonPaths.map((jsonPath) => ({ jsonPath }));
      more(c);
    });
  const S = "spec.selectableFields";
  const TYPE = "must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.";

  test.each([
    { name: "a string, an integer, a boolean and a map value", paths: [".spec.schedule", ".spec.retention", ".spec.paused", ".spec.labels.team"] },
    { name: "eight fields", paths: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `.spec.a${i}`) },
  ])("accepted: $name", ({ paths }) => {
    expect(messages(selecting(paths))).toEqual([]);
  });

  test.each([
    { name: "a field the schema does not have", paths: [".spec.schedule", ".spec.owner"], expected: [`${S}[1].jsonPath: Invalid value: ".spec.owner": is an invalid path: does not refer to a valid field`] },
    { name: "a field inside a list", paths: [".spec.targets.name"], expected: [`${S}[0].jsonPath: Invalid value: ".spec.targets.name": is an invalid path: does not refer to a valid field`] },
    { name: "an index into a list", paths: [".spec.targets[0].name"], expected: [`${S}[0].jsonPath: Invalid value: ".spec.targets[0].name": is an invalid path: array notation is not allowed`] },
    { name: "a path without its leading dot", paths: ["spec.schedule"], expected: [`${S}[0].jsonPath: Invalid value: "spec.schedule": is an invalid path: expected [ or . but got: spec`] },
    { name: "a path ending in a dot", paths: [".spec."], expected: [`${S}[0].jsonPath: Invalid value: ".spec.": is an invalid path: unexpected end of JSON path`] },
    { name: "an object and a number", paths: [".spec", ".spec.ratio"], expected: [`${S}[0].jsonPath: Invalid value: ".spec": ${TYPE}`, `${S}[1].jsonPath: Invalid value: ".spec.ratio": ${TYPE}`] },
    {
      name: "metadata, an object of the schema",
      paths: [".metadata"],
      expected: [`${S}[0].jsonPath: Invalid value: ".metadata": must not point to fields in metadata`, `${S}[0].jsonPath: Invalid value: ".metadata": ${TYPE}`],
    },
    { name: "a metadata field the schema does not declare", paths: [".metadata.name"], expected: [`${S}[0].jsonPath: Invalid value: ".metadata.name": is an invalid path: does not refer to a valid field`] },
    { name: "an empty path", paths: [".spec.schedule", ""], expected: [`${S}[1].jsonPath: Required value`] },
    { name: "the same field twice", paths: [".spec.schedule", ".spec.schedule"], expected: [`${S}[1].jsonPath: Duplicate value: ".spec.schedule"`] },
    { name: "a map value named in brackets", paths: [".spec.labels['team']"], expected: [`${S}[0].jsonPath: Invalid value: ".spec.labels['team']": is an invalid path: array notation is not allowed`] },
    { name: "a map key with dots (read as fields of the value)", paths: [".spec.labels.example.com"], expected: [`${S}[0].jsonPath: Invalid value: ".spec.labels.example.com": is an invalid path: does not refer to a valid field`] },
    { name: "nine fields", paths: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `.spec.a${i}`), expected: [`${S}: Too many: 9: must have at most 8 items`] },
  ])("refused: $name", ({ paths, expected }) => {
    expect(messages(selecting(paths))).toEqual(expected);
  });

  /** A second version v2; `sameSchema` keeps v1's schema, `fields` are v2's selectable fields. */
  const twoVersions = (sameSchema: boolean, fields: string[] | undefined) =>
    selecting([".spec.schedule"], (c) => {
      const v2 = structuredClone(version(c));
      v2.name = "v2";
      v2.storage = false;
      if (!sameSchema) ((((v2.schema as Json).openAPIV3Schema as Json).properties as Json).spec as Json as { properties: Json }).properties.extra = { type: "string" };
      if (fields) v2.selectableFields = fields.map((jsonPath) => ({ jsonPath }));
      else delete v2.selectableFields;
      (spec(c).versions as Json[]).push(v2);
    });

  test.each([
    { name: "different schemas, different fields: each version's against its schema", sameSchema: false, fields: [".spec.extra", ".spec.missing"], release: "1.36", expected: [`spec.versions[1].selectableFields[1].jsonPath: Invalid value: ".spec.missing": is an invalid path: does not refer to a valid field`] },
    { name: "the same schema and fields", sameSchema: true, fields: [".spec.schedule"], release: "1.36", expected: [] },
    { name: "different schemas, the same fields (moved to the spec without a schema)", sameSchema: false, fields: [".spec.schedule"], release: "1.36", expected: [`${S}: Invalid value: "": may only be set when validations.schema is included`] },
    { name: "the same, in 1.33's words", sameSchema: false, fields: [".spec.schedule"], release: "1.33", expected: [`${S}: Invalid value: "": selectableFields may only be set when validations.schema is included`] },
    { name: "the same schema, different fields (the schema moved to the spec)", sameSchema: true, fields: undefined, release: "1.36", expected: ["spec.versions[0].selectableFields: Invalid value: \"\": may only be set when `version.schema.openAPIV3Schema` is not included"] },
    { name: "the same, in 1.32's words", sameSchema: true, fields: undefined, release: "1.32", expected: [`spec.versions[0].selectableFields: Invalid value: "": selectableFields may only be set when version.schema.openAPIV3Schema is not included`] },
  ])("two versions: $name", ({ sameSchema, fields, release, expected }) => {
    expect(messages(twoVersions(sameSchema, fields), release)).toEqual(expected);
  });

  test("the same schema and fields are checked once, at the spec", () => {
    const crd = twoVersions(true, [".spec.owner"]);
    version(crd).selectableFields = [{ jsonPath: ".spec.owner" }];
    expect(messages(crd)).toEqual([`${S}[0].jsonPath: Invalid value: ".spec.owner": is an invalid path: does not refer to a valid field`]);
  });

  test("a refused path points at the version's entry; 1.30 drops selectable fields (its gate is off) and refuses nothing", () => {
    const text = stringify(selecting([".spec.owner"]));
    const found = createPath(text, "1.31");
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining(`${S}[0].jsonPath: Invalid value: ".spec.owner"`)]);
    expect(text.split("\n")[found[0]!.line - 1]).toContain("jsonPath: .spec.owner");
    expect(createPath(text, "1.30")).toEqual([]);
  });
});

describe("libraries a new rule may use in each release (one minor after the release that introduced them)", () => {
  const P = "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule";
  /** The rule as the API server prints it: JSON from 1.34, Go syntax before. */
  const shown = (rule: string, release: string) =>
    ["1.34", "1.35", "1.36"].includes(release)
      ? JSON.stringify({ Rule: rule, Message: "", MessageExpression: "", Reason: null, FieldPath: "", OptionalOldSelf: null })
      : `apiextensions.ValidationRule{Rule:${JSON.stringify(rule)}, Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}`;
  const caret = (rule: string, column: number, name: string) => `ERROR: <input>:1:${column}: undeclared reference to '${name}' (in container '')\n | ${rule}\n | ${".".repeat(column - 1)}^`;
  const withRule = (rule: string) =>
    backupCrd((c) => {
      field(c, "schedule").maxLength = 64;
      specSchema(c)["x-kubernetes-validations"] = [{ rule }];
    });
  /** Each issue: the name, and the text its position starts (the n-th time it is found, n from 0). */
  const refusal = (rule: string, release: string, issues: Array<[string, string, number?]>) => {
    const column = (text: string, nth = 0) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = rule.indexOf(text, at + 1);
      return at + 1;
    };
    return [`${P}: Invalid value: ${shown(rule, release)}: compilation failed: ${issues.map(([name, text, nth]) => caret(rule, column(text, nth), name)).join("\n")}`];
  };

  const IP = "isIP(self.schedule) || cidr('10.0.0.0/8').containsIP(self.schedule)";
  const FORMAT = "!format.dns1123Label().validate(self.schedule).hasValue()";
  const SEMVER = "isSemver(self.schedule) && semver(self.schedule).major() > 0";
  const LISTS = "self.targets.map(t, t.name).distinct().size() == lists.range(2).size()";
  test.each([
    { library: "ip and cidr", rule: IP, first: "1.31" },
    { library: "format", rule: FORMAT, first: "1.32" },
    { library: "semver", rule: SEMVER, first: "1.34" },
    { library: "lists (version 3)", rule: LISTS, first: "1.35" },
  ])("$library: accepted from $first", ({ rule, first }) => {
    expect(messages(withRule(rule), first)).toEqual([]);
    expect(messages(withRule(rule), "1.36")).toEqual([]);
  });

  test.each([
    { library: "ip and cidr", rule: IP, release: "1.30", issues: [["isIP", "(self"], ["cidr", "('10"], ["containsIP", "(self", 1]] as Array<[string, string, number?]> },
    { library: "ip.isCanonical, a namespaced function", rule: "ip.isCanonical(self.schedule)", release: "1.30", issues: [["ip", "ip"], ["isCanonical", "("]] as Array<[string, string, number?]> },
    { library: "format", rule: FORMAT, release: "1.31", issues: [["format", "format"], ["dns1123Label", "()"], ["validate", "(self"]] as Array<[string, string, number?]> },
    { library: "semver", rule: SEMVER, release: "1.33", issues: [["isSemver", "(self"], ["semver", "(self", 1], ["major", "()"]] as Array<[string, string, number?]> },
    { library: "lists (version 3)", rule: LISTS, release: "1.34", issues: [["distinct", "()"], ["lists", "lists"], ["range", "(2"]] as Array<[string, string, number?]> },
  ])("$library: refused in $release as an undeclared reference", ({ rule, release, issues }) => {
    expect(messages(withRule(rule), release)).toEqual(refusal(rule, release, issues));
  });

  test("a library function's name inside a string is no call", () => {
    expect(messages(withRule("self.schedule != 'isIP(x).family()'"), "1.30")).toEqual([]);
  });
});

describe("references a rule makes: declared functions, macros and argument counts of each release", () => {
  const P = "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule";
  const shown = (rule: string) =>
    JSON.stringify({ Rule: rule, Message: "", MessageExpression: "", Reason: null, FieldPath: "", OptionalOldSelf: null })
      .replace(/</g, "\\u003c")
      .replace(/>/g, "\\u003e");
  const shownBefore134 = (rule: string) =>
    `apiextensions.ValidationRule{Rule:${JSON.stringify(rule)}, Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}`;
  const issue = (rule: string, column: number, message: string) => `ERROR: <input>:1:${column}: ${message}\n | ${rule}\n | ${".".repeat(column - 1)}^`;
  const undeclared = (name: string) => `undeclared reference to '${name}' (in container '')`;
  const withRule = (rule: string) =>
    backupCrd((c) => {
      field(c, "schedule").maxLength = 64;
      specSchema(c)["x-kubernetes-validations"] = [{ rule }];
    });
  const refusal = (rule: string, release: string, issues: Array<[number, string]>) => [
    `${P}: Invalid value: ${["1.34", "1.35", "1.36"].includes(release) ? shown(rule) : shownBefore134(rule)}: compilation failed: ${issues.map(([column, message]) => issue(rule, column, message)).join("\n")}`,
  ];

  test.each([
    { name: "standard macros, conversions and type identifiers", rule: "self.targets.exists_one(t, t.name == 'a') || self.targets.map(t, t.name).filter(n, n != '').size() > 0 || type(self.retention) == int", release: "1.30" },
    { name: "optional values and their macros", rule: "optional.of(self.schedule).optMap(s, s.size()).orValue(0) >= 0 && optional.none().hasValue() == false", release: "1.30" },
    { name: "a two-variable comprehension from 1.33", rule: "self.targets.all(i, t, i >= 0 && t.name != '') && self.targets.transformList(i, t, t.name).size() >= 0", release: "1.33" },
    { name: "existsOne and exists_one with two variables from 1.33", rule: "self.targets.existsOne(i, t, i == 0) || self.targets.exists_one(i, t, t.name == 'a')", release: "1.33" },
    { name: "sortBy from 1.35", rule: "self.targets.sortBy(t, t.name).size() == self.targets.size()", release: "1.35" },
    { name: "a function's name as a string", rule: "self.schedule != 'foo(x)' && self.schedule != \"bar.baz()\"", release: "1.30" },
    { name: "matches as a global function, and quantity comparisons", rule: "matches(self.schedule, '^@') || quantity('1Gi').isGreaterThan(quantity('1Mi'))", release: "1.30" },
  ])("accepts $name ($release)", ({ rule, release }) => {
    expect(messages(withRule(rule), release)).toEqual([]);
  });

  const FOO = "foo(self.schedule)";
  const MEMBER = "self.schedule.foo()";
  const TWO = "self.targets.all(i, t, t.name != '')";
  const SORT = "self.targets.sortBy(t, t.name).size() > 0";
  const BIND = "cel.bind(n, self.retention, n > 0)";
  const MATH = "math.greatest(self.retention, 1) > 0";
  const SEMVER_COMPARE = "semver('1.2.3').isGreaterThan(semver('1.0.0'))";
  const FIRST = "self.targets.first().hasValue() || self.targets.last().hasValue()";
  test.each([
    { name: "a global function that is not declared", rule: FOO, release: "1.36", issues: [[4, undeclared("foo")]] as Array<[number, string]> },
    { name: "a member function that is not declared", rule: MEMBER, release: "1.36", issues: [[18, undeclared("foo")]] as Array<[number, string]> },
    { name: "a function of a namespace that is not declared", rule: "sets.union(self.targets, self.targets).size() > 0", release: "1.36", issues: [[1, undeclared("sets")], [11, undeclared("union")]] as Array<[number, string]> },
    { name: "cel.bind, which Kubernetes does not declare", rule: BIND, release: "1.36", issues: [[1, undeclared("cel")], [9, undeclared("bind")], [10, undeclared("n")], [29, undeclared("n")]] as Array<[number, string]> },
    { name: "math, which Kubernetes does not declare", rule: MATH, release: "1.36", issues: [[1, undeclared("math")], [14, undeclared("greatest")]] as Array<[number, string]> },
    { name: "size() with two arguments", rule: "size(self.schedule, 1) > 0", release: "1.36", issues: [[5, "found no matching overload for 'size' applied to '(string, int)'"]] as Array<[number, string]> },
    { name: "a global function called as a member", rule: "self.schedule.isURL()", release: "1.36", issues: [[20, "found no matching overload for 'isURL' applied to 'string.()'"]] as Array<[number, string]> },
    { name: "charAt() without its argument", rule: "self.schedule.charAt() == 'a'", release: "1.36", issues: [[21, "found no matching overload for 'charAt' applied to 'string.()'"]] as Array<[number, string]> },
    { name: "sets.contains() with one argument", rule: "sets.contains(self.targets)", release: "1.36", issues: [[14, "found no matching overload for 'sets.contains' applied to '(list(selfType0.targets.@idx))'"]] as Array<[number, string]> },
    { name: "a two-variable comprehension before 1.33", rule: TWO, release: "1.32", issues: [[17, undeclared("all")], [18, undeclared("i")], [21, undeclared("t")], [24, undeclared("t")]] as Array<[number, string]> },
    { name: "transformMap before 1.33", rule: "self.targets.transformMap(i, t, t.name).size() > 0", release: "1.32", issues: [[26, undeclared("transformMap")], [27, undeclared("i")], [30, undeclared("t")], [33, undeclared("t")]] as Array<[number, string]> },
    { name: "sortBy before 1.35", rule: SORT, release: "1.34", issues: [[20, undeclared("sortBy")], [21, undeclared("t")], [24, undeclared("t")]] as Array<[number, string]> },
    { name: "a semver comparison before 1.34: the receiver and argument are undeclared, the comparison (quantity's name) is not", rule: SEMVER_COMPARE, release: "1.33", issues: [[7, undeclared("semver")], [37, undeclared("semver")]] as Array<[number, string]> },
    { name: "first() before 1.33, whose cel-go had no optional types version 2", rule: FIRST, release: "1.32", issues: [[19, undeclared("first")], [53, undeclared("last")]] as Array<[number, string]> },
    { name: "first() with an argument", rule: "self.targets.first(0).hasValue()", release: "1.36", issues: [[19, "found no matching overload for 'first' applied to 'list(selfType0.targets.@idx).(int)'"]] as Array<[number, string]> },
    { name: "jsonpatch.escapeKey, which only mutating admission policies declare", rule: "jsonpatch.escapeKey(self.schedule) != ''", release: "1.36", issues: [[1, undeclared("jsonpatch")], [20, undeclared("escapeKey")]] as Array<[number, string]> },
  ])("refuses $name ($release)", ({ rule, release, issues }) => {
    expect(messages(withRule(rule), release)).toEqual(refusal(rule, release, issues));
  });

  test.each([
    { rule: TWO, release: "1.33" },
    { rule: SORT, release: "1.35" },
    { rule: SEMVER_COMPARE, release: "1.34" },
    { rule: FIRST, release: "1.33" },
  ])("$rule is accepted from $release", ({ rule, release }) => {
    expect(messages(withRule(rule), release)).toEqual([]);
  });
});

describe("fields a rule selects, type-checked against the schema", () => {
  const ROOT = "spec.validation.openAPIV3Schema";
  const P = `${ROOT}.properties[spec]`;
  /** The rule as the API server prints its internal ValidationRule (Go's JSON of a struct without tags). */
  const shown = (rule: Json) =>
    JSON.stringify({ Rule: rule.rule, Message: rule.message ?? "", MessageExpression: rule.messageExpression ?? "", Reason: null, FieldPath: "", OptionalOldSelf: null })
      .replace(/</g, "\\u003c")
      .replace(/>/g, "\\u003e")
      .replace(/&/g, "\\u0026");
  const issue = (rule: string, line: number, column: number, message: string) => `ERROR: <input>:${line}:${column}: ${message}\n | ${rule.split("\n")[line - 1]}\n | ${".".repeat(column - 1)}^`;
  const onSpec = (rule: Json) => (c: Json) => (specSchema(c)["x-kubernetes-validations"] = [rule]);
  const onRoot = (rule: Json) => (c: Json) => (schemaOf(c)["x-kubernetes-validations"] = [rule]);

  const accepted: Array<{ name: string; change: (crd: Json) => void }> = [
    { name: "declared fields", change: onSpec({ rule: "self.retention > 0 && self.schedule != ''" }) },
    { name: "fields of list items in a macro", change: onSpec({ rule: "self.targets.all(t, has(t.path) && t.name.size() > 0)" }) },
    { name: "fields of an indexed item", change: onSpec({ rule: "self.targets.size() == 0 || self.targets[0].name != ''" }) },
    { name: "apiVersion, kind, metadata.name and metadata.generateName at the root", change: onRoot({ rule: "self.kind == 'Backup' && self.apiVersion != '' && (self.metadata.name.size() < 60 || has(self.metadata.generateName))" }) },
    { name: "keys of a map", change: (c) => { field(c, "labels") ?? ((specSchema(c).properties as Json).labels = { type: "object", additionalProperties: { type: "string" } }); onSpec({ rule: "!has(self.labels) || self.labels.team != ''" })(c); } },
    { name: "an optional selection", change: onSpec({ rule: "self.?retention.orValue(1) > 0" }) },
    { name: "an int compared with a double", change: onSpec({ rule: "self.retention > 0.5" }) },
    { name: "self compared with the value of oldSelf, an optional", change: onSpec({ rule: "self == oldSelf.value() || self.retention > 1", optionalOldSelf: true }) },
    { name: "a list's items and size in arithmetic", change: onSpec({ rule: "self.targets.size() + self.retention < 100 && self.targets.all(t, t.name + '-x' != t.path)" }) },
    { name: "int() of a string, in a list literal", change: onSpec({ rule: "int(self.schedule.size()) in [1, 2, 3] || self.schedule == '@daily'" }) },
    { name: "a conditional of one type", change: onSpec({ rule: "(self.retention > 3 ? 'long' : 'short') != ''" }) },
    { name: "a messageExpression that builds a string", change: onSpec({ rule: "self.retention > 0", messageExpression: "'schedule ' + self.schedule + ' keeps too few'" }) },
    { name: "lists of the same type joined and compared", change: onSpec({ rule: "self.targets + self.targets != [] && self.targets.map(t, t.name) + ['x'] != ['y']" }) },
    { name: "a string in a list of strings", change: onSpec({ rule: "self.schedule in self.targets.map(t, t.name) || self.schedule in ['@daily']" }) },
    {
      name: "ip, cidr, semver, lists and sets of the types they take",
      change: onSpec({
        rule: "(isIP(self.schedule) && ip.isCanonical(self.schedule) || isCIDR(self.schedule) && cidr(self.schedule).prefixLength() > 8 || isSemver(self.schedule) && semver(self.schedule).major() > 0) && self.targets.map(t, t.name.size()).isSorted() && [self.retention].sum() > 0 && self.targets.map(t, t.name.size()).indexOf(self.retention) < 16 && sets.contains(self.targets.map(t, t.name), [self.schedule]) && self.targets.all(t, [t.name.size()].max() > 0)",
      }),
    },
    { name: "library functions on strings", change: onSpec({ rule: "self.schedule.indexOf('@', 0) >= -1 && self.schedule.lowerAscii().replace('a', 'b', 1).split(' ').size() > 0 && self.schedule.matches('^@') || isURL(self.schedule) || quantity('1Gi').isInteger()" }) },
  ];
  test.each(accepted)("$name", ({ change }) => {
    expect(messages(backupCrd(change))).toEqual([]);
  });

  const refused: Array<{ name: string; rule: Json; at: "spec" | "root"; expected: string }> = [
    { name: "a misspelt field", rule: { rule: "self.retentoin > 0" }, at: "spec", expected: issue("self.retentoin > 0", 1, 5, "undefined field 'retentoin'") },
    { name: "a misspelt field of list items", rule: { rule: "self.targets.all(t, t.pth.startsWith('/'))" }, at: "spec", expected: issue("self.targets.all(t, t.pth.startsWith('/'))", 1, 22, "undefined field 'pth'") },
    { name: "has() of a field of a string, at its parenthesis", rule: { rule: "has(self.schedule.cron)" }, at: "spec", expected: issue("has(self.schedule.cron)", 1, 4, "type 'string' does not support field selection") },
    { name: "metadata other than the name at the root", rule: { rule: "self.metadata.labels.team == 'a'" }, at: "root", expected: issue("self.metadata.labels.team == 'a'", 1, 14, "undefined field 'labels'") },
    { name: "a field of preserved unknown fields", rule: { rule: "!has(self.status.phase)" }, at: "root", expected: issue("!has(self.status.phase)", 1, 5, "undefined field 'phase'") },
    { name: "an int compared with a string", rule: { rule: "self.retention > '7'" }, at: "spec", expected: issue("self.retention > '7'", 1, 16, "found no matching overload for '_>_' applied to '(int, string)'") },
    { name: "a string plus an int, inside a macro", rule: { rule: "self.targets.all(t, t.name + 1 != '')" }, at: "spec", expected: issue("self.targets.all(t, t.name + 1 != '')", 1, 28, "found no matching overload for '_+_' applied to '(string, int)'") },
    { name: "a string equal to an int", rule: { rule: "self.schedule == 1" }, at: "spec", expected: issue("self.schedule == 1", 1, 15, "found no matching overload for '_==_' applied to '(string, int)'") },
    { name: "a string method given an int", rule: { rule: "self.schedule.startsWith(1)" }, at: "spec", expected: issue("self.schedule.startsWith(1)", 1, 25, "found no matching overload for 'startsWith' applied to 'string.(int)'") },
    { name: "size() of an int", rule: { rule: "self.retention.size() > 0" }, at: "spec", expected: issue("self.retention.size() > 0", 1, 20, "found no matching overload for 'size' applied to 'int.()'") },
    { name: "conditional branches of two types", rule: { rule: "(self.retention > 3 ? 'long' : 0) != ''" }, at: "spec", expected: issue("(self.retention > 3 ? 'long' : 0) != ''", 1, 21, "found no matching overload for '_?_:_' applied to '(bool, string, int)'") },
    { name: "a name that is not declared", rule: { rule: "spec.retention > 0" }, at: "spec", expected: issue("spec.retention > 0", 1, 1, "undeclared reference to 'spec' (in container '')") },
    { name: "a list plus an int", rule: { rule: "size(self.targets.map(t, t.name) + 1) > 0" }, at: "spec", expected: issue("size(self.targets.map(t, t.name) + 1) > 0", 1, 34, "found no matching overload for '_+_' applied to '(list(string), int)'") },
    { name: "an int in a list of strings", rule: { rule: "self.retention in self.targets.map(t, t.name)" }, at: "spec", expected: issue("self.retention in self.targets.map(t, t.name)", 1, 16, "found no matching overload for '@in' applied to '(int, list(string))'") },
    { name: "an item of a list of strings compared with an int", rule: { rule: "self.targets.map(t, t.path)[0] > 1" }, at: "spec", expected: issue("self.targets.map(t, t.path)[0] > 1", 1, 32, "found no matching overload for '_>_' applied to '(string, int)'") },
    { name: "an int compared with null", rule: { rule: "self.retention != null" }, at: "spec", expected: issue("self.retention != null", 1, 16, "found no matching overload for '_!=_' applied to '(int, null)'") },
    { name: "a strings extension method given an int", rule: { rule: "self.schedule.indexOf(1) > 0" }, at: "spec", expected: issue("self.schedule.indexOf(1) > 0", 1, 22, "found no matching overload for 'indexOf' applied to 'string.(int)'") },
    { name: "matches() given an int", rule: { rule: "self.schedule.matches(1)" }, at: "spec", expected: issue("self.schedule.matches(1)", 1, 22, "found no matching overload for 'matches' applied to 'string.(int)'") },
    { name: "quantity() of an int", rule: { rule: "quantity(self.retention).isInteger()" }, at: "spec", expected: issue("quantity(self.retention).isInteger()", 1, 9, "found no matching overload for 'quantity' applied to '(int)'") },
    { name: "ip() of an int", rule: { rule: "ip(self.retention).family() == 4" }, at: "spec", expected: issue("ip(self.retention).family() == 4", 1, 3, "found no matching overload for 'ip' applied to '(int)'") },
    { name: "ip.isCanonical() of an int", rule: { rule: "ip.isCanonical(self.retention)" }, at: "spec", expected: issue("ip.isCanonical(self.retention)", 1, 15, "found no matching overload for 'ip.isCanonical' applied to '(int)'") },
    { name: "isCIDR() of a list", rule: { rule: "isCIDR(self.targets.map(t, t.path))" }, at: "spec", expected: issue("isCIDR(self.targets.map(t, t.path))", 1, 7, "found no matching overload for 'isCIDR' applied to '(list(string))'") },
    { name: "semver() of an int", rule: { rule: "semver(self.retention).major() > 1" }, at: "spec", expected: issue("semver(self.retention).major() > 1", 1, 7, "found no matching overload for 'semver' applied to '(int)'") },
    { name: "sum() of a list of strings", rule: { rule: "self.targets.map(t, t.name).sum() != ''" }, at: "spec", expected: issue("self.targets.map(t, t.name).sum() != ''", 1, 32, "found no matching overload for 'sum' applied to 'list(string).()'") },
    { name: "isSorted() of a list of lists", rule: { rule: "self.targets.map(t, [t.name]).isSorted()" }, at: "spec", expected: issue("self.targets.map(t, [t.name]).isSorted()", 1, 39, "found no matching overload for 'isSorted' applied to 'list(list(string)).()'") },
    { name: "indexOf() of an int in a list of strings", rule: { rule: "self.targets.map(t, t.name).indexOf(self.retention) >= 0" }, at: "spec", expected: issue("self.targets.map(t, t.name).indexOf(self.retention) >= 0", 1, 36, "found no matching overload for 'indexOf' applied to 'list(string).(int)'") },
    { name: "sets.contains() of lists of two element types", rule: { rule: "sets.contains(self.targets.map(t, t.name), [self.retention])" }, at: "spec", expected: issue("sets.contains(self.targets.map(t, t.name), [self.retention])", 1, 14, "found no matching overload for 'sets.contains' applied to '(list(string), list(int))'") },
    { name: "isURL() of a list", rule: { rule: "isURL(self.targets.map(t, t.path))" }, at: "spec", expected: issue("isURL(self.targets.map(t, t.path))", 1, 6, "found no matching overload for 'isURL' applied to '(list(string))'") },
    {
      name: "two misspellings on two lines, in order",
      rule: { rule: "self.targets.size() < self.retention &&\n  self.scheduel != self.nmae", message: "bad" },
      at: "spec",
      expected: `${issue("self.targets.size() < self.retention &&\n  self.scheduel != self.nmae", 2, 7, "undefined field 'scheduel'")}\n${issue("self.targets.size() < self.retention &&\n  self.scheduel != self.nmae", 2, 24, "undefined field 'nmae'")}`,
    },
  ];
  test.each(refused)("$name", ({ rule, at, expected }) => {
    const crd = backupCrd(at === "spec" ? onSpec(rule) : onRoot(rule));
    const where = at === "spec" ? P : ROOT;
    expect(messages(crd)).toEqual([`${where}.x-kubernetes-validations[0].rule: Invalid value: ${shown(rule)}: compilation failed: ${expected}`]);
  });

  test("each rule of a schema node is typed by the fields it selects, whatever the rules before it select", () => {
    const second = { rule: "self.targets.all(t, t.name + 1 != '')" };
    const crd = backupCrd((c) => (specSchema(c)["x-kubernetes-validations"] = [{ rule: "self.retention > 0" }, second, { rule: "self.schedule == 1" }]));
    expect(messages(crd)).toEqual([
      `${P}.x-kubernetes-validations[1].rule: Invalid value: ${shown(second)}: compilation failed: ${issue(second.rule, 1, 28, "found no matching overload for '_+_' applied to '(string, int)'")}`,
      `${P}.x-kubernetes-validations[2].rule: Invalid value: ${shown({ rule: "self.schedule == 1" })}: compilation failed: ${issue("self.schedule == 1", 1, 15, "found no matching overload for '_==_' applied to '(string, int)'")}`,
    ]);
  });

  const START = "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";
  const syntax: Array<{ name: string; rule: string; expected: string }> = [
    { name: "an operator with nothing after it, at the end of a block scalar", rule: "self.retention > 1 &&\n", expected: issue("self.retention > 1 &&\n", 2, 1, `Syntax error: mismatched input '<EOF>' expecting ${START}`) },
    { name: "an unclosed parenthesis of a macro", rule: "self.targets.all(t, t.path != ''", expected: issue("self.targets.all(t, t.path != ''", 1, 33, "Syntax error: missing ')' at '<EOF>'") },
    { name: "an unclosed list, after a trailing comma", rule: "self.retention in [1, 2, ", expected: issue("self.retention in [1, 2, ", 1, 26, "Syntax error: missing ']' at '<EOF>'") },
    { name: "an unclosed index", rule: "self.targets[0", expected: issue("self.targets[0", 1, 15, "Syntax error: missing ']' at '<EOF>'") },
    { name: "an unclosed map", rule: "{'a': 1", expected: issue("{'a': 1", 1, 8, "Syntax error: missing '}' at '<EOF>'") },
    { name: "a parenthesis too many", rule: "(self.retention > 1))", expected: issue("(self.retention > 1))", 1, 21, "Syntax error: extraneous input ')' expecting <EOF>") },
    { name: "two expressions one after the other", rule: "self.retention > 1\nself.retention < 9", expected: issue("self.retention > 1\nself.retention < 9", 2, 1, "Syntax error: mismatched input 'self' expecting <EOF>") },
    {
      name: "a single = and the value after it",
      rule: "self.schedule = '@daily'",
      expected: `${issue("self.schedule = '@daily'", 1, 15, "Syntax error: token recognition error at: '= '")}\n${issue("self.schedule = '@daily'", 1, 17, "Syntax error: extraneous input ''@daily'' expecting <EOF>")}`,
    },
    {
      name: "a character no token starts with, then an operator with nothing after it",
      rule: "self.retention + $",
      expected: `${issue("self.retention + $", 1, 18, "Syntax error: token recognition error at: '$'")}\n${issue("self.retention + $", 1, 19, `Syntax error: mismatched input '<EOF>' expecting ${START}`)}`,
    },
    { name: "a mistake worded by the parser in use (no cel-go wording kubeplan is sure of)", rule: "self.retention +* 2", expected: "Unexpected token: MULTIPLY" },
  ];
  test.each(syntax)("syntax: $name", ({ rule, expected }) => {
    const entry = { rule, message: "m" };
    expect(messages(backupCrd(onSpec(entry)))).toEqual([`${P}.x-kubernetes-validations[0].rule: Invalid value: ${shown(entry)}: compilation failed: ${expected}`]);
  });

  test("before 1.34 the rule is printed in Go syntax", () => {
    const rule = { rule: "self.retentoin > 0", reason: "FieldValueForbidden" };
    expect(messages(backupCrd(onSpec(rule)), "1.33")).toEqual([
      `${P}.x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{Rule:"self.retentoin > 0", Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)("FieldValueForbidden"), FieldPath:"", OptionalOldSelf:(*bool)(nil)}: compilation failed: ${issue(rule.rule, 1, 5, "undefined field 'retentoin'")}`,
    ]);
  });

  const ruleFields: Array<{ name: string; rule: Json; at: string; details: string[] }> = [
    { name: "a blank message", rule: { rule: "self.retention > 0", message: " " }, at: 'message: Invalid value: " "', details: ["must be non-empty if specified"] },
    { name: "a message on two lines", rule: { rule: "self.retention > 0", message: "too\nlong" }, at: 'message: Invalid value: "too\\nlong"', details: ["must not contain line breaks"] },
    { name: "a blank fieldPath, which is no path either", rule: { rule: "self.retention > 0", fieldPath: " " }, at: 'fieldPath: Invalid value: " "', details: ["must be non-empty if specified", "must be a valid path"] },
    { name: "a fieldPath that names no field", rule: { rule: "self.retention > 0", fieldPath: ".retension" }, at: 'fieldPath: Invalid value: ".retension"', details: ["must be a valid path"] },
  ];
  test.each(ruleFields)("$name: the field's name in the detail before 1.34, not after", ({ rule, at, details }) => {
    const name = at.slice(0, at.indexOf(":"));
    expect(messages(backupCrd(onSpec(rule)), "1.33")).toEqual(details.map((detail) => `${P}.x-kubernetes-validations[0].${at}: ${name} ${detail}`));
    expect(messages(backupCrd(onSpec(rule)), "1.34")).toEqual(details.map((detail) => `${P}.x-kubernetes-validations[0].${at}: ${detail}`));
  });

  test("a messageExpression is checked too", () => {
    const rule = { rule: "self.retention > 0", messageExpression: "'retention ' + string(self.retension)" };
    expect(messages(backupCrd(onSpec(rule)))).toEqual([
      `${P}.x-kubernetes-validations[0].messageExpression: Invalid value: ${shown(rule)}: messageExpression compilation failed: ${issue(rule.messageExpression, 1, 27, "undefined field 'retension'")}`,
    ]);
  });

  // Objects are named as the API server names a rule's types: self is selfType<N> (N, a clock reading, shown as 0).
  const objects: Array<{ name: string; rule: string; at: "spec" | "root"; token: string; message: string }> = [
    { name: "a field of a list of objects", rule: "self.targets.name == 'a'", at: "spec", token: ".name", message: "type 'list(selfType0.targets.@idx)' does not support field selection" },
    { name: "has() of a field of a list", rule: "has(self.targets.path)", at: "spec", token: "(", message: "type 'list(selfType0.targets.@idx)' does not support field selection" },
    { name: "an item of a list of objects compared with a string", rule: "self.targets[0] == 'a'", at: "spec", token: "==", message: "found no matching overload for '_==_' applied to '(selfType0.targets.@idx, string)'" },
    { name: "a string in a list of objects", rule: "self.schedule in self.targets", at: "spec", token: "in", message: "found no matching overload for '@in' applied to '(string, list(selfType0.targets.@idx))'" },
    { name: "a string method on an object", rule: "self.targets[0].startsWith('/')", at: "spec", token: "(", message: "found no matching overload for 'startsWith' applied to 'selfType0.targets.@idx.(string)'" },
    { name: "an object or a string from a conditional", rule: "(self.retention > 1 ? self.targets[0] : 'x') != 'x'", at: "spec", token: "?", message: "found no matching overload for '_?_:_' applied to '(bool, selfType0.targets.@idx, string)'" },
    { name: "the root's metadata compared with a string", rule: "self.metadata == 'box'", at: "root", token: "==", message: "found no matching overload for '_==_' applied to '(selfType0.metadata, string)'" },
    { name: "an object plus an int", rule: "self.spec + 1 != self.spec", at: "root", token: "+", message: "found no matching overload for '_+_' applied to '(selfType0.spec, int)'" },
    { name: "the root's metadata name compared with an int", rule: "self.metadata.name == 1", at: "root", token: "==", message: "found no matching overload for '_==_' applied to '(string, int)'" },
  ];
  test.each([
    { format: "date-time", type: "timestamp" },
    { format: "duration", type: "duration" },
  ])("a field of a $format string, a $type to cel-go, has no fields", ({ format, type }) => {
    const rule = { rule: "self.startedAt.seconds > 0" };
    const crd = backupCrd((c) => {
      (specSchema(c).properties as Json).startedAt = { type: "string", format, maxLength: 64 };
      onSpec(rule)(c);
    });
    expect(messages(crd)).toEqual([`${P}.x-kubernetes-validations[0].rule: Invalid value: ${shown(rule)}: compilation failed: ${issue(rule.rule, 1, 15, `type '${type}' does not support field selection`)}`]);
  });
  test.each(objects)("objects: $name", ({ rule, at: where, token, message }) => {
    const entry = { rule };
    const crd = backupCrd(where === "spec" ? onSpec(entry) : onRoot(entry));
    const column = token === "(" && rule.startsWith("has(") ? 4 : token === "(" ? rule.lastIndexOf("(") + 1 : rule.indexOf(token) + 1;
    expect(messages(crd)).toEqual([`${where === "spec" ? P : ROOT}.x-kubernetes-validations[0].rule: Invalid value: ${shown(entry)}: compilation failed: ${issue(rule, 1, column, message)}`]);
  });
  test.each([
    { name: "an object compared with one of its own type", rule: "self.targets.size() < 2 || self.targets[0] != self.targets[1]", at: "spec" },
    { name: "an object compared with null", rule: "self.targets.all(t, t != null)", at: "spec" },
    { name: "the root's metadata compared with itself", rule: "self.metadata == self.metadata && self.metadata.name != ''", at: "root" },
  ])("objects accepted: $name", ({ rule, at: where }) => {
    expect(messages(backupCrd(where === "spec" ? onSpec({ rule }) : onRoot({ rule })))).toEqual([]);
  });

  // cel-go's literal validators (from 1.30) and the program's constant folding (every release).
  const at = (rule: string, literal: string) => rule.indexOf(literal) + 1;
  const constants: Array<{ name: string; rule: string; version: string; detail?: string; literal?: string; message?: string }> = [
    { name: "a duration literal Go reads", rule: "duration('0') < duration('1.5h') && duration('1\u00b5s') > duration('0')", version: "1.36" },
    { name: "conversions of constants that convert", rule: "int('42') > self.retention && uint(1) > 0u && double('1e3') > 0.0 && bool('T')", version: "1.36" },
    { name: "constant patterns that compile", rule: "self.schedule.matches('^@') && matches(self.schedule, '[0-9]') && self.schedule.find('[a-z]+') != ''", version: "1.36" },
    { name: "a duration literal with a unit Go does not know", rule: "duration(self.schedule) < duration('1d')", version: "1.36", literal: "'1d'", message: "invalid duration argument" },
    { name: "a duration literal without a unit", rule: "duration('30') > duration('0s')", version: "1.30", literal: "'30'", message: "invalid duration argument" },
    { name: "a duration literal before the validators (1.29): the program fails", rule: "duration(self.schedule) < duration('1d')", version: "1.29", detail: "program instantiation failed: type conversion error from 'string' to 'google.protobuf.Duration'" },
    { name: "timestamp literals Go reads", rule: "timestamp('2024-05-01T10:00:00Z') < timestamp('2024-05-01T1:00:00+24:00') && timestamp(0) < timestamp('2024-05-01T10:00:00.5+02:00')", version: "1.36" },
    { name: "a timestamp literal without a time", rule: "timestamp(self.schedule) > timestamp('2024-05-01')", version: "1.36", literal: "'2024-05-01'", message: "invalid timestamp argument" },
    { name: "an int timestamp literal past year 9999", rule: "timestamp(253402300800) > timestamp(0)", version: "1.30", literal: "253402300800", message: "invalid timestamp argument" },
    { name: "a timestamp literal before the validators (1.29): the program fails", rule: "timestamp(self.schedule) > timestamp('2024-05-01')", version: "1.29", detail: "program instantiation failed: type conversion error from 'string' to 'google.protobuf.Timestamp'" },
    { name: "a timestamp literal out of range before the validators", rule: "timestamp('0000-01-01T00:00:00Z') < timestamp(0)", version: "1.29", detail: "program instantiation failed: timestamp overflow" },
    { name: "a matches() pattern that does not compile", rule: "self.schedule.matches('[')", version: "1.36", literal: "'['", message: "invalid matches argument" },
    { name: "a matches() pattern before the validators", rule: "self.schedule.matches('[')", version: "1.29", detail: "program instantiation failed: error parsing regexp: missing closing ]: `[`" },
    { name: "the pattern of matches() called as a function, which the validator does not read", rule: "matches(self.schedule, '(')", version: "1.36", detail: "program instantiation failed: error parsing regexp: missing closing ): `(`" },
    { name: "a find() pattern that does not compile", rule: "self.schedule.find('a**') != ''", version: "1.36", detail: "program instantiation failed: error parsing regexp: invalid nested repetition operator: `**`" },
    { name: "a negative constant converted to uint", rule: "uint(self.retention) > uint(-1)", version: "1.36", detail: "program instantiation failed: unsigned integer overflow" },
    { name: "a constant string that is no int", rule: "self.retention == int('seven')", version: "1.36", detail: "program instantiation failed: type conversion error from 'string' to 'int'" },
  ];
  test.each(constants)("constant arguments: $name ($version)", ({ rule, version, detail, literal, message }) => {
    const entry = { rule };
    const expected = literal !== undefined ? `compilation failed: ${issue(rule, 1, at(rule, literal), message!)}` : detail;
    const crd = backupCrd(onSpec(entry));
    const shownRule = version === "1.36" || version === "1.34" ? shown(entry) : `apiextensions.ValidationRule{Rule:${JSON.stringify(rule)}, Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}`;
    expect(messages(crd, version)).toEqual(expected === undefined ? [] : [`${P}.x-kubernetes-validations[0].rule: Invalid value: ${shownRule}: ${expected}`]);
  });

  test("a messageExpression's constant that does not convert fails its instantiation", () => {
    const rule = { rule: "self.retention > 0", messageExpression: "'retention ' + string(int('x'))" };
    expect(messages(backupCrd(onSpec(rule)))).toEqual([
      `${P}.x-kubernetes-validations[0].messageExpression: Invalid value: ${shown(rule)}: messageExpression instantiation failed: type conversion error from 'string' to 'int'`,
    ]);
  });
});

describe("estimated cost of x-kubernetes-validations", () => {
  const LIMIT = "(try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";
  const P = "spec.validation.openAPIV3Schema.properties[spec]";

  test("a nested loop over unbounded lists of unbounded strings is refused, and bounds make it pass", () => {
    const unbounded = backupCrd((c) => {
      delete field(c, "targets").maxItems;
      delete ((field(c, "targets").items as Json).properties as Json as Record<string, Json>).path!.maxLength;
      specSchema(c)["x-kubernetes-validations"] = [{ rule: "self.targets.all(a, self.targets.all(b, a.name == b.name || !a.path.contains(b.path)))" }];
    });
    expect(messages(unbounded)).toEqual([
      `${P}.x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of more than 100x ${LIMIT}`,
      `${P}.x-kubernetes-validations[0].rule: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema`,
      `spec.validation.openAPIV3Schema: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of more than 100x ${LIMIT}`,
    ]);
    const bounded = backupCrd((c) => (specSchema(c)["x-kubernetes-validations"] = [{ rule: "self.targets.all(a, self.targets.all(b, a.name == b.name || !a.path.contains(b.path)))" }]));
    expect(messages(bounded)).toEqual([]);
  });

  test("a rule on the items of an unbounded list counts once per item it may run on", () => {
    const crd = backupCrd((c) => {
      delete field(c, "targets").maxItems;
      const path = ((field(c, "targets").items as Json).properties as Record<string, Json>).path!;
      delete path.maxLength;
      path["x-kubernetes-validations"] = [{ rule: "self.matches('^/[a-z0-9/._-]*$')" }];
    });
    expect(messages(crd)).toEqual([
      `${P}.properties[targets].items.properties[path].x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of more than 100x ${LIMIT}`,
      `${P}.properties[targets].items.properties[path].x-kubernetes-validations[0].rule: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema`,
      // The spec's own rule walks the same unbounded list of unbounded paths.
      `${P}.x-kubernetes-validations[0].rule: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema`,
      `spec.validation.openAPIV3Schema: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of more than 100x ${LIMIT}`,
    ]);
  });
});

describe("in the validate run", () => {
  test("CRD errors are apiserver/validation findings at the line of the offending key, a shared schema at version 0", () => {
    const crd = backupCrd((c) => (field(c, "schedule").type = "strign"));
    const found = createPath(stringify(crd));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", message: expect.stringContaining('spec.validation.openAPIV3Schema.properties[spec].properties[schedule].type: Unsupported value: "strign"') });
    const lines = stringify(crd).split("\n");
    expect(lines[found[0]!.line - 1]).toContain("type: strign");
  });
});
