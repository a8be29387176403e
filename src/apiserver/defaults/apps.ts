// API defaulting of apps/v1 (pkg/apis/apps/v1/defaults.go).
import { featureEnabled } from "../features.js";
import { setDefaultsPersistentVolumeClaimSpec, setDefaultsPodTemplateSpec } from "./core.js";
import { ensureObject, podTemplateOf, setDefault, setDefaultIfEmpty } from "./fields.js";
import { objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** The update strategy: RollingUpdate unless set, and its maxUnavailable and maxSurge when it is RollingUpdate. */
function defaultRollingUpdate(spec: JsonRecord, field: "strategy" | "updateStrategy", maxUnavailable: string | number, maxSurge: string | number): void {
  const strategy = ensureObject(spec, field);
  if (!strategy) return;
  setDefaultIfEmpty(strategy, "type", "RollingUpdate");
  if (strategy.type !== "RollingUpdate") return;
  const rollingUpdate = ensureObject(strategy, "rollingUpdate");
  setDefault(rollingUpdate, "maxUnavailable", maxUnavailable);
  setDefault(rollingUpdate, "maxSurge", maxSurge);
}

export function setDefaultsDeployment(body: JsonRecord): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  setDefault(spec, "replicas", 1);
  defaultRollingUpdate(spec, "strategy", "25%", "25%");
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  setDefaultsPodTemplateSpec(podTemplateOf(spec));
}

export function setDefaultsDaemonSet(body: JsonRecord): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  defaultRollingUpdate(spec, "updateStrategy", 1, 0);
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefaultsPodTemplateSpec(podTemplateOf(spec));
}

export function setDefaultsStatefulSet(body: JsonRecord, kubernetesVersion: string): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  setDefaultIfEmpty(spec, "podManagementPolicy", "OrderedReady");
  const strategy = ensureObject(spec, "updateStrategy");
  if (strategy) {
    // Only a defaulted type gets a rollingUpdate block; an explicit RollingUpdate without one keeps none.
    if (strategy.type === undefined || strategy.type === "") {
      strategy.type = "RollingUpdate";
      setDefault(strategy, "rollingUpdate", {});
    }
    const rollingUpdate = objectAt(strategy, "rollingUpdate");
    if (strategy.type === "RollingUpdate" && rollingUpdate) {
      setDefault(rollingUpdate, "partition", 0);
      if (featureEnabled("MaxUnavailableStatefulSet", kubernetesVersion)) setDefault(rollingUpdate, "maxUnavailable", 1);
    }
  }
  // StatefulSetAutoDeletePVC: on by default since 1.27, before every release kubeplan models.
  const retention = ensureObject(spec, "persistentVolumeClaimRetentionPolicy");
  setDefaultIfEmpty(retention, "whenDeleted", "Retain");
  setDefaultIfEmpty(retention, "whenScaled", "Retain");
  setDefault(spec, "replicas", 1);
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefaultsPodTemplateSpec(podTemplateOf(spec));
  for (const claim of recordsOf(spec.volumeClaimTemplates)) setDefaultsPersistentVolumeClaimSpec(objectAt(claim, "spec"));
}

export function setDefaultsReplicaSet(body: JsonRecord): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  setDefault(spec, "replicas", 1);
  setDefaultsPodTemplateSpec(podTemplateOf(spec));
}
