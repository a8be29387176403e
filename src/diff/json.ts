// The JSON form of a change: the contract fields (action, apiVersion, kind,
// namespace, name, patch) plus the field diff and the rollout note, without
// the before/after objects kept for the `--diff` view.
import type { Change } from "./types.js";

export interface ChangeJson {
  action: Change["action"];
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  patch: Change["patch"];
  fields: Change["fields"];
  rollout?: Change["rollout"];
  notes?: string[];
  managedBy?: string[];
  denied?: string;
  conflicts?: Change["conflicts"];
  failed?: string;
  currentApiVersion?: string;
}

export function changeToJson(change: Change): ChangeJson {
  const out: ChangeJson = {
    action: change.action,
    apiVersion: change.apiVersion,
    kind: change.kind,
    namespace: change.namespace,
    name: change.name,
    patch: change.patch,
    fields: change.fields,
  };
  if (change.rollout) out.rollout = change.rollout;
  if (change.notes.length > 0) out.notes = change.notes;
  if (change.managedBy.length > 0) out.managedBy = change.managedBy;
  if (change.denied !== undefined) out.denied = change.denied;
  if (change.conflicts) out.conflicts = change.conflicts;
  if (change.failed !== undefined) out.failed = change.failed;
  if (change.currentApiVersion !== undefined) out.currentApiVersion = change.currentApiVersion;
  return out;
}
