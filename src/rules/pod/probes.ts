// Probes and lifecycle hooks as core validation checks them (validateProbe,
// validateLivenessProbe, validateHandler, validateInitContainers): exactly one
// handler, no negative timings, a success threshold of 1 where only 1 makes
// sense, and no probes or hooks on init containers that do not keep running.
// Zero timings are not errors: the API server defaults them (timeoutSeconds 1,
// periodSeconds 10, successThreshold 1, failureThreshold 3).
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { forbidden, invalid, required } from "../support/field-errors.js";
import { containersOf, podTemplatesOf, type ContainerRef } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const PROBE_HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"];
const HOOK_HANDLERS = ["exec", "httpGet", "tcpSocket", "sleep"];
const TIMINGS = ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"];

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function integerAt(record: JsonRecord, key: string): number | undefined {
  const value = record[key];
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** validateHandler: exactly one handler; the first one's own required fields. */
function handlerReports(handler: JsonRecord, at: PathSegment[], kinds: readonly string[]): Report[] {
  const present = kinds.filter((kind) => isSet(handler[kind]));
  // A handler of the wrong type is the schema layer's error; counting it would only add noise.
  if (present.some((kind) => !isRecord(handler[kind]))) return [];
  if (present.length === 0) return [reportAt(at, required(fieldPath(at), "must specify a handler type"), { atKey: true })];
  const reports: Report[] = [];
  const [first, ...others] = present;
  const command = (handler.exec as JsonRecord | undefined)?.command;
  if (first === "exec" && (command === undefined || command === null || (Array.isArray(command) && command.length === 0))) {
    const commandAt = [...at, "exec", "command"];
    reports.push(reportAt(commandAt, required(fieldPath(commandAt))));
  }
  for (const kind of others) {
    const kindAt = [...at, kind];
    reports.push(reportAt(kindAt, forbidden(fieldPath(kindAt), "may not specify more than 1 handler type"), { atKey: true }));
  }
  return reports;
}

function timingReports(probe: JsonRecord, at: PathSegment[]): Report[] {
  const reports: Report[] = [];
  for (const key of TIMINGS) {
    const value = integerAt(probe, key);
    if (value === undefined || value >= 0) continue;
    reports.push(reportAt([...at, key], invalid(fieldPath([...at, key]), String(value), "must be greater than or equal to 0")));
  }
  const grace = integerAt(probe, "terminationGracePeriodSeconds");
  if (grace !== undefined && grace <= 0) {
    const graceAt = [...at, "terminationGracePeriodSeconds"];
    reports.push(reportAt(graceAt, invalid(fieldPath(graceAt), String(grace), "must be greater than 0")));
  }
  return reports;
}

function probeReports(kind: (typeof PROBES)[number], probe: JsonRecord, at: PathSegment[]): Report[] {
  const reports = [...handlerReports(probe, at, PROBE_HANDLERS), ...timingReports(probe, at)];
  if (kind === "readinessProbe") {
    const grace = integerAt(probe, "terminationGracePeriodSeconds");
    const graceAt = [...at, "terminationGracePeriodSeconds"];
    if (grace !== undefined) reports.push(reportAt(graceAt, invalid(fieldPath(graceAt), String(grace), "must not be set for readinessProbes")));
    return reports;
  }
  const success = integerAt(probe, "successThreshold");
  // 0 is defaulted to 1.
  if (success !== undefined && success !== 0 && success !== 1) {
    const successAt = [...at, "successThreshold"];
    reports.push(reportAt(successAt, invalid(fieldPath(successAt), String(success), "must be 1"), { suggestion: "1" }));
  }
  return reports;
}

/** Probes and hooks of a container that runs alongside the pod (regular, or a sidecar init container). */
function runningContainerReports({ path, container }: ContainerRef): Report[] {
  const reports: Report[] = [];
  const lifecycle = container.lifecycle;
  if (isRecord(lifecycle)) {
    for (const hook of ["postStart", "preStop"]) {
      const handler = lifecycle[hook];
      if (isRecord(handler)) reports.push(...handlerReports(handler, [...path, "lifecycle", hook], HOOK_HANDLERS));
    }
  }
  for (const kind of PROBES) {
    const probe = container[kind];
    if (isRecord(probe)) reports.push(...probeReports(kind, probe, [...path, kind]));
  }
  return reports;
}

/** An init container that is not a sidecar runs to completion: no probes, no hooks. */
function initContainerReports({ path, container }: ContainerRef): Report[] {
  return ["lifecycle", ...PROBES]
    .filter((key) => isSet(container[key]))
    .map((key) => reportAt([...path, key], forbidden(fieldPath([...path, key]), "may not be set for init containers without restartPolicy=Always"), { atKey: true }));
}

function containerReports(ref: ContainerRef): Report[] {
  if (ref.list === "containers") return runningContainerReports(ref);
  if (ref.list === "initContainers") return ref.container.restartPolicy === "Always" ? runningContainerReports(ref) : initContainerReports(ref);
  return [];
}

export const podProbes: Rule = {
  id: "pod/probes",
  severity: "error",
  description: "Probes and lifecycle hooks must have exactly one handler and no negative timings; liveness and startup probes a successThreshold of 1; only sidecar init containers may have them.",
  check(document) {
    return podTemplatesOf(document.object).flatMap((template) => containersOf(template).flatMap(containerReports));
  },
};
