// `kubectl drain NODE | -l SELECTOR` (k8s.io/kubectl/pkg/cmd/drain, pkg/drain):
// the node cordoned, its pods filtered as kubectl filters them (DaemonSet,
// mirror, emptyDir and unmanaged pods), then evicted one by one through the
// eviction API, which checks each against its PodDisruptionBudget. The
// controllers' replacements of evicted pods are planned: admitted and
// scheduled on the nodes left.
import type { KubeObject } from "../../types.js";
import { matchesRequirements, parseSelectorRequirements, type SelectorRequirement } from "../../util/label-selector.js";
import { dig, nameOf, stringMapOf, stringOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";
import { evictInRounds, isReplaced, podPath, type EvictionAttempt } from "../drain/evictions.js";
import { emptyDirVolumes, filterPod, groupByMessage, makeFilters, type PodDeleteStatus } from "../drain/filters.js";
import type { EvictionEntry } from "../drain/types.js";
import { formatGoDuration, parseGoDuration } from "../../util/go-duration.js";
import type { CommandContext, CommandResult, Verb } from "../kubectl/command.js";
import { boolFlag, intFlag, stringFlag, type ParsedFlags } from "../kubectl/flags.js";
import { DRY_RUN_SUFFIX, printedObject } from "../kubectl/printed.js";
import { cordonOrUncordon, NODE_FLAGS, selectNodes } from "./cordon.js";
import { appendAll } from "../../util/append.js";
import { controllerRefOf, topController } from "../controller/owner.js";

interface FilteredPod {
  pod: KubeObject;
  status: PodDeleteStatus;
}

/** aggregate.Error(): one message as is, several in brackets. */
function aggregate(messages: readonly string[]): string {
  return messages.length === 1 ? messages[0]! : `[${messages.join(", ")}]`;
}

/** CheckErr of the nodes' errors: an aggregate of one is unwrapped, an aggregate's errors go one a line. */
function checkErrLines(errors: ReadonlyArray<readonly string[]>): string[] {
  const lines = errors.length === 1 ? errors[0]! : errors.map(aggregate);
  return lines.map((line, i) => (i === 0 ? `error: ${line}` : line));
}

function ownerOf(pod: KubeObject): string | null {
  const ref = controllerRefOf(pod);
  return ref ? `${stringOf(ref.kind) ?? ""}/${stringOf(ref.name) ?? ""}` : null;
}

/** GetPodsForDeletion: the node's pods (all namespaces, --pod-selector), each through the filters. */
function podsForDeletion(ctx: CommandContext, node: KubeObject, parsed: ParsedFlags): FilteredPod[] {
  const requirements = podSelectorOf(parsed);
  const filters = makeFilters(ctx.cluster, {
    force: boolFlag(parsed, "force"),
    ignoreAllDaemonSets: boolFlag(parsed, "ignore-daemonsets"),
    deleteEmptyDirData: boolFlag(parsed, "delete-emptydir-data"),
    skipWaitForDeleteTimeoutSeconds: intFlag(parsed, "skip-wait-for-delete-timeout"),
    now: ctx.now,
  });
  return ctx.cluster
    .list("", "Pod")
    .filter((pod) => dig(pod, "spec", "nodeName") === nameOf(node) && matchesRequirements(requirements, stringMapOf(pod.metadata?.labels)))
    .map((pod) => ({ pod, status: filterPod(pod, filters) }));
}

function entryOf(node: KubeObject, { pod, status }: FilteredPod, attempt: EvictionAttempt | undefined, disableEviction: boolean): EvictionEntry {
  const entry: EvictionEntry = { namespace: stringOf(pod.metadata?.namespace) ?? "", name: nameOf(pod), node: nameOf(node), owner: ownerOf(pod), verdict: "evicted" };
  if (!status.delete) {
    entry.verdict = status.reason === "Error" ? "blocked" : status.reason === "Warning" ? "ignored" : "skipped";
    if (status.message) entry.message = status.message;
    return entry;
  }
  if (status.reason === "Warning" && status.message) entry.message = status.message;
  const lost = emptyDirVolumes(pod);
  if (lost.length > 0) entry.lostData = lost;
  if (disableEviction) entry.verdict = "deleted";
  if (!attempt) return entry;
  const { decision } = attempt;
  entry.round = attempt.round;
  if (decision.budget) entry.disruptionBudget = nameOf(decision.budget.pdb);
  if (!decision.allowed) {
    entry.verdict = "refused";
    entry.message = decision.cause ? `${decision.message} ${decision.cause}` : decision.message;
  }
  return entry;
}

interface NodeDrain {
  output: string[];
  entries: EvictionEntry[];
  /** The node's errors (deleteOrEvictPodsSimple's aggregate). */
  errors?: string[];
  /** The drain never returns (refused evictions retried without a timeout). */
  hangs?: string;
  notes: string[];
}

/** deleteOrEvictPodsSimple for one node. */
function drainNode(ctx: CommandContext, node: KubeObject, parsed: ParsedFlags, timeoutMs: number): NodeDrain {
  const pods = podsForDeletion(ctx, node, parsed);
  const disableEviction = boolFlag(parsed, "disable-eviction");
  // errors(): a message that already says "cannot delete" is not prefixed again.
  const errors = groupByMessage(pods, "Error").map(([message, names]) => `${/^cannot delete/i.test(message) ? "" : "cannot delete "}${message}: ${names.join(", ")}`);
  // Nothing is evicted then: the verdicts are those of the pods that stay.
  if (errors.length > 0) return { output: [], entries: pods.filter((p) => !p.status.delete).map((p) => entryOf(node, p, undefined, false)), errors, notes: [] };
  const output: string[] = [];
  const warnings = groupByMessage(pods, "Warning").map(([message, names]) => `${message}: ${names.join(", ")}`);
  if (warnings.length > 0) output.push(`Warning: ${warnings.join("; ")}`);
  const deleted = pods.filter((p) => p.status.delete).map((p) => p.pod);
  const suffix = DRY_RUN_SUFFIX[ctx.dryRun];
  const commit = ctx.dryRun === "none";
  const goes = (pod: KubeObject, reason: string) => {
    ctx.cluster.delete(pod, { command: ctx.index, reason: `${reason} by kubectl drain ${nameOf(node)}` });
    const controller = isReplaced(pod) ? topController(ctx.cluster, pod) : undefined;
    if (controller) ctx.cluster.update(controller, ctx.index);
  };
  let attempts = new Map<KubeObject, EvictionAttempt>();
  if (ctx.dryRun === "client") appendAll(output, deleted.map((pod) => `evicting pod ${podPath(pod)} (dry run)`));
  else if (disableEviction) {
    if (commit) for (const pod of deleted) goes(pod, "deleted");
    appendAll(output, deleted.map((pod) => printedObject(pod, "deleted", ctx.dryRun)));
  } else {
    const rounds = evictInRounds(ctx.cluster, deleted, { commit, suffix, evictedBy: (pod) => goes(pod, "evicted") });
    appendAll(output, rounds.output);
    attempts = new Map(rounds.attempts.map((a) => [a.pod, a]));
  }
  const entries = pods.map((p) => entryOf(node, p, attempts.get(p.pod), disableEviction));
  const notes = entries.flatMap((e) => (commit && e.lostData && e.verdict !== "refused" ? [`${e.namespace}/${e.name}: the data of its emptyDir volume(s) ${e.lostData.join(", ")} is lost`] : []));
  const refused = [...attempts.values()].filter((a) => !a.decision.allowed);
  if (refused.length === 0) return { output, entries, notes };
  for (const { pod, decision } of refused) {
    if (!decision.allowed && decision.cause) notes.push(`${podPath(pod)}: ${decision.cause}`);
  }
  const retried = refused.some((a) => !a.decision.allowed && a.decision.retried);
  if (retried && timeoutMs === 0) return { output, entries, notes, hangs: `kubectl drain ${nameOf(node)} would not finish: it retries the refused evictions every 5s, and --timeout=0s waits forever` };
  const failures = refused.map(({ pod, decision }) => {
    const why = !decision.allowed && !decision.retried ? decision.message : `global timeout reached: ${formatGoDuration(timeoutMs)}`;
    return `error when evicting pods/"${nameOf(pod)}" -n "${stringOf(pod.metadata?.namespace) ?? ""}": ${why}`;
  });
  output.push(`There are pending pods in node "${nameOf(node)}" when an error occurred: ${aggregate(failures)}`, ...refused.map(({ pod }) => `pod/${nameOf(pod)}`));
  return { output, entries, notes, errors: failures };
}

function podSelectorOf(parsed: ParsedFlags): SelectorRequirement[] {
  try {
    return parseSelectorRequirements(stringFlag(parsed, "pod-selector"));
  } catch {
    throw new UsageError("--pod-selector=<pod_selector> must be a valid label selector");
  }
}

function timeoutOf(parsed: ParsedFlags): number {
  const text = stringFlag(parsed, "timeout");
  const ms = parseGoDuration(text);
  if (ms === undefined) throw new UsageError(`invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"`);
  return ms;
}

export const drainVerb: Verb = {
  name: "drain",
  flags: [
    ...NODE_FLAGS,
    { name: "force", type: "bool" },
    { name: "ignore-daemonsets", type: "bool" },
    { name: "delete-emptydir-data", type: "bool" },
    { name: "grace-period", type: "int", default: -1 },
    { name: "timeout", type: "string", default: "0s" },
    { name: "pod-selector", type: "string" },
    { name: "disable-eviction", type: "bool" },
    { name: "skip-wait-for-delete-timeout", type: "int", default: 0 },
    { name: "chunk-size", type: "int", default: 500 },
  ],
  run(ctx, parsed): CommandResult {
    const timeoutMs = timeoutOf(parsed);
    podSelectorOf(parsed);
    const nodes = selectNodes(ctx, parsed, "drain NODE");
    const output = cordonOrUncordon(ctx, nodes, true);
    const result: CommandResult = { output, evictions: [], notes: [] };
    const failed: Array<{ node: KubeObject; errors: string[] }> = [];
    for (const node of nodes) {
      const drained = drainNode(ctx, node, parsed, timeoutMs);
      appendAll(output, drained.output);
      appendAll(result.evictions!, drained.entries);
      appendAll(result.notes!, drained.notes);
      if (drained.hangs !== undefined) {
        result.error = drained.hangs;
        return result;
      }
      if (drained.errors === undefined) output.push(printedObject(node, "drained", ctx.dryRun));
      else {
        output.push(`error: unable to drain node "${nameOf(node)}" due to error: ${aggregate(drained.errors)}, continuing command...`);
        failed.push({ node, errors: drained.errors });
      }
    }
    if (failed.length === 0) return result;
    output.push("There are pending nodes to be drained:", ...failed.map(({ node }) => ` ${nameOf(node)}`));
    result.error = checkErrLines(failed.map((f) => f.errors)).join("\n");
    return result;
  },
};
