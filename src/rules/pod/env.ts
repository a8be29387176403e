// Environment variables take their value from exactly one place
// (validateEnvVarValueFrom, ValidateEnvFrom): a literal `value` or one
// `valueFrom` source, and each envFrom entry one ConfigMap or Secret.
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { containersOf, podTemplatesOf, type ContainerRef } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { arrayOf, isRecord } from "../../util/object-access.js";

// fileKeyRef (EnvFiles) is not in the message, but counts as a source.
const VALUE_SOURCES = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef"];
const ENV_FROM_SOURCES = ["configMapRef", "secretRef"];
const EMPTY = scalarValue("");

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function envReports({ path, container }: ContainerRef): Report[] {
  return arrayOf(container.env).flatMap((variable, index) => {
    if (!isRecord(variable) || !isRecord(variable.valueFrom)) return [];
    const at = [...path, "env", index, "valueFrom"];
    const sources = VALUE_SOURCES.filter((source) => isSet((variable.valueFrom as Record<string, unknown>)[source])).length;
    const value = variable.value;
    let detail: string | undefined;
    if (sources === 0) detail = "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
    else if (typeof value === "string" && value !== "") detail = "may not be specified when `value` is not empty";
    else if (sources > 1) detail = "may not have more than one field specified at a time";
    return detail ? [reportAt(at, invalid(fieldPath(at), EMPTY, detail), { atKey: true })] : [];
  });
}

function envFromReports({ path, container }: ContainerRef): Report[] {
  const listAt = [...path, "envFrom"];
  return arrayOf(container.envFrom).flatMap((entry, index) => {
    if (!isRecord(entry)) return [];
    const sources = ENV_FROM_SOURCES.filter((source) => isSet(entry[source])).length;
    // Upstream names the list, not the entry, in this message.
    if (sources === 0) return [reportAt([...listAt, index], invalid(fieldPath(listAt), EMPTY, "must specify one of: `configMapRef` or `secretRef`"))];
    if (sources > 1) return [reportAt([...listAt, index], invalid(fieldPath(listAt), EMPTY, "may not have more than one field specified at a time"))];
    return [];
  });
}

export const podEnv: Rule = {
  id: "pod/env",
  severity: "error",
  description: "An environment variable takes its value from `value` or from exactly one valueFrom source; each envFrom entry names one ConfigMap or Secret.",
  check(document) {
    return podTemplatesOf(document.object).flatMap((template) => containersOf(template).flatMap((ref) => [...envReports(ref), ...envFromReports(ref)]));
  },
};
