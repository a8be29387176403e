// Test helper: runs expand + admission over YAML text, with an optional cluster snapshot in YAML.
import { parseAllDocuments } from "yaml";
import { runAdmission } from "../../src/admission/index.js";
import type { AdmissionResult } from "../../src/admission/types.js";
import { createSnapshot, emptySnapshot, type ClusterSnapshot } from "../../src/cluster/snapshot.js";
import { expandWorkloads } from "../../src/expand/index.js";
import type { ExpandResult } from "../../src/expand/types.js";
import { loadText } from "../../src/load/index.js";
import type { KubeObject } from "../../src/types.js";

export function snapshotOf(yamlText: string | undefined): ClusterSnapshot {
  if (yamlText === undefined) return emptySnapshot();
  const objects = parseAllDocuments(yamlText).map((d) => d.toJS() as KubeObject).filter((o) => o && typeof o === "object");
  return createSnapshot(objects, true);
}

export interface Planned {
  result: AdmissionResult;
  expansion: ExpandResult;
}

export function plan(inputs: string, options: { cluster?: string; version?: string; now?: Date } = {}): Planned {
  const { documents, findings } = loadText(inputs, "plan.yaml");
  if (findings.length > 0) throw new Error(`bad test YAML: ${findings.map((f) => f.message).join("; ")}`);
  const snapshot = snapshotOf(options.cluster);
  const expansion = expandWorkloads(documents, snapshot, { now: options.now ?? new Date("2025-01-01T00:00:00Z") });
  const result = runAdmission({ documents, pods: expansion.pods, snapshot, kubernetesVersion: options.version ?? "1.36", expansion });
  return { result, expansion };
}

/** The messages of the findings of one rule. */
export function messages(result: AdmissionResult, rule?: string): string[] {
  return result.findings.filter((f) => rule === undefined || f.rule === rule).map((f) => f.message);
}

/** A namespace, so that pods have somewhere to go. */
export function ns(name: string, labels: Record<string, string> = {}): string {
  const labelText = Object.entries(labels).map(([k, v]) => `\n    ${k}: "${v}"`).join("");
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}${labelText ? `\n  labels:${labelText}` : ""}\n---\n`;
}
