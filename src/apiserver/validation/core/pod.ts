// Pod and pod template validation (ValidatePodCreate, validatePodMetadataAndSpec,
// ValidatePodSpec, ValidatePodTemplateSpec, ValidatePodTemplate), in upstream's
// order. The checks of each part live in their own files; this one holds the
// pod-level fields and the order they are checked in.
import { forbidden, invalid, notFound, notSupported, required, tooLong, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { validateLabels } from "../../apimachinery/meta-v1-validation.js";
import { validateAnnotations } from "../../apimachinery/objectmeta.js";
import { validateObjectMeta, validatePodName } from "./object-meta.js";
import { validateAffinity } from "./affinity.js";
import { validateContainers, validateContainersOnlyForPod, validateEphemeralContainers, validateInitContainers, type ContainerContext } from "./containers.js";
import { validateDNSPolicy, validateHostAliases, validatePodDNSConfig } from "./dns.js";
import { bool, int, isSet, list, obj, str, stringMap } from "./fields.js";
import { validateDNS1123Label, validateDNS1123Subdomain } from "./names.js";
import type { PodValidationOptions } from "./pod-options.js";
import { validateAppArmorAnnotationsAndFieldsMatchOnCreate, validatePodSpecificAnnotations, validateSeccompAnnotationsAndFields } from "./pod-annotations.js";
import { validatePodResourceClaims } from "./resource-claims.js";
import { validateOverhead, validatePodResources } from "./resources.js";
import { containersWithPath, validatePodOS, validatePodSpecSecurityContext, validateWindowsHostProcessPod } from "./security-context.js";
import { validatePodHostNetworkDeps } from "./ports.js";
import { validateReadinessGates, validateSchedulingGates } from "./scheduling-gates.js";
import { validateTolerations } from "./tolerations.js";
import { validateTopologySpreadConstraints } from "./topology-spread.js";
import { validateVolumes } from "./volumes.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { atLeast } from "../../../util/release.js";
import { appendAll } from "../../../util/append.js";

export { podValidationOptions, type PodValidationOptions } from "./pod-options.js";

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const PREEMPTION_POLICIES = ["PreemptLowerPriority", "Never"];
const MAX_INT32 = 2147483647;
const MAX_HOSTNAME_OVERRIDE_LENGTH = 64;

/** An enum field: Required when empty, NotSupported when unknown. */
function validateEnum(value: string, supported: readonly string[], fldPath: FieldPath): ErrorList {
  if (supported.includes(value)) return [];
  if (value === "") return [required(fldPath)];
  return [notSupported(fldPath, value, supported)];
}

/** validateRestartPolicy. */
function validateRestartPolicy(restartPolicy: string, fldPath: FieldPath): ErrorList {
  return validateEnum(restartPolicy, RESTART_POLICIES, fldPath);
}

/** ValidatePreemptionPolicy. */
export function validatePreemptionPolicy(preemptionPolicy: string, fldPath: FieldPath): ErrorList {
  return validateEnum(preemptionPolicy, PREEMPTION_POLICIES, fldPath);
}

/** validateImagePullSecrets: only `name` may be set. */
function validateImagePullSecrets(secrets: JsonRecord[], fldPath: FieldPath): ErrorList {
  return secrets.flatMap((secret, i) =>
    Object.keys(secret).some((key) => key !== "name" && secret[key] !== undefined) ? [invalid(fldPath.index(i), secret, "only name may be set")] : [],
  );
}

/**
 * validateHostUsers: a user namespace does not go with the host's namespaces,
 * nor (from 1.34) with block devices, which cannot be id-mapped.
 */
function validateHostUsers(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (bool(spec, "hostUsers") !== false) return [];
  const since134 = atLeast(opts.kubernetesVersion, "1.34");
  const detail = since134 ? "when `hostUsers` is false" : "when `pod.Spec.HostUsers` is false";
  const errors: ErrorList = [];
  // Upstream's paths, capitals included.
  if (spec.hostNetwork === true) errors.push(forbidden(fldPath.child("hostNetwork"), detail));
  if (spec.hostPID === true) errors.push(forbidden(fldPath.child("HostPID"), detail));
  if (spec.hostIPC === true) errors.push(forbidden(fldPath.child("HostIPC"), detail));
  if (!since134) return errors;
  for (const { container, path } of containersWithPath(spec, fldPath)) {
    if (list(container, "volumeDevices").length > 0) errors.push(forbidden(path.child("volumeDevices"), detail));
  }
  return errors;
}

/** validatePodHostName: a hostnameOverride is a DNS subdomain of 64 bytes at most, without setHostnameAsFQDN or hostNetwork. */
function validatePodHostName(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  if (!isSet(spec, "hostnameOverride")) return [];
  const hostnameOverride = str(spec, "hostnameOverride");
  const path = fldPath.child("hostnameOverride");
  const errors: ErrorList = [];
  if (spec.setHostnameAsFQDN === true) errors.push(forbidden(path, "may not be specified when setHostnameAsFQDN is true"));
  if (spec.hostNetwork === true) errors.push(forbidden(path, "may not be specified when hostNetwork is true"));
  if (hostnameOverride.length > MAX_HOSTNAME_OVERRIDE_LENGTH) errors.push(tooLong(path, "", MAX_HOSTNAME_OVERRIDE_LENGTH));
  appendAll(errors, validateDNS1123Subdomain(hostnameOverride, path));
  return errors;
}

/** validateFileKeyRefVolumes: an environment variable read from a file names an emptyDir volume of the pod. */
function validateFileKeyRefVolumes(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const volumes = new Map(list(spec, "volumes").map((volume) => [str(volume, "name"), volume]));
  const errors: ErrorList = [];
  for (const { container, path } of containersWithPath(spec, fldPath)) {
    list(container, "env").forEach((variable, j) => {
      const fileKeyRef = obj(obj(variable, "valueFrom") ?? {}, "fileKeyRef");
      if (!fileKeyRef) return;
      const volumeName = str(fileKeyRef, "volumeName");
      const volumeNamePath = path.child("env").index(j).child("valueFrom", "fileKeyRef", "volumeName");
      const volume = volumes.get(volumeName);
      if (!volume) errors.push(notFound(volumeNamePath, volumeName));
      else if (!obj(volume, "emptyDir")) errors.push(invalid(volumeNamePath, volumeName, "referenced volume must be of type emptyDir"));
    });
  }
  return errors;
}

/** gatherPodResourceClaimNames. */
function gatherPodResourceClaimNames(spec: JsonRecord): Set<string> {
  return new Set(list(spec, "resourceClaims").map((claim) => str(claim, "name")).filter((name) => name !== ""));
}

/**
 * ValidatePodSpec. `podMeta` is the Pod's metadata, undefined for a template
 * (generic ephemeral volumes are only checked in a Pod).
 */
export function validatePodSpec(spec: JsonRecord, podMeta: JsonRecord | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  const gracePeriod = int(spec, "terminationGracePeriodSeconds");
  if (!isSet(spec, "terminationGracePeriodSeconds")) errors.push(required(fldPath.child("terminationGracePeriodSeconds")));
  const hostUsers = bool(spec, "hostUsers") !== false;
  const [volumes, volumeErrors] = validateVolumes(spec.volumes, podMeta && { name: str(podMeta, "name") }, fldPath.child("volumes"), opts);
  appendAll(errors, volumeErrors);
  appendAll(errors, validatePodResourceClaims(list(spec, "resourceClaims"), fldPath.child("resourceClaims")));
  const context: ContainerContext = {
    volumes,
    podClaimNames: gatherPodResourceClaimNames(spec),
    gracePeriod,
    podRestartPolicy: str(spec, "restartPolicy"),
    hostUsers,
    opts,
  };
  const containers = list(spec, "containers");
  const initContainers = list(spec, "initContainers");
  appendAll(errors, validateContainers(containers, fldPath.child("containers"), context));
  appendAll(errors, validateInitContainers(initContainers, containers, fldPath.child("initContainers"), context));
  appendAll(errors, validateEphemeralContainers(list(spec, "ephemeralContainers"), containers, initContainers, fldPath.child("ephemeralContainers"), context));
  if (opts.podLevelResourcesEnabled) appendAll(errors, validatePodResources(spec, context.podClaimNames, fldPath.child("resources"), opts));
  appendAll(errors, validatePodHostNetworkDeps(spec, fldPath, opts));
  appendAll(errors, validateRestartPolicy(str(spec, "restartPolicy"), fldPath.child("restartPolicy")));
  appendAll(errors, validateDNSPolicy(str(spec, "dnsPolicy"), fldPath.child("dnsPolicy")));
  appendAll(errors, validateLabels(spec.nodeSelector, fldPath.child("nodeSelector")));
  appendAll(errors, validatePodSpecSecurityContext(spec, fldPath.child("securityContext"), opts));
  appendAll(errors, validateImagePullSecrets(list(spec, "imagePullSecrets"), fldPath.child("imagePullSecrets")));
  appendAll(errors, validateAffinity(spec.affinity, opts, fldPath.child("affinity")));
  appendAll(errors, validatePodDNSConfig(spec.dnsConfig, str(spec, "dnsPolicy"), fldPath.child("dnsConfig"), opts));
  appendAll(errors, validateReadinessGates(spec.readinessGates, fldPath.child("readinessGates")));
  appendAll(errors, validateSchedulingGates(spec.schedulingGates, fldPath.child("schedulingGates")));
  appendAll(errors, validateTopologySpreadConstraints(spec.topologySpreadConstraints, fldPath.child("topologySpreadConstraints"), opts));
  appendAll(errors, validateWindowsHostProcessPod(spec, fldPath));
  appendAll(errors, validateHostUsers(spec, fldPath, opts));
  appendAll(errors, validatePodHostName(spec, fldPath));
  const serviceAccountName = str(spec, "serviceAccountName");
  if (serviceAccountName.length > 0) appendAll(errors, validateDNS1123Subdomain(serviceAccountName, fldPath.child("serviceAccountName")));
  const nodeName = str(spec, "nodeName");
  if (nodeName.length > 0) appendAll(errors, validateDNS1123Subdomain(nodeName, fldPath.child("nodeName")));
  const activeDeadlineSeconds = int(spec, "activeDeadlineSeconds");
  if (activeDeadlineSeconds !== undefined && (activeDeadlineSeconds < 1 || activeDeadlineSeconds > MAX_INT32)) {
    errors.push(invalid(fldPath.child("activeDeadlineSeconds"), activeDeadlineSeconds, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  const hostname = str(spec, "hostname");
  if (hostname.length > 0) appendAll(errors, validateDNS1123Label(hostname, fldPath.child("hostname")));
  const subdomain = str(spec, "subdomain");
  if (subdomain.length > 0) appendAll(errors, validateDNS1123Label(subdomain, fldPath.child("subdomain")));
  appendAll(errors, validateTolerations(spec.tolerations, fldPath.child("tolerations"), opts.kubernetesVersion));
  appendAll(errors, validateHostAliases(spec.hostAliases, fldPath.child("hostAliases"), opts));
  const priorityClassName = str(spec, "priorityClassName");
  if (priorityClassName.length > 0) appendAll(errors, validateDNS1123Subdomain(priorityClassName, fldPath.child("priorityClassName")));
  if (isSet(spec, "runtimeClassName")) appendAll(errors, validateDNS1123Subdomain(str(spec, "runtimeClassName"), fldPath.child("runtimeClassName")));
  if (isSet(spec, "preemptionPolicy")) appendAll(errors, validatePreemptionPolicy(str(spec, "preemptionPolicy"), fldPath.child("preemptionPolicy")));
  if (isSet(spec, "overhead")) appendAll(errors, validateOverhead(spec.overhead, fldPath.child("overhead"), opts));
  appendAll(errors, validatePodOS(spec, fldPath));
  appendAll(errors, validateFileKeyRefVolumes(spec, fldPath));
  return errors;
}

/** validatePodMetadataAndSpec: the checks ValidatePodCreate shares with updates. */
function validatePodMetadataAndSpec(pod: JsonRecord, opts: PodValidationOptions): ErrorList {
  const specPath = FieldPath.root("spec");
  const spec = obj(pod, "spec") ?? {};
  const metadata = obj(pod, "metadata") ?? {};
  const errors = validateObjectMeta(pod.metadata, true, validatePodName, FieldPath.root("metadata"), opts.kubernetesVersion);
  appendAll(errors, validatePodSpecificAnnotations(stringMap(metadata, "annotations"), spec, FieldPath.root("metadata", "annotations"), opts));
  appendAll(errors, validatePodSpec(spec, metadata, specPath, opts));
  // A projected service account token needs a service account.
  if (str(spec, "serviceAccountName") === "") {
    list(spec, "volumes").forEach((volume, vi) => {
      const projected = obj(volume, "projected");
      if (!projected) return;
      list(projected, "sources").forEach((source, si) => {
        if (obj(source, "serviceAccountToken")) {
          const path = specPath.child("volumes").index(vi).child("projected", "sources").index(si).child("serviceAccountToken");
          errors.push(forbidden(path, "must not be specified when serviceAccountName is not set"));
        }
      });
    });
  }
  appendAll(errors, validateContainersOnlyForPod(list(spec, "containers"), specPath.child("containers")));
  appendAll(errors, validateContainersOnlyForPod(list(spec, "initContainers"), specPath.child("initContainers")));
  return errors;
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: JsonRecord, opts: PodValidationOptions): ErrorList {
  const errors = validatePodMetadataAndSpec(pod, opts);
  const fldPath = FieldPath.root("spec");
  const spec = obj(pod, "spec") ?? {};
  // Ephemeral containers are only added later, through their own subresource.
  if (list(spec, "ephemeralContainers").length > 0) errors.push(forbidden(fldPath.child("ephemeralContainers"), "cannot be set on create"));
  if (str(spec, "nodeName") !== "" && list(spec, "schedulingGates").length !== 0) {
    errors.push(forbidden(fldPath.child("nodeName"), "cannot be set until all schedulingGates have been cleared"));
  }
  const annotations = stringMap(obj(pod, "metadata"), "annotations");
  appendAll(errors, validateSeccompAnnotationsAndFields(annotations, spec, fldPath));
  appendAll(errors, validateAppArmorAnnotationsAndFieldsMatchOnCreate(annotations, spec, fldPath));
  return errors;
}

/** ValidatePodTemplateSpec: what every workload's pod template is checked against. */
export function validatePodTemplateSpec(template: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const spec = obj(template, "spec") ?? {};
  const metadata = obj(template, "metadata");
  const annotations = stringMap(metadata, "annotations");
  // The template's ObjectMeta is inlined in Go: its labels are at `<template>.labels`.
  const metadataPath = fldPath.embedded("metadata");
  const errors = validateLabels(metadata?.labels, metadataPath.child("labels"));
  appendAll(errors, validateAnnotations(metadata?.annotations, metadataPath.child("annotations")));
  appendAll(errors, validatePodSpecificAnnotations(annotations, spec, metadataPath.child("annotations"), opts));
  appendAll(errors, validatePodSpec(spec, undefined, fldPath.child("spec"), opts));
  appendAll(errors, validateSeccompAnnotationsAndFields(annotations, spec, fldPath.child("spec")));
  appendAll(errors, validateAppArmorAnnotationsAndFieldsMatchOnCreate(annotations, spec, fldPath.child("spec")));
  if (list(spec, "ephemeralContainers").length > 0) {
    errors.push(forbidden(fldPath.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
  }
  return errors;
}

/** ValidatePodTemplate. */
export function validatePodTemplate(podTemplate: JsonRecord, opts: PodValidationOptions): ErrorList {
  const errors = validateObjectMeta(podTemplate.metadata, true, validatePodName, FieldPath.root("metadata"), opts.kubernetesVersion);
  return [...errors, ...validatePodTemplateSpec(obj(podTemplate, "template") ?? {}, FieldPath.root("template"), opts)];
}
