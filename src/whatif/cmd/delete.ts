// `kubectl delete TYPE NAME... | TYPE/NAME... | TYPE (-l SELECTOR | --all) [-A]`
// (k8s.io/kubectl/pkg/cmd/delete): kubectl's flags, defaults, words and
// errors; each object deleted by the API server with the --cascade policy,
// then what the controllers do after it: the garbage collector's cascade, a
// Namespace's content, the volumes of deleted claims, controllers putting
// back what they own, Services left without endpoints, finalizers that keep
// what is deleted.
import type { KubeObject } from "../../types.js";
import { appendAll } from "../../util/append.js";
import { matchesRequirements, parseSelectorRequirements, type SelectorRequirement } from "../../util/label-selector.js";
import { nameOf, stringMapOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";
import { emptiedServices } from "../controller/endpoints.js";
import { holdingFinalizers } from "../controller/finalizers.js";
import { GarbageCollector, type PropagationPolicy } from "../controller/garbage-collector.js";
import { deleteAllContent, namespaceDeletionNote } from "../controller/namespace-deleter.js";
import { controllerRefOf, objectPath, resolveOwner, topController } from "../controller/owner.js";
import { reclaimVolumes } from "../controller/persistent-volume.js";
import { claimOwnerReferences, claimsOfStatefulSet, whenDeletedOf } from "../controller/stateful-set-claims.js";
import { COMMON_FLAGS, type CommandContext, type CommandResult, type Verb } from "../kubectl/command.js";
import { filenameArguments } from "../kubectl/filename-arguments.js";
import { BOOL_TEXT, boolFlag, intFlag, listFlag, stringFlag, type ParsedFlags } from "../kubectl/flags.js";
import { DRY_RUN_SUFFIX } from "../kubectl/printed.js";
import { parseGoDuration } from "../../util/go-duration.js";
import { qualifiedResource, resourceArguments, resourceTypesArgument } from "../kubectl/resource-arguments.js";
import { kindString, type ResourceType } from "../kubectl/resources.js";
import type { WorkingCluster } from "../working-cluster.js";

const CASCADE_VALUES: Record<string, PropagationPolicy> = { background: "Background", foreground: "Foreground", orphan: "Orphan" };

const IMMEDIATE_DELETION_WARNING = "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.";
const CLUSTER_SCOPE_WARNING = "Warning: deleting cluster-scoped resources, not scoped to the provided namespace";
/** Controllers kubectl scale can size down. */
const SCALABLE_KINDS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"]);

/** parseCascadingFlag: a policy, or a boolean kubectl still takes with a warning. */
function cascadeOf(parsed: ParsedFlags, output: string[]): PropagationPolicy {
  const text = stringFlag(parsed, "cascade");
  const bool = BOOL_TEXT[text];
  if (bool !== undefined) {
    output.push(`warning: --cascade=${text} is deprecated (boolean value) and can be replaced with --cascade=${bool ? "background" : "orphan"}.`);
    return bool ? "Background" : "Orphan";
  }
  const policy = CASCADE_VALUES[text];
  if (!policy) throw new UsageError(`invalid cascade value (${text}). Must be "background", "foreground", or "orphan"`);
  return policy;
}

/** Complete's grace period: --now is 1, 0 without --force is 1, --force alone is 0. */
function gracePeriodOf(parsed: ParsedFlags): number {
  let grace = intFlag(parsed, "grace-period");
  const force = boolFlag(parsed, "force");
  if (boolFlag(parsed, "now")) {
    if (grace !== -1) throw new UsageError("--now and --grace-period cannot be specified together");
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return grace;
}

interface Target {
  type: ResourceType;
  name: string;
  /** The stored object; undefined for a missing one a client dry run prints anyway. */
  object?: KubeObject;
  namespace: string;
}

function selectorOf(parsed: ParsedFlags): SelectorRequirement[] {
  try {
    return parseSelectorRequirements(stringFlag(parsed, "selector"));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The resource builder's checks of the arguments, in its order. */
function checkArguments(args: readonly string[], parsed: ParsedFlags): boolean {
  if (args.length === 0) throw new UsageError("You must provide one or more resources by argument or filename.");
  const named = args.length > 1 || args[0]!.includes("/");
  const all = boolFlag(parsed, "all");
  const selector = stringFlag(parsed, "selector") !== "";
  if (named && (all || selector)) throw new UsageError("name cannot be provided when a selector is specified");
  if (named && boolFlag(parsed, "all-namespaces")) throw new UsageError("a resource cannot be retrieved by name across all namespaces");
  if (!named && all && selector) throw new UsageError("setting 'all' parameter but found a non empty selector.");
  if (!named && !all && !selector) throw new UsageError("resource(s) were provided, but no name was specified");
  return named;
}

/** A named object, or kubectl's NotFound (none under --ignore-not-found; a client dry run prints it anyway). */
function lookUp(ctx: CommandContext, parsed: ParsedFlags, type: ResourceType, name: string, namespace: string, source?: string): { target?: Target; error?: string } {
  const object = ctx.cluster.get(type.group, type.kind, namespace, name);
  if (object || ctx.dryRun === "client") return { target: { type, name, object, namespace } };
  if (boolFlag(parsed, "ignore-not-found")) return {};
  return { error: `Error from server (NotFound): ${source ? `error when deleting "${source}": ` : ""}${qualifiedResource(type, name)} not found` };
}

/** The objects of -f, in the files' order, and the errors for those missing or of kinds nothing serves. */
function fileTargets(ctx: CommandContext, parsed: ParsedFlags): { targets: Target[]; errors: string[] } {
  if (parsed.args.length > 0) throw new UsageError("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well");
  if (boolFlag(parsed, "all") || stringFlag(parsed, "selector") !== "") throw new UsageError("-f with -l or --all is not supported by what-if: give one or the other");
  const targets: Target[] = [];
  const errors: string[] = [];
  for (const entry of filenameArguments(ctx, listFlag(parsed, "filename"))) {
    if ("error" in entry) {
      errors.push(entry.error);
      continue;
    }
    const { type, name, namespace, source } = entry.object;
    const { target, error } = lookUp(ctx, parsed, type, name, namespace, source);
    if (target) targets.push(target);
    if (error) errors.push(error);
  }
  return { targets, errors };
}

/** The objects the arguments name or select; NotFound errors for the named ones that are missing. */
function selectTargets(ctx: CommandContext, parsed: ParsedFlags, named: boolean): { targets: Target[]; errors: string[] } {
  const targets: Target[] = [];
  const errors: string[] = [];
  if (named) {
    for (const { type, name } of resourceArguments(ctx, parsed.args)) {
      const { target, error } = lookUp(ctx, parsed, type, name, type.namespaced ? ctx.namespace : "");
      if (target) targets.push(target);
      if (error) errors.push(error);
    }
    return { targets, errors };
  }
  const requirements = selectorOf(parsed);
  const everywhere = boolFlag(parsed, "all-namespaces");
  for (const type of resourceTypesArgument(ctx, parsed.args[0]!)) {
    for (const object of ctx.cluster.list(type.group, type.kind, type.namespaced && !everywhere ? ctx.namespace : undefined)) {
      if (matchesRequirements(requirements, stringMapOf(object.metadata?.labels))) targets.push({ type, name: nameOf(object), object, namespace: ctx.cluster.namespaceOf(object) });
    }
  }
  return { targets, errors };
}

/** PrintObj: `deployment.apps "web" deleted from shop namespace`, or `deployment.apps/web` with -o name. */
function deletedLine(ctx: CommandContext, target: Target, grace: number, parsed: ParsedFlags): string {
  const kind = kindString(target.type);
  if (stringFlag(parsed, "output") === "name") return `${kind}/${target.name}`;
  const operation = grace === 0 ? "force deleted" : "deleted";
  const from = target.namespace === "" ? "" : ` from ${target.namespace} namespace`;
  return `${kind} "${target.name}" ${operation}${from}${DRY_RUN_SUFFIX[ctx.dryRun]}`;
}

/** The controllers that create again what is deleted from under them, by the kind they create (a CronJob waits for its schedule). */
const RECREATED_BY: Readonly<Record<string, readonly string[]>> = {
  Pod: ["ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet", "Job"],
  ReplicaSet: ["Deployment"],
};

/** Controllers that put back what was deleted from under them: they are written unchanged, so the plan recreates and schedules it. */
function replacements(cluster: WorkingCluster, deleted: readonly KubeObject[], command: number): string[] {
  const notes: string[] = [];
  const replaced = new Set<KubeObject>();
  for (const object of deleted) {
    const ref = controllerRefOf(object);
    const owner = ref && RECREATED_BY[object.kind ?? ""]?.includes(String(ref.kind)) ? resolveOwner(cluster, object, ref) : undefined;
    const top = owner ? topController(cluster, object) : undefined;
    if (!owner || !top) continue;
    if (!replaced.has(top)) cluster.update(top, command);
    replaced.add(top);
    const scalable = SCALABLE_KINDS.has(top.kind ?? "");
    const remove = top === owner ? (scalable ? "scale it down or delete it" : "delete it") : `${scalable ? "scale down or delete" : "delete"} ${objectPath(cluster, top)}`;
    notes.push(`${objectPath(cluster, object)}: ${objectPath(cluster, owner)} creates a new one in its place (the plan schedules it); to remove it for good, ${remove}`);
  }
  return notes;
}

/** What happens to the claims of the StatefulSets deleted. */
function statefulSetClaimNotes(cluster: WorkingCluster, collector: GarbageCollector): string[] {
  const deletedClaims = collector.deleted.filter((o) => o.kind === "PersistentVolumeClaim");
  return collector.deleted
    .filter((o) => o.kind === "StatefulSet")
    .flatMap((set) => {
      const policy = whenDeletedOf(set);
      const claims = policy === "Delete" ? claimsOfStatefulSet(cluster, set, deletedClaims) : claimsOfStatefulSet(cluster, set);
      if (claims.length === 0) return [];
      const names = claims.map(nameOf).join(", ");
      const fate = policy === "Delete" ? "deleted with it" : "kept";
      return [`${objectPath(cluster, set)}: its PersistentVolumeClaims ${names} are ${fate} (persistentVolumeClaimRetentionPolicy.whenDeleted: ${policy})`];
    });
}

/** The deletion itself and what the controllers do after it, as notes. */
function deleteObjects(ctx: CommandContext, objects: readonly KubeObject[], policy: PropagationPolicy, wait: boolean): string[] {
  const cluster = ctx.cluster;
  const collector = new GarbageCollector(cluster, ctx.index, claimOwnerReferences(cluster));
  const reason = `deleted by kubectl delete --cascade=${policy.toLowerCase()}`;
  const namespaces: Array<{ namespace: KubeObject; content: KubeObject[] }> = [];
  for (const object of objects) {
    collector.delete(object, policy, reason);
    if (object.kind === "Namespace" && object.apiVersion === "v1") namespaces.push({ namespace: object, content: deleteAllContent(cluster, collector, object) });
  }
  collector.run();
  const notes = [...collector.notes];
  // A claim its finalizers hold keeps its volume bound: the volume is reclaimed only once the claim is gone.
  const claimsGone = collector.deleted.filter((o) => o.kind === "PersistentVolumeClaim" && holdingFinalizers(cluster, o).length === 0);
  const volumes = reclaimVolumes(cluster, claimsGone, ctx.index);
  appendAll(notes, statefulSetClaimNotes(cluster, collector));
  appendAll(notes, volumes.notes);
  appendAll(notes, replacements(cluster, objects, ctx.index));
  appendAll(notes, emptiedServices(cluster, collector.deleted).map((service) => `warning: ${objectPath(cluster, service)} selects no pod any more: its endpoints go empty, and connections to it fail`));
  const held = new Map<KubeObject, ReturnType<typeof holdingFinalizers>>();
  for (const object of [...collector.deleted, ...volumes.deleted]) {
    const finalizers = holdingFinalizers(cluster, object);
    if (finalizers.length === 0) continue;
    held.set(object, finalizers);
    for (const { finalizer, why } of finalizers) notes.push(`${objectPath(cluster, object)} stays Terminating: finalizer ${finalizer} holds it ${why}`);
  }
  for (const { namespace, content } of namespaces) {
    const heldContent = content.flatMap((object) => (held.has(object) ? [{ object, finalizers: held.get(object)! }] : []));
    notes.push(namespaceDeletionNote(namespace, heldContent, content.length, ctx.types));
    if (heldContent.length > 0 && !held.has(namespace)) held.set(namespace, []);
  }
  const waited = objects.filter((o) => held.has(o));
  if (wait && waited.length > 0) {
    notes.push(`kubectl delete waits (--wait) for ${waited.map((o) => objectPath(cluster, o)).join(", ")} to be gone: it does not return while finalizers hold ${waited.length === 1 ? "it" : "them"}, unless --timeout passes`);
  }
  return notes;
}

export const deleteVerb: Verb = {
  name: "delete",
  flags: [
    ...COMMON_FLAGS,
    { name: "selector", short: "l", type: "string" },
    { name: "all", type: "bool" },
    { name: "all-namespaces", short: "A", type: "bool" },
    { name: "cascade", type: "string", default: "background", noOptDefVal: "background" },
    { name: "grace-period", type: "int", default: -1 },
    { name: "now", type: "bool" },
    { name: "force", type: "bool" },
    { name: "wait", type: "bool", default: true },
    { name: "timeout", type: "string", default: "0s" },
    { name: "ignore-not-found", type: "bool" },
    { name: "field-selector", type: "string", unsupported: "select the objects with -l or name them" },
    { name: "filename", short: "f", type: "stringSlice" },
    { name: "kustomize", short: "k", type: "string", unsupported: "render it first (kubectl kustomize DIR > FILE) and give -f FILE" },
    { name: "recursive", short: "R", type: "bool", unsupported: "give each directory with -f" },
    { name: "raw", type: "string", unsupported: "a raw request names no object the plan knows" },
    { name: "interactive", short: "i", type: "bool", unsupported: "it asks on a terminal before deleting" },
  ],
  run(ctx, parsed): CommandResult {
    const output: string[] = [];
    const policy = cascadeOf(parsed, output);
    const grace = gracePeriodOf(parsed);
    const timeout = stringFlag(parsed, "timeout");
    if (parseGoDuration(timeout) === undefined) throw new UsageError(`invalid argument "${timeout}" for "--timeout" flag: time: invalid duration "${timeout}"`);
    const fromFiles = listFlag(parsed, "filename").length > 0;
    const named = fromFiles || checkArguments(parsed.args, parsed);
    const format = stringFlag(parsed, "output");
    if (format !== "" && format !== "name") throw new UsageError(`unexpected -o output mode: ${format}. We only support '-o name'`);
    const force = boolFlag(parsed, "force");
    if (force && grace > 0) throw new UsageError("--force and --grace-period greater than 0 cannot be specified together");
    if (force && grace === 0) output.push(IMMEDIATE_DELETION_WARNING);
    const { targets, errors } = fromFiles ? fileTargets(ctx, parsed) : selectTargets(ctx, parsed, named);
    let warnClusterScope = ctx.enforceNamespace && !boolFlag(parsed, "all-namespaces");
    for (const target of targets) {
      if (warnClusterScope && !target.type.namespaced) {
        output.push(CLUSTER_SCOPE_WARNING);
        warnClusterScope = false;
      }
      output.push(deletedLine(ctx, target, grace, parsed));
    }
    if (targets.length === 0 && errors.length === 0 && !named) output.push("No resources found");
    const result: CommandResult = { output, notes: [] };
    if (errors.length > 0) result.error = errors.join("\n");
    if (ctx.dryRun !== "none") return result;
    const objects = targets.flatMap((t) => (t.object ? [t.object] : []));
    if (objects.length > 0) result.notes = deleteObjects(ctx, objects, policy, boolFlag(parsed, "wait"));
    return result;
  },
};
