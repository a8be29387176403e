// Manifests of workloads for the tests: valid unless a test's own lines break them.
import { yaml } from "../../helpers.js";

export const MISMATCH = "`selector` does not match template `labels`";

/** A container the pod validation accepts. */
export const CONTAINER = "{name: app, image: nginx:1.27}";

/** A selector and a template that match, as spec lines. */
export const SELECTED_TEMPLATE = ["selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`];

/** A workload whose spec is exactly the given lines (indented under `spec:`, from line 5). */
export function workload(apiVersion: string, kind: string, ...spec: string[]): string {
  return yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata: {name: web}", "spec:", ...spec.map((line) => "  " + line));
}

/** A valid workload of the kind, with more spec lines from line 9. */
export function valid(apiVersion: string, kind: string, ...spec: string[]): string {
  return workload(apiVersion, kind, ...SELECTED_TEMPLATE, ...spec);
}
