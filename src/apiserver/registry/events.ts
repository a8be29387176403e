// The Event strategy (pkg/registry/core/event/strategy.go), shared by the core
// group's Event and events.k8s.io's: both are validated as the internal
// core.Event, whose field names the core v1 type mostly keeps and events.k8s.io/v1
// renames (pkg/apis/events/v1/conversion.go).
import { validateEventCreate } from "../validation/core/events.js";
import type { GroupStrategies, Strategy } from "./types.js";
import { apiGroup } from "../../util/api-values.js";
import type { JsonRecord } from "../../util/object-access.js";

/** Internal field name by events.k8s.io/v1 field name, where they differ. */
const EVENTS_V1_RENAMES: Readonly<Record<string, string>> = {
  regarding: "involvedObject",
  note: "message",
  deprecatedSource: "source",
  deprecatedFirstTimestamp: "firstTimestamp",
  deprecatedLastTimestamp: "lastTimestamp",
  deprecatedCount: "count",
};

/** The event with the internal type's field names (a shallow copy). */
function toInternalEvent(event: JsonRecord, eventsGroup: boolean): JsonRecord {
  const internal: JsonRecord = {};
  for (const [key, value] of Object.entries(event)) {
    if (eventsGroup) internal[EVENTS_V1_RENAMES[key] ?? key] = value;
    // core/v1 names the reporting controller reportingComponent.
    else if (key === "reportingComponent") internal.reportingController = value;
    else if (key !== "reportingController") internal[key] = value;
  }
  return internal;
}

export const EVENT_STRATEGY: Strategy = {
  namespaceScoped: true,
  validate: (object, context) => {
    // Strict validation applies to events sent as events.k8s.io/v1 (not v1beta1).
    const eventsGroup = apiGroup(context.apiVersion) === "events.k8s.io";
    return validateEventCreate(toInternalEvent(object, eventsGroup), context.apiVersion === "events.k8s.io/v1", context.kubernetesVersion);
  },
};

export const EVENTS_STRATEGIES: GroupStrategies = { Event: EVENT_STRATEGY };
