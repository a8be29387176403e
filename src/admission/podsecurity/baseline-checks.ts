// The Baseline level of the Pod Security Standards: one function per upstream
// check (policy/check_*.go), with its reason and detail wording.
import { arrayOf, isRecord, recordOf, recordsOf, stringOf, type JsonRecord } from "../../util/object-access.js";
import {
  containersPhrase, joinQuote, pluralize, podSecurityContext, securityContextOf, setters, sortedUnique,
  relaxPolicyForUserNamespacePod, visitContainers, type CheckResult, type PodView,
} from "./helpers.js";

const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function allowedAppArmorAnnotation(value: string): boolean {
  return value === "" || value === "runtime/default" || value.startsWith("localhost/");
}

function allowedAppArmorType(type: unknown): boolean {
  return type === "RuntimeDefault" || type === "Localhost";
}

export function appArmorProfile({ metadata, spec }: PodView): CheckResult {
  const badValues = new Set<string>();
  const podProfile = recordOf(podSecurityContext(spec)?.appArmorProfile);
  const podBad = isRecord(podSecurityContext(spec)?.appArmorProfile) && !allowedAppArmorType(podProfile.type);
  if (podBad) badValues.add(String(podProfile.type ?? ""));
  const badContainers: string[] = [];
  visitContainers(spec, (container, name) => {
    const profile = securityContextOf(container)?.appArmorProfile;
    if (isRecord(profile) && !allowedAppArmorType(profile.type)) {
      badContainers.push(name);
      badValues.add(String(profile.type ?? ""));
    }
  });
  const badSetters = setters(podBad, badContainers);
  const annotations = Object.entries(recordOf(metadata.annotations))
    .filter(([key, value]) => key.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAppArmorAnnotation(String(value)))
    .map(([key, value]) => `${key}=${JSON.stringify(String(value))}`)
    .sort();
  const values = [...sortedUnique(badValues), ...annotations];
  if (annotations.length > 0) badSetters.push(pluralize("annotation", "annotations", annotations.length));
  if (badSetters.length === 0) return undefined;
  return {
    reason: pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.length),
    detail: `${badSetters.join(" and ")} must not set AppArmor profile type to ${joinQuote(values)}`,
  };
}

export function hostNamespaces({ spec }: PodView): CheckResult {
  const used: string[] = [];
  if (spec.hostNetwork === true) used.push("hostNetwork=true");
  if (spec.hostPID === true) used.push("hostPID=true");
  if (spec.hostIPC === true) used.push("hostIPC=true");
  return used.length > 0 ? { reason: "host namespaces", detail: used.join(", ") } : undefined;
}

export function hostPorts({ spec }: PodView): CheckResult {
  const badContainers: string[] = [];
  const ports = new Set<string>();
  visitContainers(spec, (container, name) => {
    let bad = false;
    for (const port of recordsOf(container.ports)) {
      const hostPort = Number(port.hostPort ?? 0);
      if (hostPort !== 0 && Number.isFinite(hostPort)) {
        bad = true;
        ports.add(String(hostPort));
      }
    }
    if (bad) badContainers.push(name);
  });
  if (badContainers.length === 0) return undefined;
  return {
    reason: "hostPort",
    detail: `${containersPhrase(badContainers)} ${pluralize("uses", "use", badContainers.length)} ${pluralize("hostPort", "hostPorts", ports.size)} ${sortedUnique(ports).join(", ")}`,
  };
}

function handlerHosts(handler: unknown): string[] {
  const hosts: string[] = [];
  for (const kind of ["httpGet", "tcpSocket"]) {
    const host = stringOf(recordOf(recordOf(handler)[kind]).host);
    if (host) hosts.push(host);
  }
  return hosts;
}

export function hostProbesAndHostLifecycle({ spec }: PodView): CheckResult {
  const badContainers = new Set<string>();
  const hosts = new Set<string>();
  visitContainers(spec, (container, name) => {
    const lifecycle = recordOf(container.lifecycle);
    const handlers = [container.livenessProbe, container.readinessProbe, container.startupProbe, lifecycle.postStart, lifecycle.preStop];
    for (const handler of handlers) {
      const found = handlerHosts(handler);
      if (found.length === 0) continue;
      badContainers.add(name);
      found.forEach((host) => hosts.add(host));
    }
  });
  if (badContainers.size === 0) return undefined;
  return {
    reason: "probe or lifecycle host",
    detail: `${containersPhrase(sortedUnique(badContainers))} ${pluralize("uses", "use", badContainers.size)} ` +
      `${pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.size)} ${joinQuote(sortedUnique(hosts))}`,
  };
}

export function privileged({ spec }: PodView): CheckResult {
  const bad: string[] = [];
  visitContainers(spec, (container, name) => {
    if (securityContextOf(container)?.privileged === true) bad.push(name);
  });
  return bad.length > 0 ? { reason: "privileged", detail: `${containersPhrase(bad)} must not set securityContext.privileged=true` } : undefined;
}

/**
 * procMount: from policy 1.35 a pod with its own user namespace
 * (`hostUsers: false`) may unmask /proc under baseline.
 */
export function procMount(pod: PodView): CheckResult {
  if (pod.minor >= 35 && relaxPolicyForUserNamespacePod(pod.spec)) return undefined;
  return procMountDefaultOnly(pod);
}

/** procMount_1_0: only Default (or unset). */
export function procMountDefaultOnly({ spec }: PodView): CheckResult {
  const bad: string[] = [];
  const types = new Set<string>();
  visitContainers(spec, (container, name) => {
    const value = securityContextOf(container)?.procMount;
    if (value === undefined || value === null || value === "Default") return;
    bad.push(name);
    types.add(String(value));
  });
  if (bad.length === 0) return undefined;
  return { reason: "procMount", detail: `${containersPhrase(bad)} must not set securityContext.procMount to ${joinQuote(sortedUnique(types))}` };
}

function seLinuxTypes(minor: number): Set<string> {
  const types = new Set(["", "container_t", "container_init_t", "container_kvm_t"]);
  if (minor >= 31) types.add("container_engine_t");
  return types;
}

export function seLinuxOptions({ spec, minor }: PodView): CheckResult {
  const allowed = seLinuxTypes(minor);
  const badTypes = new Set<string>();
  let setUser = false;
  let setRole = false;
  const valid = (options: JsonRecord): boolean => {
    let ok = true;
    const type = stringOf(options.type) ?? "";
    if (!allowed.has(type)) {
      ok = false;
      badTypes.add(type);
    }
    if (stringOf(options.user)) [ok, setUser] = [false, true];
    if (stringOf(options.role)) [ok, setRole] = [false, true];
    return ok;
  };
  const podOptions = podSecurityContext(spec)?.seLinuxOptions;
  const podBad = isRecord(podOptions) && !valid(podOptions);
  const badContainers: string[] = [];
  visitContainers(spec, (container, name) => {
    const options = securityContextOf(container)?.seLinuxOptions;
    if (isRecord(options) && !valid(options)) badContainers.push(name);
  });
  const badSetters = setters(podBad, badContainers);
  if (badSetters.length === 0) return undefined;
  const data: string[] = [];
  if (badTypes.size > 0) data.push(`${pluralize("type", "types", badTypes.size)} ${joinQuote(sortedUnique(badTypes))}`);
  if (setUser) data.push("user may not be set");
  if (setRole) data.push("role may not be set");
  return { reason: "seLinuxOptions", detail: `${badSetters.join(" and ")} set forbidden securityContext.seLinuxOptions: ${data.join("; ")}` };
}

function allowedSysctls(minor: number): Set<string> {
  const names = ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"];
  if (minor >= 27) names.push("net.ipv4.ip_local_reserved_ports");
  if (minor >= 29) names.push("net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
  if (minor >= 32) names.push("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
  return new Set(names);
}

export function sysctls({ spec, minor }: PodView): CheckResult {
  const allowed = allowedSysctls(minor);
  const forbidden = recordsOf(podSecurityContext(spec)?.sysctls)
    .map((sysctl) => String(sysctl.name ?? ""))
    .filter((name) => !allowed.has(name));
  return forbidden.length > 0 ? { reason: "forbidden sysctls", detail: forbidden.join(", ") } : undefined;
}

export function windowsHostProcess({ spec }: PodView): CheckResult {
  const bad: string[] = [];
  visitContainers(spec, (container, name) => {
    if (recordOf(securityContextOf(container)?.windowsOptions).hostProcess === true) bad.push(name);
  });
  const podBad = recordOf(podSecurityContext(spec)?.windowsOptions).hostProcess === true;
  const badSetters = setters(podBad, bad);
  if (badSetters.length === 0) return undefined;
  return { reason: "hostProcess", detail: `${badSetters.join(" and ")} must not set securityContext.windowsOptions.hostProcess=true` };
}

const DEFAULT_CAPABILITIES = new Set([
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
  "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]);

export function capabilitiesBaseline({ spec }: PodView): CheckResult {
  const bad: string[] = [];
  const added = new Set<string>();
  visitContainers(spec, (container, name) => {
    const capabilities = securityContextOf(container)?.capabilities;
    if (!isRecord(capabilities)) return;
    const extra = arrayOf(capabilities.add).map(String).filter((cap) => !DEFAULT_CAPABILITIES.has(cap));
    if (extra.length === 0) return;
    bad.push(name);
    extra.forEach((cap) => added.add(cap));
  });
  if (bad.length === 0) return undefined;
  return { reason: "non-default capabilities", detail: `${containersPhrase(bad)} must not include ${joinQuote(sortedUnique(added))} in securityContext.capabilities.add` };
}

export function hostPathVolumes({ spec }: PodView): CheckResult {
  const volumes = recordsOf(spec.volumes).filter((volume) => isRecord(volume.hostPath)).map((volume) => String(volume.name ?? ""));
  if (volumes.length === 0) return undefined;
  return { reason: "hostPath volumes", detail: `${pluralize("volume", "volumes", volumes.length)} ${joinQuote(volumes)}` };
}

const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

export function validSeccompType(type: unknown): boolean {
  return type === "RuntimeDefault" || type === "Localhost";
}

function validSeccompAnnotation(value: string): boolean {
  return value === "runtime/default" || value === "docker/default" || value.startsWith("localhost/");
}

/** Before policy v1.19 seccomp lived in annotations. */
function seccompAnnotations({ metadata, spec }: PodView): CheckResult {
  const annotations = recordOf(metadata.annotations);
  const forbidden = new Set<string>();
  const checkAnnotation = (key: string) => {
    const value = annotations[key];
    if (value !== undefined && !validSeccompAnnotation(String(value))) forbidden.add(`${key}=${JSON.stringify(String(value))}`);
  };
  checkAnnotation(SECCOMP_POD_ANNOTATION);
  visitContainers(spec, (_container, name) => checkAnnotation(SECCOMP_CONTAINER_PREFIX + name));
  if (forbidden.size === 0) return undefined;
  return { reason: "seccompProfile", detail: `forbidden ${pluralize("annotation", "annotations", forbidden.size)} ${sortedUnique(forbidden).join(", ")}` };
}

export function seccompProfileBaseline(pod: PodView): CheckResult {
  if (pod.minor < 19) return seccompAnnotations(pod);
  const { spec } = pod;
  const badValues = new Set<string>();
  const podProfile = podSecurityContext(spec)?.seccompProfile;
  const podBad = isRecord(podProfile) && !validSeccompType(podProfile.type);
  if (podBad) badValues.add(String((podProfile as JsonRecord).type ?? ""));
  const bad: string[] = [];
  visitContainers(spec, (container, name) => {
    const profile = securityContextOf(container)?.seccompProfile;
    if (isRecord(profile) && !validSeccompType(profile.type)) {
      bad.push(name);
      badValues.add(String(profile.type ?? ""));
    }
  });
  const badSetters = setters(podBad, bad);
  if (badSetters.length === 0) return undefined;
  return { reason: "seccompProfile", detail: `${badSetters.join(" and ")} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}` };
}
