// API Priority and Fairness validation (pkg/apis/flowcontrol/validation/validation.go:
// ValidateFlowSchemaSpec, ValidatePriorityLevelConfigurationSpec and the functions
// they call), after ObjectMeta, on the defaulted object. The strategy does not
// allow a zero nominalConcurrencyShares (AllowZeroLimitedNominalConcurrencyShares
// is off), on create as on update.
import { nameIsDNSLabel, nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { forbidden, invalid, notSupported, PrintedValue, required, type ErrorList, type FieldError } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { internalValue, internalValueField, semanticallyEqual, type InternalType } from "../../field/internal-type.js";
import { printedFor, scalarField, stringListValue, structField } from "../../field/values.js";
import { bool, int, isSet, list, obj, str, strings } from "../core/fields.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { MANDATORY_FLOW_SCHEMAS, MANDATORY_PRIORITY_LEVEL_CONFIGURATIONS } from "./internal-bootstrap.js";
import { FLOW_SCHEMA_SPEC, PRIORITY_LEVEL_CONFIGURATION_SPEC } from "./internal-types.js";

/** flowcontrol.FlowSchemaMaxMatchingPrecedence. */
const FLOW_SCHEMA_MAX_MATCHING_PRECEDENCE = 10000;
const PRIORITY_LEVEL_CONFIGURATION_QUEUING_MAX_QUEUES = 10 * 1000 * 1000;
/** shufflesharding.MaxHashBits. */
const MAX_HASH_BITS = 60;

/** Sorted, as sets.List returns them. */
const SUPPORTED_DISTINGUISHER_METHODS = ["ByNamespace", "ByUser"];
const SUPPORTED_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "proxy", "update", "watch"];
const SUPPORTED_SUBJECT_KINDS = ["Group", "ServiceAccount", "User"];
const SUPPORTED_PRIORITY_LEVEL_ENABLEMENT = ["Exempt", "Limited"];
const SUPPORTED_LIMIT_RESPONSE_TYPES = ["Queue", "Reject"];
const NS_ERR_INTRO = "each member of this list must be '*' or a DNS-1123 label; ";

const hasWildcard = (items: readonly string[]) => items.includes("*");

/** The verbs of a rule: at least one, '*' alone, or only supported verbs. */
function validateVerbs(verbs: string[], fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (verbs.length === 0) return [required(fldPath, "verbs must contain at least one value")];
  if (hasWildcard(verbs)) return verbs.length > 1 ? [invalid(fldPath, new PrintedValue(stringListValue(verbs, "string", kubernetesVersion)), "if '*' is present, must not specify other verbs")] : [];
  if (verbs.every((verb) => SUPPORTED_VERBS.includes(verb))) return [];
  return [notSupported(fldPath, new PrintedValue(stringListValue(verbs, "string", kubernetesVersion)), SUPPORTED_VERBS)];
}

/** ValidateNonResourceURLPath. */
export function validateNonResourceURLPath(path: string, fldPath: FieldPath): FieldError | undefined {
  if (path === "") return invalid(fldPath, path, "must not be empty");
  if (path === "/") return undefined;
  if (!path.startsWith("/")) return invalid(fldPath, path, "must start with slash");
  if (path.includes(" ")) return invalid(fldPath, path, "must not contain white-space");
  if (path.includes("//")) return invalid(fldPath, path, "must not contain double slash");
  const wildcards = path.split("*").length - 1;
  if (wildcards > 1 || (wildcards === 1 && !path.endsWith("/*"))) return invalid(fldPath, path, "wildcard can only do suffix matching");
  return undefined;
}

/** ValidateFlowSchemaNonResourcePolicyRule. */
function validateNonResourcePolicyRule(rule: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors = validateVerbs(strings(rule, "verbs"), fldPath.child("verbs"), kubernetesVersion);
  const urls = strings(rule, "nonResourceURLs");
  const urlsPath = fldPath.child("nonResourceURLs");
  if (urls.length === 0) errors.push(required(urlsPath, "nonResourceURLs must contain at least one value"));
  else if (hasWildcard(urls)) {
    if (urls.length > 1) errors.push(invalid(urlsPath, new PrintedValue(stringListValue(urls, "string", kubernetesVersion)), "if '*' is present, must not specify other non-resource URLs"));
  } else {
    urls.forEach((url, index) => {
      const error = validateNonResourceURLPath(url, urlsPath.index(index));
      if (error) errors.push(error);
    });
  }
  return errors;
}

/** A list of a resource rule that must not be empty, with '*' only alone. */
function validateWildcardList(items: string[], fldPath: FieldPath, requiredDetail: string, wildcardDetail: string, kubernetesVersion: string): ErrorList {
  if (items.length === 0) return [required(fldPath, requiredDetail)];
  if (items.length > 1 && hasWildcard(items)) return [invalid(fldPath, new PrintedValue(stringListValue(items, "string", kubernetesVersion)), wildcardDetail)];
  return [];
}

/** ValidateFlowSchemaResourcePolicyRule. */
function validateResourcePolicyRule(rule: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors = validateVerbs(strings(rule, "verbs"), fldPath.child("verbs"), kubernetesVersion);
  appendAll(errors, validateWildcardList(strings(rule, "apiGroups"), fldPath.child("apiGroups"), "resource rules must supply at least one api group", "if '*' is present, must not specify other api groups", kubernetesVersion));
  appendAll(errors, validateWildcardList(strings(rule, "resources"), fldPath.child("resources"), "resource rules must supply at least one resource", "if '*' is present, must not specify other resources", kubernetesVersion));
  const namespaces = strings(rule, "namespaces");
  const namespacesPath = fldPath.child("namespaces");
  if (namespaces.length === 0 && bool(rule, "clusterScope") !== true) {
    errors.push(required(namespacesPath, "resource rules that are not cluster scoped must supply at least one namespace"));
  } else if (hasWildcard(namespaces)) {
    if (namespaces.length > 1) errors.push(invalid(namespacesPath, new PrintedValue(stringListValue(namespaces, "string", kubernetesVersion)), "if '*' is present, must not specify other namespaces"));
  } else {
    namespaces.forEach((namespace, index) => {
      for (const message of nameIsDNSLabel(namespace, false)) errors.push(invalid(namespacesPath.index(index), namespace, NS_ERR_INTRO + message));
    });
  }
  return errors;
}

/** ValidateServiceAccountSubject: a name ('*' for all) and a namespace. */
function validateServiceAccountSubject(subject: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  if (!subject) return [required(fldPath, "serviceAccount is required when subject kind is 'ServiceAccount'")];
  const errors: ErrorList = [];
  const name = str(subject, "name");
  if (name === "") errors.push(required(fldPath.child("name")));
  else if (name !== "*") for (const message of nameIsDNSSubdomain(name, false)) errors.push(invalid(fldPath.child("name"), name, message));
  const namespace = str(subject, "namespace");
  if (namespace === "") errors.push(required(fldPath.child("namespace"), "must specify namespace for service account"));
  else for (const message of nameIsDNSLabel(namespace, false)) errors.push(invalid(fldPath.child("namespace"), namespace, message));
  return errors;
}

/** ValidateUserSubject and ValidateGroupSubject: a name. */
function validateNamedSubject(subject: JsonRecord | undefined, kind: "user" | "group", fldPath: FieldPath): ErrorList {
  if (!subject) return [required(fldPath, `${kind} is required when subject kind is '${kind === "user" ? "User" : "Group"}'`)];
  return str(subject, "name") === "" ? [required(fldPath.child("name"))] : [];
}

const FORBIDDEN_SUBJECT_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ["serviceAccount", "serviceAccount is forbidden when subject kind is not 'ServiceAccount'"],
  ["user", "user is forbidden when subject kind is not 'User'"],
  ["group", "group is forbidden when subject kind is not 'Group'"],
];

/** ValidateFlowSchemaSubject: the member of the kind, and no other. */
function validateSubject(subject: JsonRecord, fldPath: FieldPath): ErrorList {
  const kind = str(subject, "kind");
  let errors: ErrorList;
  let own: string;
  if (kind === "ServiceAccount") [errors, own] = [validateServiceAccountSubject(obj(subject, "serviceAccount"), fldPath.child("serviceAccount")), "serviceAccount"];
  else if (kind === "User") [errors, own] = [validateNamedSubject(obj(subject, "user"), "user", fldPath.child("user")), "user"];
  else if (kind === "Group") [errors, own] = [validateNamedSubject(obj(subject, "group"), "group", fldPath.child("group")), "group"];
  else return [notSupported(fldPath.child("kind"), kind, SUPPORTED_SUBJECT_KINDS)];
  for (const [field, detail] of FORBIDDEN_SUBJECT_FIELDS) if (field !== own && isSet(subject, field)) errors.push(forbidden(fldPath.child(field), detail));
  return errors;
}

/** ValidateFlowSchemaPolicyRulesWithSubjects. */
function validatePolicyRulesWithSubjects(rule: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const subjects = list(rule, "subjects");
  if (subjects.length === 0) errors.push(required(fldPath.child("subjects"), "subjects must contain at least one value"));
  subjects.forEach((subject, index) => appendAll(errors, validateSubject(subject, fldPath.child("subjects").index(index))));
  const resourceRules = list(rule, "resourceRules");
  const nonResourceRules = list(rule, "nonResourceRules");
  if (resourceRules.length === 0 && nonResourceRules.length === 0) errors.push(required(fldPath, "at least one of resourceRules and nonResourceRules has to be non-empty"));
  resourceRules.forEach((item, index) => appendAll(errors, validateResourcePolicyRule(item, fldPath.child("resourceRules").index(index), kubernetesVersion)));
  nonResourceRules.forEach((item, index) => appendAll(errors, validateNonResourcePolicyRule(item, fldPath.child("nonResourceRules").index(index), kubernetesVersion)));
  return errors;
}

/** ValidateFlowSchemaSpec. */
export function validateFlowSchemaSpec(name: string, spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const precedence = int(spec, "matchingPrecedence") ?? 0;
  const precedencePath = fldPath.child("matchingPrecedence");
  if (precedence <= 0) errors.push(invalid(precedencePath, precedence, "must be a positive value"));
  if (precedence > FLOW_SCHEMA_MAX_MATCHING_PRECEDENCE) errors.push(invalid(precedencePath, precedence, `must not be greater than ${FLOW_SCHEMA_MAX_MATCHING_PRECEDENCE}`));
  if (precedence === 1 && name !== "exempt") errors.push(invalid(precedencePath, precedence, "only the schema named 'exempt' may have matchingPrecedence 1"));
  const distinguisher = obj(spec, "distinguisherMethod");
  if (distinguisher && !SUPPORTED_DISTINGUISHER_METHODS.includes(str(distinguisher, "type"))) {
    const value = structField("flowcontrol.FlowDistinguisherMethod", [["Type", scalarField(str(distinguisher, "type"))]]);
    errors.push(notSupported(fldPath.child("distinguisherMethod", "type"), new PrintedValue(printedFor(value, kubernetesVersion)), SUPPORTED_DISTINGUISHER_METHODS));
  }
  const levelName = str(obj(spec, "priorityLevelConfiguration"), "name");
  const levelPath = fldPath.child("priorityLevelConfiguration", "name");
  if (levelName === "") errors.push(required(levelPath, "must reference a priority level"));
  else for (const message of nameIsDNSSubdomain(levelName, false)) errors.push(invalid(levelPath, levelName, message));
  list(spec, "rules").forEach((rule, index) => appendAll(errors, validatePolicyRulesWithSubjects(rule, fldPath.child("rules").index(index), kubernetesVersion)));
  return errors;
}

/** lendablePercent within 0-100, where set. */
function validateLendablePercent(config: JsonRecord, fldPath: FieldPath): ErrorList {
  const percent = int(config, "lendablePercent");
  return percent !== undefined && (percent < 0 || percent > 100) ? [invalid(fldPath.child("lendablePercent"), percent, "must be between 0 and 100, inclusive")] : [];
}

/** ValidatePriorityLevelQueuingConfiguration: positive lengths, queues and hand size, within shuffle sharding's entropy. */
function validateQueuingConfiguration(queuing: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const queueLengthLimit = int(queuing, "queueLengthLimit") ?? 0;
  if (queueLengthLimit <= 0) errors.push(invalid(fldPath.child("queueLengthLimit"), queueLengthLimit, "must be positive"));
  const queues = int(queuing, "queues") ?? 0;
  if (queues <= 0) errors.push(invalid(fldPath.child("queues"), queues, "must be positive"));
  else if (queues > PRIORITY_LEVEL_CONFIGURATION_QUEUING_MAX_QUEUES) errors.push(invalid(fldPath.child("queues"), queues, `must not be greater than ${PRIORITY_LEVEL_CONFIGURATION_QUEUING_MAX_QUEUES}`));
  const handSize = int(queuing, "handSize") ?? 0;
  const handSizePath = fldPath.child("handSize");
  if (handSize <= 0) errors.push(invalid(handSizePath, handSize, "must be positive"));
  else if (handSize > queues) errors.push(invalid(handSizePath, handSize, `should not be greater than queues (${queues})`));
  else if (Math.ceil(Math.log2(queues) * handSize) > MAX_HASH_BITS) {
    errors.push(invalid(handSizePath, handSize, `required entropy bits of deckSize ${queues} and handSize ${handSize} should not be greater than ${MAX_HASH_BITS}`));
  }
  return errors;
}

/** ValidateLimitResponse: queuing exactly when the type is Queue. */
function validateLimitResponse(response: JsonRecord, fldPath: FieldPath): ErrorList {
  const type = str(response, "type");
  const queuing = obj(response, "queuing");
  if (type === "Reject") return isSet(response, "queuing") ? [forbidden(fldPath.child("queuing"), "must be nil if limited.limitResponse.type is not Limited")] : [];
  if (type === "Queue") return queuing ? validateQueuingConfiguration(queuing, fldPath.child("queuing")) : [required(fldPath.child("queuing"), "must not be empty if limited.limitResponse.type is Limited")];
  return [notSupported(fldPath.child("type"), type, SUPPORTED_LIMIT_RESPONSE_TYPES)];
}

/** ValidateLimitedPriorityLevelConfiguration: positive shares (a zero is not allowed). */
function validateLimitedConfiguration(limited: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const shares = int(limited, "nominalConcurrencyShares") ?? 0;
  if (shares <= 0) errors.push(invalid(fldPath.child("nominalConcurrencyShares"), shares, "must be positive"));
  appendAll(errors, validateLimitResponse(obj(limited, "limitResponse") ?? {}, fldPath.child("limitResponse")));
  appendAll(errors, validateLendablePercent(limited, fldPath));
  const borrowing = int(limited, "borrowingLimitPercent");
  if (borrowing !== undefined && borrowing < 0) errors.push(invalid(fldPath.child("borrowingLimitPercent"), borrowing, "if specified, must be a non-negative integer"));
  return errors;
}

/** validateExemptPriorityLevelConfiguration. */
function validateExemptConfiguration(exempt: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const shares = int(exempt, "nominalConcurrencyShares");
  if (shares !== undefined && shares < 0) errors.push(invalid(fldPath.child("nominalConcurrencyShares"), shares, "must be a non-negative integer"));
  appendAll(errors, validateLendablePercent(exempt, fldPath));
  return errors;
}

/** ValidatePriorityLevelConfigurationSpec. */
export function validatePriorityLevelConfigurationSpec(spec: JsonRecord, name: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const type = str(spec, "type");
  if ((name === "exempt") !== (type === "Exempt")) errors.push(invalid(fldPath.child("type"), type, "type must be 'Exempt' if and only if name is 'exempt'"));
  const limited = obj(spec, "limited");
  const exempt = obj(spec, "exempt");
  if (type === "Exempt") {
    if (isSet(spec, "limited")) errors.push(forbidden(fldPath.child("limited"), "must be nil if the type is not Limited"));
    if (exempt) appendAll(errors, validateExemptConfiguration(exempt, fldPath.child("exempt")));
  } else if (type === "Limited") {
    if (isSet(spec, "exempt")) errors.push(forbidden(fldPath.child("exempt"), "must be nil if the type is Limited"));
    if (limited) appendAll(errors, validateLimitedConfiguration(limited, fldPath.child("limited")));
    else errors.push(required(fldPath.child("limited"), "must not be empty when type is Limited"));
  } else errors.push(notSupported(fldPath.child("type"), type, SUPPORTED_PRIORITY_LEVEL_ENABLEMENT));
  return errors;
}

/**
 * A mandatory object's spec must equal its fixed value, compared as internal
 * specs (apiequality.Semantic.DeepEqual); the bad value is the whole spec.
 */
function validateMandatorySpec(name: string, spec: unknown, mandatory: Readonly<Record<string, JsonRecord>>, type: InternalType, kubernetesVersion: string): ErrorList {
  if (!Object.hasOwn(mandatory, name)) return [];
  const actual = internalValue(type, spec);
  if (semanticallyEqual(type, actual, internalValue(type, mandatory[name]))) return [];
  const value = new PrintedValue(printedFor(internalValueField(type, actual), kubernetesVersion));
  return [invalid(FieldPath.root("spec"), value, `spec of '${name}' must equal the fixed value`)];
}

/** ValidateFlowSchema, after ObjectMeta. */
export function validateFlowSchema(flowSchema: JsonRecord, kubernetesVersion: string): ErrorList {
  const name = str(obj(flowSchema, "metadata"), "name");
  return [
    ...validateFlowSchemaSpec(name, obj(flowSchema, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion),
    ...validateMandatorySpec(name, flowSchema.spec, MANDATORY_FLOW_SCHEMAS, FLOW_SCHEMA_SPEC, kubernetesVersion),
  ];
}

/** ValidatePriorityLevelConfiguration, after ObjectMeta. */
export function validatePriorityLevelConfiguration(level: JsonRecord, kubernetesVersion: string): ErrorList {
  const name = str(obj(level, "metadata"), "name");
  return [
    ...validatePriorityLevelConfigurationSpec(obj(level, "spec") ?? {}, name, FieldPath.root("spec")),
    ...validateMandatorySpec(name, level.spec, MANDATORY_PRIORITY_LEVEL_CONFIGURATIONS, PRIORITY_LEVEL_CONFIGURATION_SPEC, kubernetesVersion),
  ];
}
