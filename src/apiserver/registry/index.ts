// The registry strategies of every built-in kind kubeplan models, by API group.
import { apiGroup } from "../../util/api-values.js";
import { ADMISSIONREGISTRATION_STRATEGIES } from "./admissionregistration.js";
import { APIEXTENSIONS_STRATEGIES } from "./apiextensions.js";
import { APIREGISTRATION_STRATEGIES } from "./apiregistration.js";
import { APPS_STRATEGIES } from "./apps.js";
import { AUTOSCALING_STRATEGIES } from "./autoscaling.js";
import { BATCH_STRATEGIES } from "./batch.js";
import { CERTIFICATES_STRATEGIES } from "./certificates.js";
import { COORDINATION_STRATEGIES } from "./coordination.js";
import { CORE_STRATEGIES } from "./core.js";
import { DISCOVERY_STRATEGIES } from "./discovery.js";
import { EVENTS_STRATEGIES } from "./events.js";
import { FLOWCONTROL_STRATEGIES } from "./flowcontrol.js";
import { NETWORKING_STRATEGIES } from "./networking.js";
import { NODE_STRATEGIES } from "./node.js";
import { POLICY_STRATEGIES } from "./policy.js";
import { RBAC_STRATEGIES } from "./rbac.js";
import { RESOURCE_STRATEGIES } from "./resource.js";
import { SCHEDULING_STRATEGIES } from "./scheduling.js";
import { STORAGE_STRATEGIES } from "./storage.js";
import type { GroupStrategies, Strategy } from "./types.js";

export type { Strategy, ValidationContext } from "./types.js";

const BY_GROUP: ReadonlyMap<string, GroupStrategies> = new Map([
  ["", CORE_STRATEGIES],
  ["admissionregistration.k8s.io", ADMISSIONREGISTRATION_STRATEGIES],
  ["apiextensions.k8s.io", APIEXTENSIONS_STRATEGIES],
  ["apiregistration.k8s.io", APIREGISTRATION_STRATEGIES],
  ["apps", APPS_STRATEGIES],
  ["autoscaling", AUTOSCALING_STRATEGIES],
  ["batch", BATCH_STRATEGIES],
  ["certificates.k8s.io", CERTIFICATES_STRATEGIES],
  ["coordination.k8s.io", COORDINATION_STRATEGIES],
  ["discovery.k8s.io", DISCOVERY_STRATEGIES],
  ["events.k8s.io", EVENTS_STRATEGIES],
  ["flowcontrol.apiserver.k8s.io", FLOWCONTROL_STRATEGIES],
  ["networking.k8s.io", NETWORKING_STRATEGIES],
  ["node.k8s.io", NODE_STRATEGIES],
  ["policy", POLICY_STRATEGIES],
  ["rbac.authorization.k8s.io", RBAC_STRATEGIES],
  ["resource.k8s.io", RESOURCE_STRATEGIES],
  ["scheduling.k8s.io", SCHEDULING_STRATEGIES],
  ["storage.k8s.io", STORAGE_STRATEGIES],
]);

/** The strategy of a built-in kind; undefined for custom resources and kinds not modelled. */
export function strategyFor(apiVersion: string, kind: string): Strategy | undefined {
  const strategies = BY_GROUP.get(apiGroup(apiVersion));
  return strategies && Object.hasOwn(strategies, kind) ? strategies[kind] : undefined;
}
