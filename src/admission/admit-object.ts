// Any other object of the inputs (and the claims StatefulSets create) through
// the API server: NamespaceLifecycle, DefaultStorageClass, LimitRanger for
// claims, PodSecurity warnings for workloads and namespaces, ResourceQuota.
import type { PlannedClaim } from "../expand/types.js";
import type { KubeObject, ManifestDocument } from "../types.js";
import { cloneJson, nameOf, stringOf } from "../util/object-access.js";
import { forbidden, groupResource } from "./api-errors.js";
import { defaultStorageClass } from "./plugins/DefaultStorageClass.js";
import { validateClaim } from "./plugins/LimitRanger.js";
import { checkNamespace } from "./plugins/NamespaceLifecycle.js";
import { checkNamespaceUpdate, checkWorkload, podTemplateOf } from "./plugins/PodSecurity.js";
import { evaluatorFor } from "./quota/evaluators.js";
import type { PlanState } from "./state.js";
import type { AdmittedClaim, AdmittedObject, Denial } from "./types.js";
import { appendAll } from "../util/append.js";

export interface ObjectOutcome extends AdmittedObject {
  denialPointer?: string;
  /** Where the warnings point (the pod template, the namespace's labels). */
  warningPointer?: string;
  audit?: string;
}

interface Request {
  object: KubeObject;
  namespace: string;
  name: string;
  resource: string;
  operation: "create" | "update";
  old?: KubeObject;
}

/** The quota pointer for an object: the field that consumes what was exceeded. */
function quotaPointer(object: KubeObject, resources: readonly string[]): string {
  if (object.kind === "PersistentVolumeClaim" && resources.some((r) => r.endsWith("requests.storage"))) return "/spec/resources/requests/storage";
  if (object.kind === "Service" && resources.some((r) => r === "services.loadbalancers" || r === "services.nodeports")) return "/spec/type";
  return "/metadata/name";
}

/** The plugins every request goes through, in order; returns the refusal, if any. */
function runPlugins(state: PlanState, request: Request, warnings: string[], note: { audit?: string; mutated: boolean }): { denial: Denial; pointer: string } | undefined {
  const { object, namespace, name, resource, operation } = request;
  if (namespace) {
    const missing = checkNamespace(state, namespace, operation, resource, name);
    if (missing) return { denial: { plugin: "NamespaceLifecycle", message: missing }, pointer: "/metadata/namespace" };
  }
  if (object.kind === "PersistentVolumeClaim") {
    if (operation === "create") note.mutated = defaultStorageClass(state, object) || note.mutated;
    const violation = validateClaim(object, state.limitRangesIn(namespace));
    if (violation) return { denial: { plugin: "LimitRanger", message: forbidden(resource, name, violation.message) }, pointer: violation.pointer };
  }
  if (namespace && podTemplateOf(object)) {
    const security = checkWorkload(state, namespace, object);
    appendAll(warnings, security.warnings);
    if (security.audit) note.audit = security.audit;
  }
  if (object.kind === "Namespace" && request.old) appendAll(warnings, checkNamespaceUpdate(state, request.old, object));
  if (namespace) {
    const evaluator = evaluatorFor(state.resourceOf(object));
    const quota = state.quotas.check(namespace, { operation, object, oldObject: request.old, evaluator });
    if (!quota.allowed) return { denial: { plugin: "ResourceQuota", message: forbidden(resource, name, quota.reason) }, pointer: quotaPointer(object, quota.resources) };
    quota.commit();
  }
  return undefined;
}

/** Admits one object of the inputs and, when admitted, records it for the requests that follow. */
export function admitObject(state: PlanState, document: ManifestDocument): ObjectOutcome {
  const object = cloneJson(document.object);
  const namespace = state.namespaceOf(object);
  if (namespace && !object.metadata?.namespace) object.metadata = { ...(object.metadata ?? {}), namespace };
  const name = nameOf(object) || (stringOf(object.metadata?.generateName) ?? "");
  const rn = state.resourceOf(object);
  const old = state.existing(object);
  const request: Request = { object, namespace, name, resource: groupResource(rn.resource, rn.group), operation: old ? "update" : "create", old };
  const warnings: string[] = [];
  const note: { audit?: string; mutated: boolean } = { mutated: false };
  const refused = runPlugins(state, request, warnings, note);
  const outcome: ObjectOutcome = {
    document,
    apiVersion: stringOf(object.apiVersion) ?? "",
    kind: stringOf(object.kind) ?? "",
    namespace, name, operation: request.operation,
    admitted: !refused, warnings, object, mutated: note.mutated,
  };
  if (refused) {
    outcome.denial = refused.denial;
    outcome.denialPointer = refused.pointer;
    return outcome;
  }
  if (note.audit) outcome.audit = note.audit;
  const template = podTemplateOf(object);
  outcome.warningPointer = object.kind === "Namespace" ? "/metadata/labels/pod-security.kubernetes.io~1enforce" : template?.pointer ?? "";
  state.record(object);
  if (namespace) state.quotas.recordObject(namespace, object);
  if (object.kind === "ResourceQuota") state.quotas.addFromInput(object, namespace, document);
  return outcome;
}

export interface ClaimOutcome extends AdmittedClaim {
  denialPointer?: string;
  source: PlannedClaim["source"];
}

/** A claim of a StatefulSet's volumeClaimTemplates, created before its pod. */
export function admitClaim(state: PlanState, planned: PlannedClaim): ClaimOutcome {
  const claim = cloneJson(planned.claim);
  const namespace = state.namespaceOf(claim);
  const name = nameOf(claim);
  const outcome: ClaimOutcome = { claim, owner: planned.owner, podName: planned.podName, admitted: true, source: planned.source };
  if (state.claim(namespace, name)) return outcome;
  const note = { mutated: false };
  const refused = runPlugins(state, { object: claim, namespace, name, resource: "persistentvolumeclaims", operation: "create" }, [], note);
  if (refused) {
    outcome.admitted = false;
    outcome.denial = refused.denial;
    // Claim template pointers are relative to the template, whose spec is the claim's spec.
    outcome.denialPointer = refused.pointer === "/metadata/name" ? "/metadata/name" : refused.pointer;
    return outcome;
  }
  state.record(claim);
  state.quotas.recordObject(namespace, claim);
  return outcome;
}
