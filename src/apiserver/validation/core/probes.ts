// Probes and lifecycle hooks (validateProbe and its liveness, readiness and
// startup variants, validateHandler and its actions, validateLifecycle).
import { isHTTPHeaderName } from "../../apimachinery/validation.js";
import { forbidden, invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { int, isSet, list, obj, str, strings } from "./fields.js";
import type { PodValidationOptions } from "./pod-options.js";
import { validatePortNumOrName } from "./ports.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { atLeast } from "../../../util/release.js";

/** The handler types of a probe, then those of a lifecycle hook, in upstream's order. */
const HANDLER_ORDER = ["exec", "httpGet", "tcpSocket", "grpc", "sleep"] as const;
type HandlerType = (typeof HANDLER_ORDER)[number];
const PROBE_HANDLERS: ReadonlySet<HandlerType> = new Set(["exec", "httpGet", "tcpSocket", "grpc"]);
const LIFECYCLE_HANDLERS: ReadonlySet<HandlerType> = new Set(["exec", "httpGet", "tcpSocket", "sleep"]);

const SUPPORTED_HTTP_SCHEMES = ["HTTP", "HTTPS"];

/** ValidateNonnegativeField. */
export function validateNonnegativeField(value: number, fldPath: FieldPath): ErrorList {
  return value < 0 ? [invalid(fldPath, value, "must be greater than or equal to 0")] : [];
}

function validateExecAction(exec: JsonRecord, fldPath: FieldPath): ErrorList {
  return strings(exec, "command").length === 0 ? [required(fldPath.child("command"))] : [];
}

function validateHTTPGetAction(http: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(http, "path").length === 0) errors.push(required(fldPath.child("path")));
  appendAll(errors, validatePortNumOrName(http.port, fldPath.child("port")));
  const scheme = str(http, "scheme");
  if (!SUPPORTED_HTTP_SCHEMES.includes(scheme)) errors.push(notSupported(fldPath.child("scheme"), scheme, SUPPORTED_HTTP_SCHEMES));
  for (const header of list(http, "httpHeaders")) {
    const name = str(header, "name");
    appendAll(errors, isHTTPHeaderName(name).map((message) => invalid(fldPath.child("httpHeaders"), name, message)));
  }
  return errors;
}

function validateTCPSocketAction(tcp: JsonRecord, fldPath: FieldPath): ErrorList {
  return validatePortNumOrName(tcp.port, fldPath.child("port"));
}

function validateGRPCAction(grpc: JsonRecord, fldPath: FieldPath): ErrorList {
  return validatePortNumOrName(int(grpc, "port") ?? 0, fldPath.child("port"));
}

function validateSleepAction(sleep: JsonRecord, gracePeriod: number | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  // A missing grace period is reported by validatePodSpec; no second error here.
  if (gracePeriod === undefined) return [];
  const seconds = int(sleep, "seconds") ?? 0;
  if (opts.allowPodLifecycleSleepActionZeroValue) {
    if (seconds < 0 || seconds > gracePeriod) {
      return [invalid(fldPath, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`)];
    }
  } else if (seconds <= 0 || seconds > gracePeriod) {
    // The hint at the gate came with it, in 1.32.
    const hint = atLeast(opts.kubernetesVersion, "1.32") ? ". Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep." : "";
    return [invalid(fldPath, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod})${hint}`)];
  }
  return [];
}

/** validateHandler: exactly one handler type, and that handler's own checks. */
function validateHandler(
  handler: JsonRecord,
  types: ReadonlySet<HandlerType>,
  gracePeriod: number | undefined,
  fldPath: FieldPath,
  opts: PodValidationOptions,
): ErrorList {
  const errors: ErrorList = [];
  let numHandlers = 0;
  for (const type of HANDLER_ORDER) {
    const action = obj(handler, type);
    if (!types.has(type) || !action) continue;
    const path = fldPath.child(type);
    if (numHandlers > 0) {
      errors.push(forbidden(path, "may not specify more than 1 handler type"));
      continue;
    }
    numHandlers++;
    if (type === "exec") appendAll(errors, validateExecAction(action, path));
    else if (type === "httpGet") appendAll(errors, validateHTTPGetAction(action, path));
    else if (type === "tcpSocket") appendAll(errors, validateTCPSocketAction(action, path));
    else if (type === "grpc") appendAll(errors, validateGRPCAction(action, path));
    else appendAll(errors, validateSleepAction(action, gracePeriod, path, opts));
  }
  if (numHandlers === 0) errors.push(required(fldPath, "must specify a handler type"));
  return errors;
}

/** validateLifecycle. */
export function validateLifecycle(lifecycle: JsonRecord, gracePeriod: number | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  for (const hook of ["postStart", "preStop"]) {
    const handler = obj(lifecycle, hook);
    if (handler) appendAll(errors, validateHandler(handler, LIFECYCLE_HANDLERS, gracePeriod, fldPath.child(hook), opts));
  }
  return errors;
}

/** validateProbe. */
function validateProbe(probe: JsonRecord, gracePeriod: number | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors = validateHandler(probe, PROBE_HANDLERS, gracePeriod, fldPath, opts);
  for (const timing of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    appendAll(errors, validateNonnegativeField(int(probe, timing) ?? 0, fldPath.child(timing)));
  }
  const probeGrace = int(probe, "terminationGracePeriodSeconds");
  if (probeGrace !== undefined && probeGrace <= 0) errors.push(invalid(fldPath.child("terminationGracePeriodSeconds"), probeGrace, "must be greater than 0"));
  return errors;
}

/** validateLivenessProbe and validateStartupProbe: a success threshold of 1. */
function validateProbeWithSingleSuccess(probe: JsonRecord | undefined, gracePeriod: number | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (!probe) return [];
  const errors = validateProbe(probe, gracePeriod, fldPath, opts);
  const successThreshold = int(probe, "successThreshold") ?? 0;
  if (successThreshold !== 1) errors.push({ ...invalid(fldPath.child("successThreshold"), successThreshold, "must be 1"), suggestion: "1" });
  return errors;
}

export const validateLivenessProbe = validateProbeWithSingleSuccess;
export const validateStartupProbe = validateProbeWithSingleSuccess;

/** validateReadinessProbe: no termination grace period of its own. */
export function validateReadinessProbe(probe: JsonRecord | undefined, gracePeriod: number | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (!probe) return [];
  const errors = validateProbe(probe, gracePeriod, fldPath, opts);
  if (isSet(probe, "terminationGracePeriodSeconds")) {
    errors.push(invalid(fldPath.child("terminationGracePeriodSeconds"), probe.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
  }
  return errors;
}
