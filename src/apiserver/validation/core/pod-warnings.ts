// GetWarningsForPod and GetWarningsForPodTemplate (pkg/api/pod/warnings.go):
// what the API server accepts in a pod spec but warns about, in upstream's order.
import type { FieldWarning } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import { int, isSet, list, obj, str, stringMap } from "./fields.js";
import { fractionalBytes } from "./resources.js";
import { APPARMOR_CONTAINER_ANNOTATION_PREFIX, SECCOMP_CONTAINER_ANNOTATION_PREFIX, SECCOMP_POD_ANNOTATION } from "./pod-annotations.js";
import { warningsForHostAliases, warningsForNodeSelection, warningsForPodAffinity, warningsForVolumes } from "./scheduling-warnings.js";
import { containersWithPath } from "./security-context.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

const DEPRECATED_ANNOTATIONS: ReadonlyArray<[string, string]> = [
  ["scheduler.alpha.kubernetes.io/critical-pod", 'non-functional in v1.16+; use the "priorityClassName" field instead'],
  ["security.alpha.kubernetes.io/sysctls", 'non-functional in v1.11+; use the "sysctls" field instead'],
  ["security.alpha.kubernetes.io/unsafe-sysctls", 'non-functional in v1.11+; use the "sysctls" field instead'],
];

/**
 * Warnings about pairs of ports grow with the square of the ports. The API
 * server sends at most 4 KiB of warnings (its warning recorder drops the
 * rest), about a hundred of these: no more are worked out.
 */
const MAX_PORT_PAIR_WARNINGS = 100;

function warning(field: FieldPath, message: string): FieldWarning {
  return { field, message };
}

/** The `%+v` of a core.ContainerPort. */
function containerPortText(port: JsonRecord): string {
  return `{Name:${str(port, "name")} HostPort:${int(port, "hostPort") ?? 0} ContainerPort:${int(port, "containerPort") ?? 0} Protocol:${str(port, "protocol")} HostIP:${str(port, "hostIP")}}`;
}

interface PortBlock {
  field: FieldPath;
  hostIP: string;
  hostPort: number;
}

/** The containers' warnings: annotations without fields, fractional bytes, hidden env definitions, ports defined twice. */
function containerWarnings(spec: JsonRecord, annotations: Record<string, string>, base: FieldPath, annotationPath: FieldPath, isPodTemplate: boolean): FieldWarning[] {
  const out: FieldWarning[] = [];
  const hasPodAppArmorProfile = isSet(obj(spec, "securityContext"), "appArmorProfile");
  const containers = containersWithPath(spec, base);
  for (const { container, path } of containers) {
    const name = str(container, "name");
    const securityContext = obj(container, "securityContext");
    if (!isSet(securityContext, "seccompProfile") && Object.hasOwn(annotations, SECCOMP_CONTAINER_ANNOTATION_PREFIX + name)) {
      out.push(warning(annotationPath.key(SECCOMP_CONTAINER_ANNOTATION_PREFIX + name), 'non-functional in v1.27+; use the "seccompProfile" field instead'));
    }
    const hasAppArmorField = hasPodAppArmorProfile || isSet(securityContext, "appArmorProfile");
    if (isPodTemplate && !hasAppArmorField && Object.hasOwn(annotations, APPARMOR_CONTAINER_ANNOTATION_PREFIX + name)) {
      out.push(warning(annotationPath.key(APPARMOR_CONTAINER_ANNOTATION_PREFIX + name), 'deprecated since v1.30; use the "appArmorProfile" field instead'));
    }
    const resources = obj(container, "resources");
    for (const [list_, resource] of [["limits", "memory"], ["requests", "memory"], ["limits", "ephemeral-storage"], ["requests", "ephemeral-storage"]] as const) {
      const value = fractionalBytes(obj(resources, list_)?.[resource]);
      if (value !== undefined) out.push(warning(path.child("resources", list_).key(resource), `fractional byte value ${goQuote(value)} is invalid, must be an integer`));
    }
    const seen = new Set<string>();
    list(container, "env").forEach((variable, i) => {
      const variableName = str(variable, "name");
      if (!seen.has(variableName)) {
        seen.add(variableName);
        return;
      }
      const ref = `$(${variableName})`;
      const value = str(variable, "value");
      if (isSet(variable, "valueFrom") || value === ref || !value.includes(ref)) {
        out.push(warning(path.child("env").index(i), `hides previous definition of ${goQuote(variableName)}, which may be dropped when using apply`));
      }
    });
  }
  const allPorts = new Map<string, PortBlock[]>();
  let portPairWarnings = 0;
  for (const { container, path } of containers) {
    list(container, "ports").forEach((port, i) => {
      const field = path.child("ports").index(i);
      const hostIP = str(port, "hostIP");
      const hostPort = int(port, "hostPort") ?? 0;
      if (hostIP !== "" && hostPort === 0) out.push(warning(field, `hostIP set without hostPort: ${containerPortText(port)}`));
      const key = `${int(port, "containerPort") ?? 0}/${str(port, "protocol")}`;
      const others = allPorts.get(key) ?? [];
      for (const other of others) {
        if (portPairWarnings >= MAX_PORT_PAIR_WARNINGS) break;
        const before = out.length;
        if (hostIP === other.hostIP && hostPort === other.hostPort) out.push(warning(field, `duplicate port definition with ${other.field.toString()}`));
        else if (hostPort === 0 || other.hostPort === 0) out.push(warning(field, `overlapping port definition with ${other.field.toString()}`));
        else if (hostPort === other.hostPort && (hostIP === "") !== (other.hostIP === "")) {
          out.push(warning(field, `dangerously ambiguous port definition with ${other.field.toString()}`));
        }
        portPairWarnings += out.length - before;
      }
      others.push({ field, hostIP, hostPort });
      allPorts.set(key, others);
    });
  }
  return out;
}

/** The pod's image pull secrets named twice or not at all. */
function warningsForImagePullSecrets(spec: JsonRecord, specPath: FieldPath): FieldWarning[] {
  const out: FieldWarning[] = [];
  const secrets = list(spec, "imagePullSecrets");
  if (secrets.length > 1) {
    const seen = new Set<string>();
    secrets.forEach((secret, i) => {
      const name = str(secret, "name");
      if (seen.has(name)) out.push(warning(specPath.child("imagePullSecrets").index(i).child("name"), `duplicate name ${goQuote(name)}`));
      else seen.add(name);
    });
  }
  secrets.forEach((secret, i) => {
    if (str(secret, "name") === "") out.push(warning(specPath.child("imagePullSecrets").index(i).child("name"), 'invalid empty name ""'));
  });
  return out;
}

/**
 * warningsForPodSpecAndMeta. `root` is where a template sits (`spec.template`);
 * undefined for a Pod.
 */
export function warningsForPodSpecAndMeta(root: FieldPath | undefined, spec: JsonRecord, meta: JsonRecord, kubernetesVersion: string): FieldWarning[] {
  const specPath = root ? root.child("spec") : FieldPath.root("spec");
  const annotationPath = root ? root.child("metadata", "annotations") : FieldPath.root("metadata", "annotations");
  const annotations = stringMap(meta, "annotations");
  const out: FieldWarning[] = [...warningsForNodeSelection(spec, specPath, kubernetesVersion)];
  for (const [key, message] of DEPRECATED_ANNOTATIONS) {
    if (Object.hasOwn(annotations, key)) out.push(warning(annotationPath.key(key), message));
  }
  appendAll(out, warningsForVolumes(spec, specPath, kubernetesVersion));
  appendAll(out, warningsForHostAliases(spec, specPath));
  appendAll(out, warningsForImagePullSecrets(spec, specPath));
  for (const resource of ["memory", "ephemeral-storage"]) {
    const value = fractionalBytes(obj(spec, "overhead")?.[resource]);
    if (value !== undefined) out.push(warning(specPath.child("overhead").key(resource), `fractional byte value ${goQuote(value)} is invalid, must be an integer`));
  }
  if (!isSet(obj(spec, "securityContext"), "seccompProfile") && Object.hasOwn(annotations, SECCOMP_POD_ANNOTATION)) {
    out.push(warning(annotationPath.key(SECCOMP_POD_ANNOTATION), 'non-functional in v1.27+; use the "seccompProfile" field instead'));
  }
  appendAll(out, containerWarnings(spec, annotations, specPath, annotationPath, root !== undefined));
  const grace = int(spec, "terminationGracePeriodSeconds");
  if (grace !== undefined && grace < 0) {
    out.push(warning(specPath.child("terminationGracePeriodSeconds"), "must be >= 0; negative values are invalid and will be treated as 1"));
  }
  appendAll(out, warningsForPodAffinity(spec, specPath));
  return out;
}

/** GetWarningsForPod. */
export function getWarningsForPod(pod: JsonRecord, kubernetesVersion: string): FieldWarning[] {
  return warningsForPodSpecAndMeta(undefined, obj(pod, "spec") ?? {}, obj(pod, "metadata") ?? {}, kubernetesVersion);
}

/** GetWarningsForPodTemplate: `fldPath` is the template's path (`template`, `spec.template`). */
export function getWarningsForPodTemplate(template: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): FieldWarning[] {
  return warningsForPodSpecAndMeta(fldPath, obj(template, "spec") ?? {}, obj(template, "metadata") ?? {}, kubernetesVersion);
}
