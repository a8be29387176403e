// The scheduling simulation of `kubeplan plan`: kube-scheduler's default
// profile, in TypeScript.
export { schedule, SCHEDULING_GATED } from "./schedule.js";
export type {
  NodeUsage,
  Owner,
  PodPlacement,
  PodVolume,
  ResourceSummary,
  ScheduleResult,
  SchedulerInput,
  WorkloadPlacement,
} from "./types.js";
export { behaviourFor, parseMinor, SUPPORTED_MINORS, type SchedulerBehaviour } from "./versions.js";
