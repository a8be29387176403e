// The warnings pkg/api/pod/warnings.go (warningsForPodSpecAndMeta) returns about
// volumes and scheduling: deprecated node labels, null label selectors,
// deprecated volume plugins, ephemeral claims' fractional bytes, repeated host
// alias IPs. The server accepts the pod and prints them.
import { isLabelValue } from "../../apimachinery/validation.js";
import { labelContentMessage } from "../../field/release-details.js";
import type { FieldWarning } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import { isSet, list, obj, str, strings } from "./fields.js";
import { getWarningsForPersistentVolumeClaimSpec } from "../../persistentvolumeclaim/util.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { atLeast } from "../../../util/release.js";
import { warningsForOverlappingVirtualPaths } from "./volume-path-warnings.js";

/** pkg/api/node: node labels that are deprecated, and what to use instead. */
const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  "beta.kubernetes.io/arch": 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  "beta.kubernetes.io/os": 'deprecated since v1.14; use "kubernetes.io/os" instead',
  "failure-domain.beta.kubernetes.io/region": 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  "failure-domain.beta.kubernetes.io/zone": 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  "beta.kubernetes.io/instance-type": 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
  "app.kubernetes.io/created-by": "deprecated since v1.9",
  "scheduler.alpha.kubernetes.io/preferAvoidPods": "deprecated since v1.22; use Taints and Tolerations instead",
  "node-role.kubernetes.io/master": 'use "node-role.kubernetes.io/control-plane" instead',
};

/** GetNodeLabelDeprecatedMessage. */
export function nodeLabelDeprecatedMessage(key: string): string | undefined {
  return Object.hasOwn(DEPRECATED_NODE_LABELS, key) ? DEPRECATED_NODE_LABELS[key] : undefined;
}

/** GetWarningsForNodeSelectorTerm: deprecated keys; with `checkLabelValue`, values that are not label values (in the release's words). */
export function warningsForNodeSelectorTerm(term: JsonRecord, checkLabelValue: boolean, fldPath: FieldPath, kubernetesVersion: string): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  list(term, "matchExpressions").forEach((expression, index) => {
    const key = str(expression, "key");
    const deprecated = nodeLabelDeprecatedMessage(key);
    if (deprecated) warnings.push({ field: fldPath.child("matchExpressions").index(index).child("key"), message: `${key} is ${deprecated}` });
    if (!checkLabelValue) return;
    strings(expression, "values").forEach((value, valueIndex) => {
      for (const message of isLabelValue(value)) {
        const worded = labelContentMessage(message, kubernetesVersion);
        warnings.push({ field: fldPath.child("matchExpressions").index(index).child("values").index(valueIndex), message: `${value} is invalid, ${worded}` });
      }
    });
  });
  return warnings;
}

/** Deprecated node labels in nodeSelector, node affinity and topology keys; null topology spread selectors. */
export function warningsForNodeSelection(spec: JsonRecord, specPath: FieldPath, kubernetesVersion: string): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  for (const key of Object.keys(obj(spec, "nodeSelector") ?? {})) {
    const deprecated = nodeLabelDeprecatedMessage(key);
    if (deprecated) warnings.push({ field: specPath.child("nodeSelector").key(key), message: deprecated });
  }
  const nodeAffinity = obj(obj(spec, "affinity"), "nodeAffinity");
  const affinityPath = specPath.child("affinity", "nodeAffinity");
  const requiredTerms = obj(nodeAffinity, "requiredDuringSchedulingIgnoredDuringExecution");
  list(requiredTerms, "nodeSelectorTerms").forEach((term, index) => {
    appendAll(warnings, warningsForNodeSelectorTerm(term, false, affinityPath.child("requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms").index(index), kubernetesVersion));
  });
  list(nodeAffinity, "preferredDuringSchedulingIgnoredDuringExecution").forEach((term, index) => {
    const path = affinityPath.child("preferredDuringSchedulingIgnoredDuringExecution").index(index).child("preference");
    appendAll(warnings, warningsForNodeSelectorTerm(obj(term, "preference") ?? {}, true, path, kubernetesVersion));
  });
  list(spec, "topologySpreadConstraints").forEach((constraint, index) => {
    const path = specPath.child("topologySpreadConstraints").index(index);
    const key = str(constraint, "topologyKey");
    const deprecated = nodeLabelDeprecatedMessage(key);
    if (deprecated) warnings.push({ field: path.child("topologyKey"), message: `${key} is ${deprecated}` });
    if (!isSet(constraint, "labelSelector")) warnings.push({ field: path.child("labelSelector"), message: "a null labelSelector results in matching no pod" });
  });
  return warnings;
}

/** Volume plugins that are deprecated or removed, in upstream's order of checks. */
const DEPRECATED_VOLUME_PLUGINS: ReadonlyArray<[field: string, shownAs: string, message: string]> = [
  ["photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"],
  ["gitRepo", "gitRepo", "deprecated in v1.11"],
  ["scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+"],
  ["flocker", "flocker", "deprecated in v1.22, non-functional in v1.25+"],
  ["storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+"],
  ["quobyte", "quobyte", "deprecated in v1.22, non-functional in v1.25+"],
  ["glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+"],
  ["cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+"],
  ["rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+"],
];

/** GitRepoVolumeDriver is off by default from 1.33 (the gate did not exist before: the plugin was on). */
const GIT_REPO_DISABLED_MESSAGE = "deprecated in v1.11, and disabled by default in v1.33+";

/** Deprecated volume plugins, ephemeral claims, then paths that overlap within a volume (from 1.32). */
export function warningsForVolumes(spec: JsonRecord, specPath: FieldPath, kubernetesVersion: string): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const volumes = list(spec, "volumes");
  const gitRepoDisabled = atLeast(kubernetesVersion, "1.33");
  volumes.forEach((volume, index) => {
    for (const [field, shownAs, message] of DEPRECATED_VOLUME_PLUGINS) {
      const shown = field === "gitRepo" && gitRepoDisabled ? GIT_REPO_DISABLED_MESSAGE : message;
      if (isSet(volume, field)) warnings.push({ field: specPath.child("volumes").index(index).child(shownAs), message: shown });
    }
    const claimSpec = obj(obj(obj(volume, "ephemeral"), "volumeClaimTemplate"), "spec");
    if (claimSpec) appendAll(warnings, getWarningsForPersistentVolumeClaimSpec(specPath.child("volumes").index(index).child("ephemeral", "volumeClaimTemplate", "spec"), claimSpec));
  });
  if (atLeast(kubernetesVersion, "1.32")) appendAll(warnings, warningsForOverlappingVirtualPaths(volumes, specPath.child("volumes")));
  return warnings;
}

/** Host aliases that repeat an IP. */
export function warningsForHostAliases(spec: JsonRecord, specPath: FieldPath): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const seen = new Set<string>();
  list(spec, "hostAliases").forEach((alias, index) => {
    const ip = str(alias, "ip");
    if (seen.has(ip)) warnings.push({ field: specPath.child("hostAliases").index(index).child("ip"), message: `duplicate ip ${goQuote(ip)}` });
    else seen.add(ip);
  });
  return warnings;
}

/** Pod (anti-)affinity terms without a label selector match no pod. */
export function warningsForPodAffinity(spec: JsonRecord, specPath: FieldPath): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const affinity = obj(spec, "affinity");
  for (const kind of ["podAffinity", "podAntiAffinity"]) {
    const terms = obj(affinity, kind);
    const path = specPath.child("affinity", kind);
    list(terms, "requiredDuringSchedulingIgnoredDuringExecution").forEach((term, index) => {
      if (!isSet(term, "labelSelector")) warnings.push({ field: path.child("requiredDuringSchedulingIgnoredDuringExecution").index(index).child("labelSelector"), message: "a null labelSelector results in matching no pod" });
    });
    list(terms, "preferredDuringSchedulingIgnoredDuringExecution").forEach((term, index) => {
      if (!isSet(obj(term, "podAffinityTerm"), "labelSelector")) {
        warnings.push({ field: path.child("preferredDuringSchedulingIgnoredDuringExecution").index(index).child("podAffinityTerm", "labelSelector"), message: "a null labelSelector results in matching no pod" });
      }
    });
  }
  return warnings;
}
