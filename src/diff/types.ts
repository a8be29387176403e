// The data of the change plan: what applying the manifests would do to the
// cluster, object by object. Renderers (text, JSON) only read these.
import type { KubeObject, ManifestDocument } from "../types.js";
import type { ApplyMode } from "./apply-mode.js";
import type { Conflict } from "./managed-fields.js";

export type { Conflict } from "./managed-fields.js";

export type ChangeAction = "create" | "update" | "replace" | "delete" | "no-op";

/** One RFC 6902 operation (the shape fast-json-patch reads and writes). */
export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

/** One field that differs between the stored object and what the server would store after apply. */
export interface FieldDiff {
  /** kubectl-style path, list items named by their merge key: `spec.template.spec.containers[name=app].image`. */
  path: string;
  /** JSON pointer into the stored object (list items by their index there). */
  pointer: string;
  op: "add" | "remove" | "replace";
  /** Stored value (absent for `add`, and for secret values unless revealed). */
  from?: unknown;
  /** Value after apply (absent for `remove`, and for secret values unless revealed). */
  to?: unknown;
  /** A Secret value: printed as `(sensitive value changed)` unless `--show-secrets`. */
  sensitive?: boolean;
  /** The API server rejects this change on update: the object must be deleted and created again. */
  forcesReplacement?: boolean;
  /** Why, in kube-apiserver's words (`spec.selector: field is immutable`). */
  reason?: string;
}

export type RolloutKind =
  | "rolling-update"
  | "recreate"
  | "scale"
  | "on-delete"
  | "partitioned"
  | "paused"
  | "template-only"
  | "in-place"
  | "next-run"
  | "start"
  | "stop"
  | "replace";

/** What the change does to running pods. */
export interface RolloutNote {
  kind: RolloutKind;
  /** One line for the reviewer: `rolling update of 10 pods: up to 13 pods, at least 8 available`. */
  message: string;
  replicas?: number;
  /** Resolved maxSurge / maxUnavailable (Deployment, DaemonSet). */
  maxSurge?: number;
  maxUnavailable?: number;
  /** Most pods at once and fewest available pods during the rollout. */
  maxPods?: number;
  minAvailable?: number;
}

export interface Change {
  action: ChangeAction;
  apiVersion: string;
  kind: string;
  /** "" for cluster-scoped kinds. */
  namespace: string;
  name: string;
  /** RFC 6902 patch from the stored object to the object after apply (secret values masked unless revealed). */
  patch: PatchOperation[];
  /** Field-level differences, in object order. */
  fields: FieldDiff[];
  rollout?: RolloutNote;
  /** Consequences and remarks (`read by Deployment shop/web (env): ...`). */
  notes: string[];
  /** Fields another manager owns (`replicas managed by HorizontalPodAutoscaler web`). */
  managedBy: string[];
  /** Admission would deny it, with the API server's message. */
  denied?: string;
  /**
   * Server-side apply: fields other managers own that the apply changes. Without
   * `--force-conflicts` the apply fails on them (`failed` holds the API server's
   * message); with it, it takes them over.
   */
  conflicts?: Conflict[];
  /** The apply would fail: the API server's message (server-side apply conflicts). */
  failed?: string;
  /** The apiVersion the cluster stores it under, when not the manifest's. */
  currentApiVersion?: string;
  /** Stored object without server-set fields (for `--diff`); absent for creates. Secrets masked. */
  before?: KubeObject;
  /** Object after apply (for `--diff`); absent for deletes. Secrets masked. */
  after?: KubeObject;
  /** Where the manifest was written (creates, updates, replaces). Not enumerable: JSON output never carries the raw manifest. */
  document?: ManifestDocument;
}

export interface ChangeCounts {
  add: number;
  change: number;
  replace: number;
  destroy: number;
  unchanged: number;
  denied: number;
  /** Server-side applies that would fail on conflicts. */
  failed: number;
}

export interface ChangePlan {
  /** How the changes are applied: `kubectl apply`, server-side apply or `kubectl replace`. */
  applyMode: ApplyMode;
  /** The field manager the apply uses (kubectl's default for the mode unless given). */
  fieldManager: string;
  /** Every object, in application order (no-ops included; deletes last). */
  changes: Change[];
  counts: ChangeCounts;
  /** Plan-wide remarks (no snapshot given, objects defined twice...). */
  notes: string[];
  /** True when anything would be created, changed, replaced or deleted. */
  hasChanges: boolean;
}

/**
 * How lists and maps of one kind merge: the shape of its schema where it
 * matters for a diff. `undefined` children mean "no knowledge", not "atomic".
 */
export interface ShapeNode {
  /** For lists of objects merged by key (`x-kubernetes-list-map-keys` or the patch merge key). */
  listKeys?: readonly string[];
  /** `atomic` lists are replaced whole; `set` lists compare as sets of scalars. */
  listType?: "atomic" | "set" | "map";
  /** `atomic` maps are replaced whole (label selectors, nodeSelector). */
  mapType?: "atomic" | "granular";
  /** A map of arbitrary keys (labels, data, resource lists), not an object with declared fields. */
  isMap?: boolean;
  /**
   * `x-kubernetes-patch-strategy: retainKeys` (a Deployment's strategy, each
   * pod volume): after apply the object keeps only the keys the manifest sets.
   */
  retainKeys?: boolean;
  field(name: string): ShapeNode | undefined;
  /** The items of a list, or the values of a map. */
  item(): ShapeNode | undefined;
}

/** Where the diff learns list merge keys: the kind's schema shape, or undefined when unknown. */
export type MergeKeyLookup = (apiVersion: string, kind: string) => ShapeNode | undefined;
