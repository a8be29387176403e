// Security contexts of the pod and its containers (validatePodSpecSecurityContext,
// ValidateSecurityContext), the seccomp and AppArmor profiles, sysctls, Windows
// options and host-process pods, and the OS-specific restrictions (validateOS,
// validateLinux, validateWindows).
import { isDNS1123Subdomain, isValidUserOrGroupID } from "../../apimachinery/validation.js";
import { duplicate, forbidden, invalid, notSupported, PrintedValue, required, tooLong, OMIT_VALUE, type ErrorList, type FieldError } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goJson, goQuote, rendersCompositeAsJson } from "../../field/values.js";
import { bool, int, isSet, list, obj, str } from "./fields.js";
import { validateLocalDescendingPath } from "./paths.js";
import type { PodValidationOptions } from "./pod-options.js";
import { byteLength } from "../../../util/api-values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** The containers of a pod spec with their paths, in podshelper.VisitContainersWithPath's order. */
export function containersWithPath(spec: JsonRecord, specPath: FieldPath): Array<{ container: JsonRecord; path: FieldPath }> {
  const out: Array<{ container: JsonRecord; path: FieldPath }> = [];
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    list(spec, key).forEach((container, i) => out.push({ container, path: specPath.child(key).index(i) }));
  }
  return out;
}

function userOrGroupIDErrors(record: JsonRecord, key: string, fldPath: FieldPath): ErrorList {
  const id = int(record, key);
  return id === undefined ? [] : isValidUserOrGroupID(id).map((message) => invalid(fldPath.child(key), id, message));
}

const SECCOMP_TYPES = ["Localhost", "RuntimeDefault", "Unconfined"];

/** A struct bad value: JSON in the struct's field order since 1.34, Go syntax before. */
function structValue(fields: Array<[string, string | undefined]>, goType: string, kubernetesVersion: string): PrintedValue {
  const set = fields.filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (rendersCompositeAsJson(kubernetesVersion)) return new PrintedValue("{" + set.map(([key, value]) => `${goJson(key)}:${goJson(value)}`).join(",") + "}");
  return new PrintedValue(`&${goType}{` + fields.map(([key, value]) => `${key[0]!.toUpperCase()}${key.slice(1)}:${value === undefined ? "(*string)(nil)" : goQuote(value)}`).join(", ") + "}");
}

/** validateSeccompProfileField. */
function validateSeccompProfileField(profile: JsonRecord | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (!profile) return [];
  const errors: ErrorList = [];
  const type = str(profile, "type");
  if (type === "") errors.push(required(fldPath.child("type"), "type is required when seccompProfile is set"));
  else if (!SECCOMP_TYPES.includes(type)) errors.push(notSupported(fldPath.child("type"), type, SECCOMP_TYPES));
  if (type === "Localhost") {
    if (!isSet(profile, "localhostProfile")) errors.push(required(fldPath.child("localhostProfile"), "must be set when seccomp type is Localhost"));
    else appendAll(errors, validateLocalDescendingPath(str(profile, "localhostProfile"), fldPath.child("localhostProfile")));
  } else if (isSet(profile, "localhostProfile")) {
    const shown = structValue([["type", type], ["localhostProfile", str(profile, "localhostProfile")]], "core.SeccompProfile", opts.kubernetesVersion);
    errors.push(invalid(fldPath.child("localhostProfile"), shown, "can only be set when seccomp type is Localhost"));
  }
  return errors;
}

const APPARMOR_TYPES = ["Localhost", "RuntimeDefault", "Unconfined"];
/** PATH_MAX - 1. */
const MAX_LOCALHOST_PROFILE_LENGTH = 4095;

/** Go's strings.TrimSpace. */
function trimSpace(text: string): string {
  return text.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "");
}

/** ValidateAppArmorProfileField. */
export function validateAppArmorProfileField(profile: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  if (!profile) return [];
  const errors: ErrorList = [];
  const type = str(profile, "type");
  if (type === "Localhost") {
    if (!isSet(profile, "localhostProfile")) {
      errors.push(required(fldPath.child("localhostProfile"), "must be set when AppArmor type is Localhost"));
    } else {
      const localhostProfile = str(profile, "localhostProfile");
      const trimmed = trimSpace(localhostProfile);
      if (trimmed !== localhostProfile) errors.push(invalid(fldPath.child("localhostProfile"), localhostProfile, "must not be padded with whitespace"));
      else if (trimmed === "") errors.push(required(fldPath.child("localhostProfile"), "must be set when AppArmor type is Localhost"));
      if (byteLength(localhostProfile) > MAX_LOCALHOST_PROFILE_LENGTH) errors.push(tooLong(fldPath.child("localhostProfile"), OMIT_VALUE, MAX_LOCALHOST_PROFILE_LENGTH));
    }
  } else if (type === "RuntimeDefault" || type === "Unconfined") {
    if (isSet(profile, "localhostProfile")) {
      errors.push(invalid(fldPath.child("localhostProfile"), str(profile, "localhostProfile"), "can only be set when AppArmor type is Localhost"));
    }
  } else if (type === "") {
    errors.push(required(fldPath.child("type"), "type is required when appArmorProfile is set"));
  } else {
    errors.push(notSupported(fldPath.child("type"), type, APPARMOR_TYPES));
  }
  return errors;
}

const MAX_GMSA_CREDENTIAL_SPEC_LENGTH = 64 * 1024;
const MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH = 256;
const MAX_RUN_AS_USER_NAME_USER_LENGTH = 104;
const VALID_NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
const VALID_WINDOWS_USER_DOMAIN_DNS = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const INVALID_USER_NAME_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const INVALID_USER_NAME_DOTS_SPACES = /^[. ]+$/;

/** The problems of a Windows runAsUserName, in upstream's order. */
function runAsUserNameProblems(name: string): string[] {
  if (name.length === 0) return ["runAsUserName cannot be an empty string"];
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return ["runAsUserName cannot contain control characters"];
  const parts = name.split("\\");
  if (parts.length > 2) return ["runAsUserName cannot contain more than one backslash"];
  const [domain, user] = parts.length === 1 ? ["", parts[0]!] : [parts[0]!, parts[1]!];
  const problems: string[] = [];
  if (byteLength(domain) >= MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH) problems.push(`runAsUserName's Domain length must be under ${MAX_RUN_AS_USER_NAME_DOMAIN_LENGTH} characters`);
  if (parts.length === 2 && !(VALID_NETBIOS.test(domain) || VALID_WINDOWS_USER_DOMAIN_DNS.test(domain))) {
    problems.push("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
  }
  if (user.length === 0) problems.push("runAsUserName's User cannot be empty");
  else if (byteLength(user) > MAX_RUN_AS_USER_NAME_USER_LENGTH) problems.push(`runAsUserName's User length must not be longer than ${MAX_RUN_AS_USER_NAME_USER_LENGTH} characters`);
  if (INVALID_USER_NAME_DOTS_SPACES.test(user)) problems.push("runAsUserName's User cannot contain only periods or spaces");
  if (INVALID_USER_NAME_CHARS.test(user)) problems.push(`runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`);
  return problems;
}

/** validateWindowsSecurityContextOptions. */
function validateWindowsSecurityContextOptions(options: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  if (!options) return [];
  const errors: ErrorList = [];
  if (isSet(options, "gmsaCredentialSpecName")) {
    const name = str(options, "gmsaCredentialSpecName");
    appendAll(errors, isDNS1123Subdomain(name).map((message) => invalid(fldPath.child("gmsaCredentialSpecName"), name, message)));
  }
  if (isSet(options, "gmsaCredentialSpec")) {
    const spec = str(options, "gmsaCredentialSpec");
    if (spec.length === 0) errors.push(invalid(fldPath.child("gmsaCredentialSpec"), spec, "gmsaCredentialSpec cannot be an empty string"));
    else if (byteLength(spec) > MAX_GMSA_CREDENTIAL_SPEC_LENGTH) errors.push(invalid(fldPath.child("gmsaCredentialSpec"), spec, "gmsaCredentialSpec size must be under 64 KiB"));
  }
  if (isSet(options, "runAsUserName")) {
    const name = str(options, "runAsUserName");
    appendAll(errors, runAsUserNameProblems(name).map((message) => invalid(fldPath.child("runAsUserName"), name, message)));
  }
  return errors;
}

const SYSCTL_SEGMENT = "[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
const SYSCTL_REGEX_SOURCE = `^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`;
const SYSCTL_NAME = new RegExp(SYSCTL_REGEX_SOURCE);
const SYSCTL_MAX_LENGTH = 253;

/** utilsysctl.GetNamespace: which namespace a sysctl belongs to ("" for node-level ones). */
function sysctlNamespace(name: string): "net" | "ipc" | "" {
  const normalized = name.replace(/\//g, ".");
  if (normalized === "kernel.sem" || normalized.startsWith("kernel.shm") || normalized.startsWith("kernel.msg") || normalized.startsWith("fs.mqueue.")) return "ipc";
  return normalized.startsWith("net.") ? "net" : "";
}

/** validateSysctls with ValidateHostSysctl: names, duplicates, namespaced sysctls with the host's namespaces. */
function validateSysctls(spec: JsonRecord, sysctls: JsonRecord[], fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  sysctls.forEach((sysctl, i) => {
    const name = str(sysctl, "name");
    const namePath = fldPath.index(i).child("name");
    if (name.length === 0) errors.push(required(namePath));
    else if (byteLength(name) > SYSCTL_MAX_LENGTH || !SYSCTL_NAME.test(name)) {
      errors.push(invalid(namePath, name, `must have at most ${SYSCTL_MAX_LENGTH} characters and match regex ${SYSCTL_REGEX_SOURCE}`));
    } else if (names.has(name)) errors.push(duplicate(namePath, name));
    if (!opts.allowNamespacedSysctlsForHostNetAndHostIPC) {
      const namespace = sysctlNamespace(name);
      if (spec.hostNetwork === true && namespace === "net") errors.push(invalid(namePath, name, "may not be specified when 'hostNetwork' is true"));
      else if (spec.hostIPC === true && namespace === "ipc") errors.push(invalid(namePath, name, "may not be specified when 'hostIPC' is true"));
    }
    names.add(name);
  });
  return errors;
}

function validateEnum(value: string, supported: readonly string[], fldPath: FieldPath): ErrorList {
  return supported.includes(value) ? [] : [notSupported(fldPath, value, supported)];
}

/**
 * validatePodSpecSecurityContext. Go keeps hostPID and shareProcessNamespace in
 * the internal security context, so its paths name them there.
 */
export function validatePodSpecSecurityContext(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const context = obj(spec, "securityContext");
  if (!context) return [];
  const errors: ErrorList = [];
  appendAll(errors, userOrGroupIDErrors(context, "fsGroup", fldPath));
  appendAll(errors, userOrGroupIDErrors(context, "runAsUser", fldPath));
  appendAll(errors, userOrGroupIDErrors(context, "runAsGroup", fldPath));
  (Array.isArray(context.supplementalGroups) ? context.supplementalGroups : []).forEach((gid: unknown, g: number) => {
    if (typeof gid === "number" && Number.isInteger(gid)) {
      appendAll(errors, isValidUserOrGroupID(gid).map((message) => invalid(fldPath.child("supplementalGroups").index(g), gid, message)));
    }
  });
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errors.push(invalid(fldPath.child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"));
  }
  const sysctls = list(context, "sysctls");
  if (sysctls.length !== 0) appendAll(errors, validateSysctls(spec, sysctls, fldPath.child("sysctls"), opts));
  if (isSet(context, "fsGroupChangePolicy")) appendAll(errors, validateEnum(str(context, "fsGroupChangePolicy"), ["Always", "OnRootMismatch"], fldPath.child("fsGroupChangePolicy")));
  appendAll(errors, validateSeccompProfileField(obj(context, "seccompProfile"), fldPath.child("seccompProfile"), opts));
  appendAll(errors, validateWindowsSecurityContextOptions(obj(context, "windowsOptions"), fldPath.child("windowsOptions")));
  appendAll(errors, validateAppArmorProfileField(obj(context, "appArmorProfile"), fldPath.child("appArmorProfile")));
  if (isSet(context, "supplementalGroupsPolicy")) appendAll(errors, validateEnum(str(context, "supplementalGroupsPolicy"), ["Merge", "Strict"], fldPath.child("supplementalGroupsPolicy")));
  if (isSet(context, "seLinuxChangePolicy")) {
    const supported = opts.allowOnlyRecursiveSELinuxChangePolicy ? ["Recursive"] : ["MountOption", "Recursive"];
    appendAll(errors, validateEnum(str(context, "seLinuxChangePolicy"), supported, fldPath.child("seLinuxChangePolicy")));
  }
  return errors;
}

/** A SecurityContext bad value (the whole struct): its JSON since 1.34; older releases print Go syntax, shown here as JSON too. */
function securityContextValue(context: JsonRecord): PrintedValue {
  return new PrintedValue(goJson(context));
}

/** ValidateSecurityContext: a container's. Privileged containers are assumed allowed (--allow-privileged). */
export function validateSecurityContext(context: JsonRecord | undefined, fldPath: FieldPath, hostUsers: boolean, opts: PodValidationOptions): ErrorList {
  if (!context) return [];
  const errors: FieldError[] = [];
  appendAll(errors, userOrGroupIDErrors(context, "runAsUser", fldPath));
  appendAll(errors, userOrGroupIDErrors(context, "runAsGroup", fldPath));
  if (isSet(context, "procMount")) {
    const procMount = str(context, "procMount");
    appendAll(errors, validateEnum(procMount, ["Default", "Unmasked"], fldPath.child("procMount")));
    if (hostUsers && procMount === "Unmasked") errors.push(invalid(fldPath.child("procMount"), procMount, "`hostUsers` must be false to use `Unmasked`"));
  }
  appendAll(errors, validateSeccompProfileField(obj(context, "seccompProfile"), fldPath.child("seccompProfile"), opts));
  if (bool(context, "allowPrivilegeEscalation") === false) {
    if (bool(context, "privileged") === true) {
      errors.push(invalid(fldPath, securityContextValue(context), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    }
    const added = obj(context, "capabilities")?.add;
    for (const capability of Array.isArray(added) ? added : []) {
      if (capability === "CAP_SYS_ADMIN") {
        errors.push(invalid(fldPath, securityContextValue(context), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
      }
    }
  }
  appendAll(errors, validateWindowsSecurityContextOptions(obj(context, "windowsOptions"), fldPath.child("windowsOptions")));
  appendAll(errors, validateAppArmorProfileField(obj(context, "appArmorProfile"), fldPath.child("appArmorProfile")));
  return errors;
}

/** validateWindowsHostProcessPod: all containers or none are host processes, with the host's network. */
export function validateWindowsHostProcessPod(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const podHostProcess = bool(obj(obj(spec, "securityContext"), "windowsOptions"), "hostProcess");
  const hostNetwork = spec.hostNetwork === true;
  const errors: ErrorList = [];
  let containerCount = 0;
  let hostProcessCount = 0;
  for (const { container, path } of containersWithPath(spec, fldPath)) {
    containerCount++;
    const containerHostProcess = bool(obj(obj(container, "securityContext"), "windowsOptions"), "hostProcess");
    if (podHostProcess !== undefined && containerHostProcess !== undefined && podHostProcess !== containerHostProcess) {
      errors.push(
        invalid(path.child("securityContext", "windowsOptions", "hostProcess"), containerHostProcess, `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`),
      );
    }
    if (containerHostProcess === true || (containerHostProcess === undefined && podHostProcess === true)) hostProcessCount++;
  }
  if (hostProcessCount > 0) {
    if (hostProcessCount !== containerCount) errors.push(invalid(fldPath, "", "If pod contains any hostProcess containers then all containers must be HostProcess containers"));
    if (!hostNetwork) errors.push(invalid(fldPath.child("hostNetwork"), hostNetwork, "hostNetwork must be true if pod contains any hostProcess containers"));
  }
  return errors;
}

const VALID_OS = ["linux", "windows"];

/** validateOS. */
function validateOS(os: JsonRecord, fldPath: FieldPath): ErrorList {
  const name = str(os, "name");
  if (name.length === 0) return [required(fldPath.child("name"), "cannot be empty")];
  return VALID_OS.includes(name) ? [] : [notSupported(fldPath, name, VALID_OS)];
}

/** validateLinux: no Windows options in a Linux pod. */
function validateLinux(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const message = "windows options cannot be set for a linux pod";
  if (obj(obj(spec, "securityContext"), "windowsOptions")) errors.push(forbidden(fldPath.child("securityContext", "windowsOptions"), message));
  for (const { container, path } of containersWithPath(spec, fldPath)) {
    if (obj(obj(container, "securityContext"), "windowsOptions")) errors.push(forbidden(path.child("securityContext", "windowsOptions"), message));
  }
  return errors;
}

/** Pod security context fields a Windows pod may not set, with where upstream reports them. */
const WINDOWS_FORBIDDEN_POD_FIELDS: Array<[string, "securityContext" | "spec", string]> = [
  ["appArmorProfile", "securityContext", "appArmorProfile"],
  ["seLinuxOptions", "securityContext", "seLinuxOptions"],
  ["hostUsers", "spec", "hostUsers"],
  ["hostPID", "spec", "hostPID"],
  ["hostIPC", "spec", "hostIPC"],
  ["seccompProfile", "securityContext", "seccompProfile"],
  ["fsGroup", "securityContext", "fsGroup"],
  ["fsGroupChangePolicy", "securityContext", "fsGroupChangePolicy"],
  ["sysctls", "securityContext", "sysctls"],
  ["shareProcessNamespace", "spec", "shareProcessNamespace"],
  ["runAsUser", "securityContext", "runAsUser"],
  ["runAsGroup", "securityContext", "runAsGroup"],
  ["supplementalGroups", "securityContext", "supplementalGroups"],
  ["supplementalGroupsPolicy", "securityContext", "supplementalGroupsPolicy"],
  ["seLinuxChangePolicy", "securityContext", "seLinuxChangePolicy"],
];

const WINDOWS_FORBIDDEN_CONTAINER_FIELDS = [
  "appArmorProfile",
  "seLinuxOptions",
  "seccompProfile",
  "capabilities",
  "readOnlyRootFilesystem",
  "privileged",
  "allowPrivilegeEscalation",
  "procMount",
  "runAsUser",
  "runAsGroup",
];

/** Whether a pod-level field counts as set on a Windows pod (booleans only when true, as Go's bool fields). */
function podFieldSet(spec: JsonRecord, context: JsonRecord, field: string, where: "securityContext" | "spec"): boolean {
  const holder = where === "spec" ? spec : context;
  if (field === "hostPID" || field === "hostIPC") return holder[field] === true;
  if (field === "sysctls") return list(context, "sysctls").length > 0;
  return isSet(holder, field);
}

/** validateWindows: Linux-only settings in a Windows pod. */
function validateWindows(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const message = "cannot be set for a windows pod";
  const context = obj(spec, "securityContext");
  if (context) {
    for (const [field, where, name] of WINDOWS_FORBIDDEN_POD_FIELDS) {
      if (!podFieldSet(spec, context, field, where)) continue;
      errors.push(forbidden(where === "spec" ? fldPath.child(name) : fldPath.child("securityContext", name), message));
    }
  }
  for (const { container, path } of containersWithPath(spec, fldPath)) {
    const containerContext = obj(container, "securityContext");
    if (!containerContext) continue;
    for (const field of WINDOWS_FORBIDDEN_CONTAINER_FIELDS) {
      if (isSet(containerContext, field)) errors.push(forbidden(path.child("securityContext", field), message));
    }
  }
  return errors;
}

/** The `os` part of ValidatePodSpec: a valid OS, then that OS's restrictions. */
export function validatePodOS(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const os = obj(spec, "os");
  if (!os) return [];
  const osErrors = validateOS(os, fldPath.child("os"));
  if (osErrors.length > 0) return osErrors;
  return str(os, "name") === "linux" ? validateLinux(spec, fldPath) : validateWindows(spec, fldPath);
}
