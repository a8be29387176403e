// kubectl's name printer: `deployment.apps/web created`, `pod/nginx evicted`,
// with ` (dry run)` or ` (server dry run)` under --dry-run.
import { groupOf } from "../../inventory.js";
import type { KubeObject } from "../../types.js";
import { nameOf } from "../../util/object-access.js";
import type { DryRun } from "./command.js";
import { kindString } from "./resources.js";

/** What kubectl appends to its lines under --dry-run. */
export const DRY_RUN_SUFFIX: Readonly<Record<DryRun, string>> = { none: "", client: " (dry run)", server: " (server dry run)" };

export function printedObject(object: KubeObject, operation: string, dryRun: DryRun = "none"): string {
  return `${kindString({ kind: object.kind ?? "", group: groupOf(object.apiVersion) })}/${nameOf(object)} ${operation}${DRY_RUN_SUFFIX[dryRun]}`;
}
