// One object: what applying its manifest does to the stored object.
import type { KubeObject, ManifestDocument } from "../types.js";
import { applySchemaDefaults, setObjectDefaults } from "../apiserver/defaults/index.js";
import { dropTypeDependentFields } from "../apiserver/registry/service-strategy.js";
import { diffObjects, type RawDiff } from "./field-diff.js";
import { canonicalGroup } from "./identity.js";
import { isBuiltInGroup } from "../util/api-values.js";
import { replacementReason, type ImmutabilityContext } from "./immutable.js";
import { convertToStoredVersion } from "./legacy-versions.js";
import { mergeDesired, type Removal } from "./merge.js";
import { fieldManagerOf, type ApplyOptions } from "./apply-mode.js";
import { conflictMessage, findConflicts, managedFieldsOf, ownershipRemoval, type Conflict, type ManagedFieldsEntry } from "./managed-fields.js";
import { dropOmittedZeros } from "./omitempty.js";
import { ownedFields, withoutAdmissionTolerations } from "./owned-fields.js";
import { displayPath } from "./path.js";
import { foldStringData, maskFieldDiffs, maskForDisplay, maskPatch } from "./secrets.js";
import { comparableBody, lastAppliedOf, withIdentity } from "./server-fields.js";
import type { Change, ChangeAction, FieldDiff, PatchOperation, ShapeNode } from "./types.js";
import { orderLike } from "./values.js";
import { cloneWithoutNulls, isRecord, objectAt, type JsonRecord } from "../util/object-access.js";
import { isSecretKind } from "../util/secret-values.js";

export interface Identity {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface CompareContext {
  apply: ApplyOptions;
  kubernetesVersion: string;
  showSecrets: boolean;
  shapeOf: (apiVersion: string, kind: string) => ShapeNode;
  /** HPA names by `namespace|kind|name` of their scale target. */
  autoscalers: ReadonlyMap<string, string>;
  /** The CRD schema of a custom resource (`group/version`, kind), for its defaults. */
  crdSchemaOf?: (apiVersion: string, kind: string) => object | undefined;
}

/** API defaults for built-in kinds, structural schema defaults for custom resources. */
function defaultObject(body: JsonRecord, identity: Identity, context: CompareContext): void {
  setObjectDefaults(body, { ...identity, kubernetesVersion: context.kubernetesVersion });
  const crdSchema = context.crdSchemaOf?.(identity.apiVersion, identity.kind);
  if (crdSchema) {
    try {
      applySchemaDefaults(body, crdSchema);
    } catch {
      // A schema that cannot be walked adds no defaults.
    }
  }
}

/** The body a manifest stores, in the stored object's API version. */
function desiredBody(object: KubeObject, storedApiVersion: string, context: CompareContext): JsonRecord {
  const body = comparableBody(object);
  if (object.kind === "Secret") foldStringData(body);
  if (typeof object.apiVersion === "string") convertToStoredVersion(body, object.kind ?? "", object.apiVersion, storedApiVersion);
  // Custom resources are stored as sent; built-in kinds go through Go structs.
  if (context.crdSchemaOf?.(storedApiVersion, object.kind ?? "") === undefined && isBuiltInGroup(canonicalGroup(storedApiVersion, object.kind))) {
    dropOmittedZeros(body, context.shapeOf(storedApiVersion, object.kind ?? ""));
  }
  return body;
}

/**
 * The stored object as the API server returns it: a Secret's `stringData`
 * (which a snapshot written from manifests may hold) folded into `data`, an
 * empty value stored as null read as "", and the API defaults of this release
 * filled in (the server defaults objects when it reads them). A copy: the
 * snapshot is shared.
 */
function storedBody(stored: KubeObject, identity: Identity, context: CompareContext): JsonRecord {
  let body = comparableBody(stored, "shared");
  if (isSecretKind(identity.kind)) body = secretAsStored(body);
  const copy = cloneWithoutNulls(body);
  defaultObject(copy, identity, context);
  return copy;
}

/** A Secret body with stringData folded and null data values read as empty (a copy of what changes). */
function secretAsStored(body: JsonRecord): JsonRecord {
  const out: JsonRecord = { ...body };
  if (isRecord(body.data)) out.data = Object.fromEntries(Object.entries(body.data).map(([key, value]) => [key, value ?? ""]));
  if (isRecord(body.stringData)) out.stringData = { ...body.stringData };
  foldStringData(out);
  return out;
}

function lastAppliedBody(stored: KubeObject): JsonRecord | undefined {
  const recorded = lastAppliedOf(stored);
  if (!recorded) return undefined;
  // Freshly parsed from the annotation: stripped in place rather than copied.
  const body = comparableBody(recorded, "inPlace");
  if (stored.kind === "Secret") foldStringData(body);
  return body;
}

function toFieldDiff(raw: RawDiff, reason: string | undefined): FieldDiff {
  const field: FieldDiff = { path: displayPath(raw.path), pointer: raw.pointer, op: raw.op };
  if (raw.from !== undefined) field.from = raw.from;
  if (raw.to !== undefined) field.to = raw.to;
  if (reason) {
    field.forcesReplacement = true;
    field.reason = reason;
  }
  return field;
}

/** The before/after objects shown by `--diff`; copies only where secret values must be masked. */
function maskedObjects(kind: string, before: JsonRecord | undefined, after: JsonRecord | undefined, showSecrets: boolean) {
  if (!isSecretKind(kind) || showSecrets) return { before, after };
  const b = before ? cloneWithoutNulls(before) : undefined;
  const a = after ? cloneWithoutNulls(after) : undefined;
  maskForDisplay(b, a);
  return { before: b, after: a };
}

function finishPatch(kind: string, patch: PatchOperation[], showSecrets: boolean): PatchOperation[] {
  return isSecretKind(kind) && !showSecrets ? maskPatch(patch) : patch;
}

/**
 * Keeps where the manifest was written on the change without serialising it:
 * the document holds the raw manifest, Secret values included.
 */
function attachDocument(change: Change, document: ManifestDocument): void {
  Object.defineProperty(change, "document", { value: document, enumerable: false, writable: true, configurable: true });
}

function baseChange(action: ChangeAction, identity: Identity): Change {
  return { action, ...identity, patch: [], fields: [], notes: [], managedBy: [] };
}

/** A manifest with nothing stored under its identity. */
export function planCreate(object: KubeObject, identity: Identity, context: CompareContext, document?: ManifestDocument): { change: Change; next: JsonRecord } {
  const next = desiredBody(object, identity.apiVersion, context);
  defaultObject(next, identity, context);
  const change = baseChange("create", identity);
  const shown = maskedObjects(identity.kind, undefined, next, context.showSecrets);
  change.after = withIdentity(shown.after!, identity);
  change.patch = finishPatch(identity.kind, [{ op: "add", path: "", value: withIdentity(next, identity) }], context.showSecrets);
  if (document) attachDocument(change, document);
  return { change, next };
}

/** A stored object the manifests no longer define (`--prune`). */
export function planDelete(stored: KubeObject, identity: Identity, context: CompareContext): { change: Change; current: JsonRecord } {
  const current = comparableBody(stored, "shared");
  const change = baseChange("delete", identity);
  const shown = maskedObjects(identity.kind, current, undefined, context.showSecrets);
  change.before = withIdentity(shown.before!, identity);
  return { change, current };
}

export interface UpdatePlan {
  change: Change;
  current: JsonRecord;
  next: JsonRecord;
}

/**
 * kubectl apply always sends annotations (its own last-applied one among
 * them), so the stored annotations merge key by key even when the manifest
 * has none: only those the last apply recorded can go.
 */
function withAnnotations(desired: JsonRecord, current: JsonRecord): JsonRecord {
  const metadata = isRecord(desired.metadata) ? desired.metadata : {};
  if (isRecord(metadata.annotations) || !isRecord(objectAt(current, "metadata")?.annotations)) return desired;
  return { ...desired, metadata: { ...metadata, annotations: {} } };
}

/** Which fields only the stored object has the apply removes, by how it is applied. */
function removalOf(apply: ApplyOptions, lastApplied: JsonRecord | undefined, managedFields: readonly ManagedFieldsEntry[]): Removal {
  if (apply.mode === "replace") return { kind: "all" };
  if (apply.mode === "server-side") return ownershipRemoval(managedFields, fieldManagerOf(apply));
  return { kind: "original", original: lastApplied };
}

/** Conflicts fail a server-side apply, unless forced: then the apply takes the fields over. */
function markConflicts(change: Change, conflicts: Conflict[], apply: ApplyOptions): void {
  if (conflicts.length === 0) return;
  change.conflicts = conflicts;
  if (apply.forceConflicts) change.notes.push(`--force-conflicts takes over ${conflicts.length === 1 ? "1 field" : `${conflicts.length} fields`} from other managers: ${conflicts.map((c) => c.field).join(", ")}`);
  else change.failed = conflictMessage(conflicts);
}

/** A manifest against the object stored under its identity: update, replace or no-op. */
export function planUpdate(object: KubeObject, stored: KubeObject, identity: Identity, context: CompareContext, document?: ManifestDocument): UpdatePlan {
  const storedApiVersion = typeof stored.apiVersion === "string" ? stored.apiVersion : identity.apiVersion;
  const desired = desiredBody(object, storedApiVersion, context);
  const storedIdentity = { ...identity, apiVersion: storedApiVersion };
  let current = storedBody(stored, storedIdentity, context);
  if (identity.kind === "Pod") current = withoutAdmissionTolerations(current, desired);
  const lastApplied = lastAppliedBody(stored);
  const shape = context.shapeOf(storedApiVersion, identity.kind);
  const autoscaler = context.autoscalers.get(`${identity.namespace}|${identity.kind}|${identity.name}`);
  const mode = context.apply.mode;
  const managedFields = mode === "server-side" ? managedFieldsOf(stored, shape) : [];
  const owned = ownedFields({ kind: identity.kind, desired, current, lastApplied, autoscaler, applyMode: mode });
  const removal = removalOf(context.apply, lastApplied, managedFields);
  const applied = mode === "client" ? withAnnotations(desired, current) : desired;
  const next = mergeDesired({ current, desired: applied, removal, shape, owned: owned.patterns, kind: identity.kind });
  if (identity.kind === "Service" && canonicalGroup(storedApiVersion, identity.kind) === "") dropTypeDependentFields(next, current);
  defaultObject(next, storedIdentity, context);
  const { diffs, patch } = diffObjects(current, next, desired, shape);

  const immutability: ImmutabilityContext = {
    kind: identity.kind,
    group: canonicalGroup(storedApiVersion, identity.kind),
    stored: isRecord(stored) ? (stored as JsonRecord) : {},
    current,
    next,
    kubernetesVersion: context.kubernetesVersion,
  };
  let fields = diffs.map((raw) => toFieldDiff(raw, replacementReason(raw, immutability)));
  if (isSecretKind(identity.kind) && !context.showSecrets) fields = maskFieldDiffs(fields);
  const action: ChangeAction = fields.length === 0 ? "no-op" : fields.some((f) => f.forcesReplacement) ? "replace" : "update";

  const change = baseChange(action, identity);
  change.fields = fields;
  change.patch = finishPatch(identity.kind, patch, context.showSecrets);
  change.managedBy = owned.managedBy;
  if (mode === "server-side") markConflicts(change, findConflicts(current, desired, shape, managedFields, fieldManagerOf(context.apply)), context.apply);
  if (storedApiVersion !== identity.apiVersion) change.currentApiVersion = storedApiVersion;
  // An unchanged object has nothing to show in `--diff`.
  if (action !== "no-op") {
    const shown = maskedObjects(identity.kind, current, orderLike(next, current) as JsonRecord, context.showSecrets);
    change.before = withIdentity(shown.before!, { ...identity, apiVersion: storedApiVersion });
    change.after = withIdentity(shown.after!, identity);
  }
  if (document) attachDocument(change, document);
  return { change, current, next };
}
