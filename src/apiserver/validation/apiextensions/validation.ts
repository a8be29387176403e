// ValidateCustomResourceDefinition (apiextensions-apiserver
// pkg/apis/apiextensions/validation/validation.go) on create: the CRD as the
// API server reads it (v1 defaults applied, the versions' schema,
// subresources and columns moved to the spec when all versions share them),
// then its names, scope, versions, conversion and schemas.
import { duplicate, notSupported, tooMany, type FieldError } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import { isDNS1035Label, isDNS1123Subdomain } from "../../apimachinery/validation.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { atLeast } from "../../../util/release.js";
import { findFieldPath } from "../../../schema/crd/cel/valid-field-path.js";
import { validateWebhookService, validateWebhookURL } from "../admissionregistration/client-config.js";
import { ErrorList } from "./error-list.js";
import { validateCustomResourceDefinitionValidation } from "./openapi-schema.js";
import { readCustomResourceDefinition, type CrdSpec, type CrdVersion } from "./internal.js";

const PRINTER_COLUMN_TYPES = ["boolean", "date", "integer", "number", "string"];
const PRINTER_COLUMN_FORMATS = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];
const CONVERSION_REVIEW_VERSIONS = ["v1", "v1beta1"];
const MAX_SELECTABLE_FIELDS = 8;
const API_APPROVAL = "api-approved.kubernetes.io";

function isProtectedCommunityGroup(group: string): boolean {
  return group === "k8s.io" || group.endsWith(".k8s.io") || group === "kubernetes.io" || group.endsWith(".kubernetes.io");
}

function validateEnumStrings(errors: ErrorList, path: FieldPath, value: unknown, accepted: string[]): void {
  if (value === undefined || value === "") errors.required(path, "");
  else if (typeof value === "string" && !accepted.includes(value)) errors.add(notSupported(path, value, accepted));
}

/** ValidateCustomResourceDefinitionNames. */
function validateNames(errors: ErrorList, names: JsonRecord, path: FieldPath): void {
  const text = (key: string) => (typeof names[key] === "string" ? (names[key] as string) : "");
  for (const key of ["plural", "singular"]) {
    const problems = isDNS1035Label(text(key));
    if (text(key) !== "" && problems.length > 0) errors.invalid(path.child(key), text(key), problems.join(","));
  }
  for (const key of ["kind", "listKind"]) {
    const problems = isDNS1035Label(text(key).toLowerCase());
    if (text(key) !== "" && problems.length > 0) errors.invalid(path.child(key), text(key), "may have mixed case, but should otherwise match: " + problems.join(","));
  }
  stringList(names.shortNames).forEach((shortName, i) => {
    const problems = isDNS1035Label(shortName);
    if (problems.length > 0) errors.invalid(path.child("shortNames").index(i), shortName, problems.join(","));
  });
  if (text("kind") !== "" && text("kind") === text("listKind")) errors.invalid(path.child("listKind"), text("listKind"), "kind and listKind may not be the same");
  stringList(names.categories).forEach((category, i) => {
    const problems = isDNS1035Label(category);
    if (problems.length > 0) errors.invalid(path.child("categories").index(i), category, problems.join(","));
  });
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item : "")) : [];
}

/** validateSimpleJSONPath. */
function validateSimpleJSONPath(errors: ErrorList, value: string, path: FieldPath): boolean {
  if (value === "") errors.invalid(path, value, "must not be empty");
  else if (!value.startsWith(".")) errors.invalid(path, value, "must be a simple json path starting with .");
  else return true;
  return false;
}

/** ValidateCustomResourceColumnDefinition. */
function validateColumn(errors: ErrorList, column: JsonRecord, path: FieldPath): void {
  if (!column.name) errors.required(path.child("name"), "");
  const type = typeof column.type === "string" ? column.type : "";
  const types = `must be one of ${PRINTER_COLUMN_TYPES.join(",")}`;
  if (type === "") errors.required(path.child("type"), types);
  else if (!PRINTER_COLUMN_TYPES.includes(type)) errors.invalid(path.child("type"), type, types);
  if (typeof column.format === "string" && column.format !== "" && !PRINTER_COLUMN_FORMATS.includes(column.format)) {
    errors.invalid(path.child("format"), column.format, `must be one of ${PRINTER_COLUMN_FORMATS.join(",")}`);
  }
  const jsonPath = typeof column.jsonPath === "string" ? column.jsonPath : "";
  if (jsonPath === "") errors.required(path.childAs("JSONPath", "jsonPath"), "");
  else validateSimpleJSONPath(errors, jsonPath, path.childAs("JSONPath", "jsonPath"));
}

/** ValidateCustomResourceDefinitionSubresources: the scale paths. */
function validateSubresources(errors: ErrorList, subresources: JsonRecord | undefined, path: FieldPath): void {
  const scale = subresources && isRecord(subresources.scale) ? subresources.scale : undefined;
  if (!scale) return;
  const check = (name: string, prefixes: string[], detail: string, needed: boolean) => {
    const value = typeof scale[name] === "string" ? (scale[name] as string) : "";
    const at = path.child("scale").child(name);
    if (value === "") {
      if (needed) errors.required(at, "");
      return;
    }
    if (validateSimpleJSONPath(errors, value, at) && !prefixes.some((prefix) => value.startsWith(prefix))) errors.invalid(at, value, detail);
  };
  check("specReplicasPath", [".spec."], "should be a json path under .spec", true);
  check("statusReplicasPath", [".status."], "should be a json path under .status", true);
  check("labelSelectorPath", [".spec.", ".status."], "should be a json path under either .spec or .status", false);
}

/** validateDeprecationWarning. */
function deprecationWarningErrors(version: CrdVersion): string[] {
  const warning = version.raw.deprecationWarning;
  if (version.raw.deprecated !== true && warning !== undefined && warning !== null) return ["can only be set for deprecated versions"];
  if (typeof warning !== "string") return [];
  const errors: string[] = [];
  if (Buffer.byteLength(warning) > 256) errors.push("must be <= 256 characters long");
  if (warning.length === 0) errors.push("must not be an empty string");
  let index = 0;
  for (const char of warning) {
    if (/\p{Cc}/u.test(char)) {
      errors.push(`must only contain printable UTF-8 characters; control character found at index ${index}`);
      break;
    }
    if (!/[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(char)) {
      errors.push(`must only contain printable UTF-8 characters; non-printable character found at index ${index}`);
      break;
    }
    index += Buffer.byteLength(char);
  }
  return errors;
}

/** allowedSelectableFieldSchema: a field selector compares strings, booleans and integers. */
function allowedSelectableFieldSchema(schema: JsonRecord | undefined): boolean {
  return schema !== undefined && (schema.type === "string" || schema.type === "boolean" || schema.type === "integer");
}

/** ValidateCustomResourceSelectableFields: each path a field of the schema, outside metadata and lists, of a scalar type, once; at most 8. */
function validateSelectableFieldPaths(errors: ErrorList, fields: JsonRecord[], schema: JsonRecord, path: FieldPath): void {
  const unique = new Set<string>();
  fields.forEach((entry, i) => {
    const at = path.index(i).child("jsonPath");
    const jsonPath = typeof entry.jsonPath === "string" ? entry.jsonPath : "";
    if (jsonPath === "") {
      errors.required(at, "");
      return;
    }
    const found = findFieldPath(jsonPath, schema, false);
    if ("error" in found) {
      errors.invalid(at, jsonPath, `is an invalid path: ${found.error}`);
      return;
    }
    if (found.path === "metadata" || found.path.startsWith("metadata.") || found.path.startsWith("metadata[")) errors.invalid(at, jsonPath, "must not point to fields in metadata");
    if (!allowedSelectableFieldSchema(found.schema)) {
      errors.invalid(at, jsonPath, "must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.");
    }
    if (unique.has(found.path)) errors.add(duplicate(at, jsonPath));
    else unique.add(found.path);
  });
  if (unique.size > MAX_SELECTABLE_FIELDS) errors.add(tooMany(path, unique.size, MAX_SELECTABLE_FIELDS));
}

/**
 * The selectable fields of a version (`version`) or of all versions: refused
 * without the schema they name (a version's own schema, or the one shared by
 * all), in each release's words ("selectableFields may only be set ..." until 1.33).
 */
function validateSelectableFields(errors: ErrorList, fields: JsonRecord[] | undefined, validation: JsonRecord | undefined, path: FieldPath, version: boolean, kubernetesVersion: string): void {
  if (!fields || fields.length === 0) return;
  const schema = validation && isRecord(validation.openAPIV3Schema) ? validation.openAPIV3Schema : undefined;
  // The spec's check asks only for `validation`; a version's, for its openAPIV3Schema too.
  if (version ? schema === undefined : validation === undefined) {
    const detail = version ? "may only be set when `version.schema.openAPIV3Schema` is not included" : "may only be set when validations.schema is included";
    errors.invalid(path, "", atLeast(kubernetesVersion, "1.34") ? detail : `selectableFields ${detail.replace(/`/g, "")}`);
    return;
  }
  if (schema) validateSelectableFieldPaths(errors, fields, schema, path);
}

function validateVersion(errors: ErrorList, spec: CrdSpec, version: CrdVersion, path: FieldPath, kubernetesVersion: string): void {
  for (const problem of deprecationWarningErrors(version)) errors.invalid(path.child("deprecationWarning"), version.raw.deprecationWarning, problem);
  if (version.schema) validateCustomResourceDefinitionValidation(errors, version.schema, spec.statusEnabled(version), path.child("schema"), kubernetesVersion);
  validateSubresources(errors, version.subresources, path.child("subresources"));
  version.columns?.forEach((column, i) => validateColumn(errors, column, path.child("additionalPrinterColumns").index(i)));
  validateSelectableFields(errors, version.selectableFields, version.schema, path.child("selectableFields"), true, kubernetesVersion);
}

/** The client config's url or service (v1 serves a service on port 443 unless it says otherwise). */
function validateConversionClientConfig(errors: ErrorList, clientConfig: JsonRecord, path: FieldPath, kubernetesVersion: string): void {
  const { url, service } = clientConfig;
  if ((url === undefined) === (service === undefined)) errors.required(path, "exactly one of url or service is required");
  else if (typeof url === "string") for (const error of validateWebhookURL(path.child("url"), url, true)) errors.add(error);
  else if (isRecord(service)) {
    const text = (key: string) => (typeof service[key] === "string" ? (service[key] as string) : "");
    const port = typeof service.port === "number" ? service.port : 443;
    const servicePath = typeof service.path === "string" ? service.path : undefined;
    // Upstream passes the service's name where the namespace goes and the namespace where the name goes.
    for (const error of validateWebhookService(path.child("service"), text("name"), text("namespace"), servicePath, port, kubernetesVersion)) errors.add(error);
  }
}

/** validateCustomResourceConversion. */
function validateConversion(errors: ErrorList, conversion: JsonRecord, path: FieldPath, kubernetesVersion: string): void {
  validateEnumStrings(errors, path.child("strategy"), conversion.strategy, ["None", "Webhook"]);
  const webhook = isRecord(conversion.webhook) ? conversion.webhook : undefined;
  // v1 nests the client config and review versions under `webhook`.
  const clientConfig = isRecord(webhook?.clientConfig) ? webhook.clientConfig : isRecord(conversion.webhookClientConfig) ? conversion.webhookClientConfig : undefined;
  const reviewVersions = webhook?.conversionReviewVersions ?? conversion.conversionReviewVersions;
  // The internal type has them beside the strategy; v1 writes them under `webhook`.
  const configPath = webhook ? path.childAs("webhookClientConfig", "webhook", "clientConfig") : path.child("webhookClientConfig");
  const reviewPath = webhook ? path.childAs("conversionReviewVersions", "webhook", "conversionReviewVersions") : path.child("conversionReviewVersions");
  if (conversion.strategy === "Webhook") {
    if (!clientConfig) errors.required(configPath, "required when strategy is set to Webhook");
    else validateConversionClientConfig(errors, clientConfig, configPath, kubernetesVersion);
    const versions = stringList(reviewVersions);
    if (versions.length === 0) errors.required(reviewPath, "");
    else {
      const seen = new Set<string>();
      versions.forEach((v, i) => {
        if (seen.has(v)) {
          errors.invalid(reviewPath.index(i), v, "duplicate version");
          return;
        }
        seen.add(v);
        for (const problem of isDNS1035Label(v)) errors.invalid(reviewPath.index(i), v, problem);
      });
      if (!versions.some((v) => CONVERSION_REVIEW_VERSIONS.includes(v))) errors.invalid(reviewPath, versions, `must include at least one of ${CONVERSION_REVIEW_VERSIONS.join(", ")}`);
    }
  } else {
    if (clientConfig) errors.forbidden(configPath, "should not be set when strategy is not set to Webhook");
    if (stringList(reviewVersions).length > 0) errors.forbidden(reviewPath, "should not be set when strategy is not set to Webhook");
  }
}

/** validateCustomResourceDefinitionSpec. */
function validateSpec(errors: ErrorList, spec: CrdSpec, path: FieldPath, kubernetesVersion: string): void {
  const group = spec.group;
  if (group === "") errors.required(path.child("group"), "");
  else if (isDNS1123Subdomain(group).length > 0) errors.invalid(path.child("group"), group, isDNS1123Subdomain(group).join(","));
  else if (group.split(".").length < 2) errors.invalid(path.child("group"), group, "should be a domain with at least one dot");
  validateEnumStrings(errors, path.child("scope"), spec.raw.scope, ["Cluster", "Namespaced"]);

  // A `schema` without openAPIV3Schema is no schema.
  const hasSchema = (validation: JsonRecord | undefined) => validation !== undefined && isRecord(validation.openAPIV3Schema);
  if (!hasSchema(spec.validation)) {
    // Until 1.33 the error said why.
    const detail = atLeast(kubernetesVersion, "1.34") ? "" : "schemas are required";
    spec.versions.forEach((version, i) => {
      if (!hasSchema(version.schema)) errors.required(path.child("versions").index(i).child("schema").child("openAPIV3Schema"), detail);
    });
  }
  if (spec.hasDefaults() && spec.raw.preserveUnknownFields === true) {
    errors.invalid(path.child("preserveUnknownFields"), true, "must be false in order to use defaults in the schema");
  }
  let storage = 0;
  const names = new Set<string>();
  let unique = true;
  spec.versions.forEach((version, i) => {
    if (version.raw.storage === true) storage++;
    if (names.has(version.name)) unique = false;
    names.add(version.name);
    const problems = isDNS1035Label(version.name);
    if (problems.length > 0) errors.invalid(path.child("versions").index(i).child("name"), version.name, problems.join(","));
    validateVersion(errors, spec, version, path.child("versions").index(i), kubernetesVersion);
  });
  if (!unique) errors.invalid(path.child("versions"), spec.raw.versions, "must contain unique version names");
  if (storage !== 1) errors.invalid(path.child("versions"), spec.raw.versions, "must have exactly one version marked as storage version");

  const namesPath = path.child("names");
  for (const key of ["plural", "singular", "kind", "listKind"]) if (!spec.names[key]) errors.required(namesPath.child(key), "");
  validateNames(errors, spec.names, namesPath);
  if (spec.validation) validateCustomResourceDefinitionValidation(errors, spec.validation, spec.anyStatusEnabled(), spec.validationPath(path), kubernetesVersion);
  validateSubresources(errors, spec.subresources, spec.subresourcesPath(path));
  spec.columns?.forEach((column, i) => validateColumn(errors, column, spec.columnsPath(path).index(i)));
  validateSelectableFields(errors, spec.selectableFields, spec.validation, spec.selectableFieldsPath(path), false, kubernetesVersion);

  const conversion = spec.conversion;
  if (conversion.strategy !== undefined && conversion.strategy !== "None" && spec.raw.preserveUnknownFields === true) {
    errors.invalid(path.child("conversion").child("strategy"), conversion.strategy, "must be None if spec.preserveUnknownFields is true");
  }
  validateConversion(errors, conversion, path.child("conversion"), kubernetesVersion);
}

/** ValidateCustomResourceDefinitionStoredVersions, with the stored versions the create strategy sets. */
function validateStoredVersions(errors: ErrorList, spec: CrdSpec): void {
  if (spec.versions.some((v) => v.raw.storage === true)) return;
  errors.invalid(FieldPath.root("status").child("storedVersions"), [], "must have at least one stored version");
}

/** validateAPIApproval: groups of the Kubernetes project need an approval annotation. */
function validateAPIApproval(errors: ErrorList, crd: JsonRecord, group: string): void {
  if (!isProtectedCommunityGroup(group)) return;
  const annotations = isRecord(crd.metadata) && isRecord(crd.metadata.annotations) ? crd.metadata.annotations : {};
  const annotation = typeof annotations[API_APPROVAL] === "string" ? (annotations[API_APPROVAL] as string) : "";
  const path = FieldPath.root("metadata").child("annotations").key(API_APPROVAL);
  const hint = "see https://github.com/kubernetes/enhancements/pull/1111";
  if (annotation === "") errors.required(path, `protected groups must have approval annotation ${goQuote(API_APPROVAL)}, ${hint}`);
  else if (annotation.startsWith("unapproved")) return;
  else if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#\s]+/.test(annotation)) {
    errors.invalid(path, annotation, `protected groups must have approval annotation ${goQuote(API_APPROVAL)} with either a URL or a reason starting with "unapproved", ${hint}`);
  }
}

/**
 * The field errors the API server answers when this CustomResourceDefinition
 * is created, for the target release. `crd` has the shape the built-in schema
 * asks for (its type errors are reported before).
 */
export function validateCustomResourceDefinition(crd: JsonRecord, kubernetesVersion: string): FieldError[] {
  const errors = new ErrorList();
  const spec = readCustomResourceDefinition(crd);
  const name = isRecord(crd.metadata) && typeof crd.metadata.name === "string" ? crd.metadata.name : "";
  const required = `${typeof spec.names.plural === "string" ? spec.names.plural : ""}.${spec.group}`;
  if (name !== "" && name !== required) errors.invalid(FieldPath.root("metadata").child("name"), name, `must be spec.names.plural+"."+spec.group`);
  validateSpec(errors, spec, FieldPath.root("spec"), kubernetesVersion);
  validateStoredVersions(errors, spec);
  validateAPIApproval(errors, crd, spec.group);
  if (spec.raw.preserveUnknownFields === true) {
    errors.invalid(FieldPath.root("spec").child("preserveUnknownFields"), true, "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead");
  }
  return errors.list;
}
