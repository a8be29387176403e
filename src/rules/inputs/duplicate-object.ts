// The same object (API group, kind, namespace, name) defined twice in the
// inputs: applying them, the later definition silently replaces the earlier.
// In one directory that is a mistake; across directories it is more often
// one object per environment (overlays, clusters), applied separately: a warning.
import { dirname } from "node:path";
import type { ManifestDocument } from "../../types.js";
import type { Rule } from "../types.js";
import { goJson } from "../support/field-errors.js";
import { reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, stringOf } from "../../util/object-access.js";

function describe(document: ManifestDocument, namespace: string): string {
  const { object } = document;
  const group = apiGroup(object.apiVersion);
  const kind = group ? `${object.kind}.${group}` : object.kind;
  const where = namespace ? ` in namespace "${namespace}"` : "";
  return `${kind} "${stringOf(dig(object, "metadata", "name"))}"${where}`;
}

/** Same content whatever the order of the keys. */
function sameContent(a: unknown, b: unknown): boolean {
  return goJson(a) === goJson(b);
}

export const inputsDuplicateObject: Rule = {
  id: "inputs/duplicate-object",
  severity: "error",
  description: "An object (group, kind, namespace, name) must be defined once in the inputs (a warning when the copies are in different directories).",
  usesInventory: true,
  check(document, context) {
    const { inventory } = context;
    const name = stringOf(dig(document.object, "metadata", "name"));
    if (!name) return [];
    const first = inventory.sameIdentity(document.object).find((entry) => entry.source === "input" && entry.document);
    if (!first?.document || first.document === document || first.object === document.object) return [];
    // Where the first copy starts: known exactly wherever that document was parsed.
    const at = first.document.locate("");
    const identical = sameContent(first.object, document.object) ? "an identical copy" : "a different definition; applying both, this one replaces it";
    const message = `${describe(document, inventory.namespaceOf(document.object))} is already defined at ${first.document.file}:${at.line} (${identical})`;
    if (dirname(first.document.file) === dirname(document.file)) return [reportAt(["metadata", "name"], message)];
    return [reportAt(["metadata", "name"], `${message}; they are in different directories: fine if they are never applied together`, { severity: "warning" })];
  },
};
