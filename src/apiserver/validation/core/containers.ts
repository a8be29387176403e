// The containers of a pod spec (validateContainers, validateInitContainers,
// validateEphemeralContainers and validateContainerCommon), in upstream's order.
import { duplicate, forbidden, invalid, notFound, notSupported, PrintedValue, required, tooLong, tooMany, type ErrorList, type FieldError } from "../../field/errors.js";
import { printedFor, scalarField, structField } from "../../field/values.js";
import type { FieldPath } from "../../field/path.js";
import { validateEnv, validateEnvFrom } from "./env.js";
import { isSet, list, obj, str } from "./fields.js";
import { validateDNS1123Label } from "./names.js";
import type { PodValidationOptions } from "./pod-options.js";
import { checkHostPortConflicts, validateContainerPorts } from "./ports.js";
import { validateContainerResourceRequirements } from "./resources.js";
import { validateSecurityContext } from "./security-context.js";
import { validateLifecycle, validateLivenessProbe, validateReadinessProbe, validateStartupProbe } from "./probes.js";
import { validateVolumeDevices, validateVolumeMounts, type VolumeSources } from "./volume-mounts.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { atLeast } from "../../../util/release.js";

/** What every container of a pod is validated against. */
export interface ContainerContext {
  volumes: VolumeSources;
  /** Names of the pod's resourceClaims. */
  podClaimNames: ReadonlySet<string>;
  /** The pod's terminationGracePeriodSeconds (undefined when unset). */
  gracePeriod: number | undefined;
  podRestartPolicy: string;
  hostUsers: boolean;
  opts: PodValidationOptions;
}

const TERMINATION_MESSAGE_POLICIES = ["File", "FallbackToLogsOnError"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

function validateTerminationMessagePolicy(policy: string, fldPath: FieldPath): ErrorList {
  if (TERMINATION_MESSAGE_POLICIES.includes(policy)) return [];
  if (policy === "") return [required(fldPath)];
  return [notSupported(fldPath, policy, TERMINATION_MESSAGE_POLICIES)];
}

/** validatePullPolicy (also of image volumes). */
export function validatePullPolicy(policy: string, fldPath: FieldPath): ErrorList {
  if (PULL_POLICIES.includes(policy)) return [];
  if (policy === "") return [required(fldPath)];
  return [notSupported(fldPath, policy, PULL_POLICIES)];
}

const RESIZE_RESOURCES = ["cpu", "memory"];
const RESIZE_POLICIES = ["NotRequired", "RestartContainer"];

/** validateResizePolicy: errors name the list, as upstream's do. */
function validateResizePolicy(policies: JsonRecord[], fldPath: FieldPath, podRestartPolicy: string): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<string>();
  policies.forEach((policy, i) => {
    const resourceName = str(policy, "resourceName");
    const restartPolicy = str(policy, "restartPolicy");
    if (seen.has(resourceName)) errors.push(duplicate(fldPath.index(i), resourceName));
    seen.add(resourceName);
    if (resourceName === "") errors.push(required(fldPath));
    else if (!RESIZE_RESOURCES.includes(resourceName)) errors.push(notSupported(fldPath, resourceName, RESIZE_RESOURCES));
    if (restartPolicy === "") errors.push(required(fldPath));
    else if (!RESIZE_POLICIES.includes(restartPolicy)) errors.push(notSupported(fldPath, restartPolicy, RESIZE_POLICIES));
    if (podRestartPolicy === "Never" && restartPolicy !== "NotRequired") {
      errors.push(invalid(fldPath, restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errors;
}

/** validateContainerCommon: what regular, init and ephemeral containers share. */
function validateContainerCommon(container: JsonRecord, path: FieldPath, context: ContainerContext): ErrorList {
  const errors: ErrorList = [];
  const name = str(container, "name");
  if (name.length === 0) errors.push(required(path.child("name")));
  else appendAll(errors, validateDNS1123Label(name, path.child("name")));
  // Leading and trailing whitespace is only refused in a Pod (validateContainerOnlyForPod).
  if (str(container, "image").length === 0) errors.push(required(path.child("image")));
  appendAll(errors, validateTerminationMessagePolicy(str(container, "terminationMessagePolicy"), path.child("terminationMessagePolicy")));
  const volumeMounts = list(container, "volumeMounts");
  const volumeDevices = list(container, "volumeDevices");
  appendAll(errors, validateContainerPorts(list(container, "ports"), path.child("ports")));
  appendAll(errors, validateEnv(list(container, "env"), path.child("env"), context.opts));
  appendAll(errors, validateEnvFrom(list(container, "envFrom"), path.child("envFrom"), context.opts));
  appendAll(errors, validateVolumeMounts(volumeMounts, volumeDevices, context.volumes, container, path.child("volumeMounts")));
  appendAll(errors, validateVolumeDevices(volumeDevices, volumeMounts, context.volumes, path.child("volumeDevices")));
  appendAll(errors, validatePullPolicy(str(container, "imagePullPolicy"), path.child("imagePullPolicy")));
  appendAll(errors, validateContainerResourceRequirements(obj(container, "resources") ?? {}, context.podClaimNames, path.child("resources"), context.opts));
  appendAll(errors, validateResizePolicy(list(container, "resizePolicy"), path.child("resizePolicy"), context.podRestartPolicy));
  appendAll(errors, validateSecurityContext(obj(container, "securityContext"), path.child("securityContext"), context.hostUsers, context.opts));
  return errors;
}

/** Probes and hooks of a container that keeps running (regular, or a sidecar). */
function validateRunningContainerHandlers(container: JsonRecord, path: FieldPath, context: ContainerContext): ErrorList {
  const { gracePeriod, opts } = context;
  const errors: ErrorList = [];
  const lifecycle = obj(container, "lifecycle");
  if (lifecycle) appendAll(errors, validateLifecycle(lifecycle, gracePeriod, path.child("lifecycle"), opts));
  appendAll(errors, validateLivenessProbe(obj(container, "livenessProbe"), gracePeriod, path.child("livenessProbe"), opts));
  appendAll(errors, validateReadinessProbe(obj(container, "readinessProbe"), gracePeriod, path.child("readinessProbe"), opts));
  appendAll(errors, validateStartupProbe(obj(container, "startupProbe"), gracePeriod, path.child("startupProbe"), opts));
  return errors;
}

/** validateContainers: at least one; names unique among them; host ports unique across them. */
export function validateContainers(containers: JsonRecord[], fldPath: FieldPath, context: ContainerContext): ErrorList {
  if (containers.length === 0) return [required(fldPath)];
  const errors: ErrorList = [];
  const allNames = new Set<string>();
  containers.forEach((container, i) => {
    const path = fldPath.index(i);
    appendAll(errors, validateContainerCommon(container, path, context));
    const name = str(container, "name");
    if (allNames.has(name)) errors.push(duplicate(path.child("name"), name));
    else allNames.add(name);
    appendAll(errors, validateRunningContainerHandlers(container, path, context));
    if (context.opts.allowContainerRestartPolicyRules) appendAll(errors, validateContainerRestartPolicy(container, path, context.opts.kubernetesVersion));
    else if (isSet(container, "restartPolicy")) errors.push(forbidden(path.child("restartPolicy"), "may not be set for non-init containers"));
  });
  appendAll(errors, checkHostPortConflicts(containers, fldPath));
  return errors;
}

const CONTAINER_RESTART_POLICIES = ["Always", "Never", "OnFailure"];
const RESTART_RULE_ACTIONS = ["Restart"];
const RESTART_RULE_OPERATORS = ["In", "NotIn"];
const MAX_RESTART_RULES = 20;
const MAX_RESTART_RULE_EXIT_CODES = 255;

/** Too many rules or exit codes: 1.35 reported them as too long, in bytes; 1.36 as too many items. */
function tooManyRestartItems(fldPath: FieldPath, count: number, max: number, kubernetesVersion: string): FieldError {
  return atLeast(kubernetesVersion, "1.36") ? tooMany(fldPath, count, max) : tooLong(fldPath, "", max);
}

/**
 * validateContainerRestartPolicy: a container's own restartPolicy, and the
 * rules (at most 20, each with a known action and exit codes) that need it.
 */
function validateContainerRestartPolicy(container: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const rules = list(container, "restartPolicyRules");
  const restartPolicyPath = fldPath.child("restartPolicy");
  if (!isSet(container, "restartPolicy")) {
    if (rules.length === 0) return errors;
    errors.push(required(restartPolicyPath, "must specify restartPolicy when restart rules are used"));
  } else {
    const restartPolicy = str(container, "restartPolicy");
    if (!CONTAINER_RESTART_POLICIES.includes(restartPolicy)) errors.push(notSupported(restartPolicyPath, restartPolicy, CONTAINER_RESTART_POLICIES));
  }
  const rulesPath = fldPath.child("restartPolicyRules");
  if (rules.length > MAX_RESTART_RULES) errors.push(tooManyRestartItems(rulesPath, rules.length, MAX_RESTART_RULES, kubernetesVersion));
  rules.forEach((rule, i) => {
    const rulePath = rulesPath.index(i);
    const action = str(rule, "action");
    if (!RESTART_RULE_ACTIONS.includes(action)) errors.push(notSupported(rulePath.child("action"), action, RESTART_RULE_ACTIONS));
    const exitCodes = obj(rule, "exitCodes");
    if (!exitCodes) {
      errors.push(required(rulePath.child("exitCodes"), "must be specified"));
      return;
    }
    const operator = str(exitCodes, "operator");
    if (!RESTART_RULE_OPERATORS.includes(operator)) errors.push(notSupported(rulePath.child("exitCodes", "operator"), operator, RESTART_RULE_OPERATORS));
    const values = list(exitCodes, "values");
    if (values.length > MAX_RESTART_RULE_EXIT_CODES) {
      errors.push(tooManyRestartItems(rulePath.child("exitCodes", "values"), values.length, MAX_RESTART_RULE_EXIT_CODES, kubernetesVersion));
    }
  });
  return errors;
}

/**
 * validateInitContainerRestartPolicy: Always makes a sidecar, which takes no
 * rules; with ContainerRestartRules an init container may also set Never or
 * OnFailure, and rules with them.
 */
function validateInitContainerRestartPolicy(container: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (!isSet(container, "restartPolicy")) {
    return list(container, "restartPolicyRules").length > 0 ? [required(fldPath.child("restartPolicy"), "must specify restartPolicy when restart rules are used")] : [];
  }
  const restartPolicy = str(container, "restartPolicy");
  if (!opts.allowContainerRestartPolicyRules) return restartPolicy === "Always" ? [] : [notSupported(fldPath.child("restartPolicy"), restartPolicy, ["Always"])];
  if (restartPolicy !== "Always") return validateContainerRestartPolicy(container, fldPath, opts.kubernetesVersion);
  if (list(container, "restartPolicyRules").length === 0) return [];
  return [forbidden(fldPath.child("restartPolicyRules"), "restartPolicyRules are not allowed for init containers with restart policy Always")];
}

/** A []core.ContainerResizePolicy bad value: Go syntax before 1.34, JSON with the internal type's field names since. */
function resizePolicyListValue(policies: JsonRecord[], kubernetesVersion: string): PrintedValue {
  const items = policies.map((policy) =>
    structField("core.ContainerResizePolicy", [
      ["ResourceName", scalarField(str(policy, "resourceName"))],
      ["RestartPolicy", scalarField(str(policy, "restartPolicy"))],
    ]),
  );
  const value = { go: "[]core.ContainerResizePolicy{" + items.map((item) => item.go).join(", ") + "}", json: "[" + items.map((item) => item.json).join(",") + "]" };
  return new PrintedValue(printedFor(value, kubernetesVersion));
}

const NOT_FOR_INIT = "may not be set for init containers without restartPolicy=Always";

/** validateInitContainers: names unique with the regular containers; probes and hooks only on sidecars. */
export function validateInitContainers(containers: JsonRecord[], regularContainers: JsonRecord[], fldPath: FieldPath, context: ContainerContext): ErrorList {
  const errors: ErrorList = [];
  const allNames = new Set(regularContainers.map((container) => str(container, "name")));
  containers.forEach((container, i) => {
    const idxPath = fldPath.index(i);
    appendAll(errors, validateContainerCommon(container, idxPath, context));
    appendAll(errors, validateInitContainerRestartPolicy(container, idxPath, context.opts));
    const restartAlways = isSet(container, "restartPolicy") && str(container, "restartPolicy") === "Always";
    const name = str(container, "name");
    if (allNames.has(name)) errors.push(duplicate(idxPath.child("name"), name));
    else if (name.length > 0) allNames.add(name);
    // Init containers run one at a time: host ports only clash within one.
    appendAll(errors, checkHostPortConflicts([container], fldPath));
    if (restartAlways) {
      appendAll(errors, validateRunningContainerHandlers(container, idxPath, context));
    } else {
      for (const key of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]) {
        if (isSet(container, key)) errors.push(forbidden(idxPath.child(key), NOT_FOR_INIT));
      }
    }
    const resizePolicy = list(container, "resizePolicy");
    if (!context.opts.allowSidecarResizePolicy && resizePolicy.length > 0) {
      errors.push(invalid(idxPath.child("resizePolicy"), resizePolicyListValue(resizePolicy, context.opts.kubernetesVersion), "must not be set for init containers"));
    }
  });
  return errors;
}

/** Fields of EphemeralContainerCommon an ephemeral container may not set, in the struct's order. */
const EPHEMERAL_FORBIDDEN_FIELDS = ["ports", "resources", "resizePolicy", "restartPolicy", "restartPolicyRules", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle"];

/**
 * Whether a field differs from Go's zero value: an empty list or map, or a
 * pointer to an empty struct, is set; `resources` is a struct, zero when empty.
 */
function nonZero(key: string, value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === 0 || value === false) return false;
  if (key === "resources" && isRecord(value)) return Object.values(value).some((item) => item !== undefined && item !== null);
  return true;
}

/**
 * validateEphemeralContainers: run for templates too, where ephemeral
 * containers are refused on their own.
 */
export function validateEphemeralContainers(
  ephemeralContainers: JsonRecord[],
  containers: JsonRecord[],
  initContainers: JsonRecord[],
  fldPath: FieldPath,
  context: ContainerContext,
): ErrorList {
  const errors: ErrorList = [];
  const otherNames = new Set([...containers, ...initContainers].map((container) => str(container, "name")));
  const allNames = new Set(otherNames);
  ephemeralContainers.forEach((container, i) => {
    const idxPath = fldPath.index(i);
    appendAll(errors, validateContainerCommon(container, idxPath, context));
    appendAll(errors, validateContainerOnlyForPod(container, idxPath));
    const name = str(container, "name");
    if (allNames.has(name)) errors.push(duplicate(idxPath.child("name"), name));
    else allNames.add(name);
    const target = str(container, "targetContainerName");
    if (target !== "" && !otherNames.has(target)) errors.push(notFound(idxPath.child("targetContainerName"), target));
    for (const key of EPHEMERAL_FORBIDDEN_FIELDS) {
      if (nonZero(key, container[key])) errors.push(forbidden(idxPath.child(key), "cannot be set for an Ephemeral Container"));
    }
    list(container, "volumeMounts").forEach((mount, j) => {
      for (const key of ["subPath", "subPathExpr"]) {
        if (str(mount, key) !== "") errors.push(forbidden(idxPath.child("volumeMounts").index(j).child(key), "cannot be set for an Ephemeral Container"));
      }
    });
  });
  return errors;
}

/** Go's strings.TrimSpace: Unicode white space at both ends. */
function trimSpace(text: string): string {
  return text.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "");
}

/** validateContainerOnlyForPod: a Pod's images may not be padded (templates keep the old leniency). */
function validateContainerOnlyForPod(container: JsonRecord, path: FieldPath): ErrorList {
  const image = str(container, "image");
  const trimmed = trimSpace(image);
  if (trimmed === image) return [];
  const error = invalid(path.child("image"), image, "must not have leading or trailing whitespace");
  return [trimmed ? { ...error, suggestion: trimmed } : error];
}

/** validateContainersOnlyForPod. */
export function validateContainersOnlyForPod(containers: JsonRecord[], fldPath: FieldPath): ErrorList {
  return containers.flatMap((container, i) => validateContainerOnlyForPod(container, fldPath.index(i)));
}
