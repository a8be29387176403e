// `kubectl scale TYPE NAME --replicas=COUNT [--current-replicas] [-l | --all]`
// (k8s.io/kubectl/pkg/cmd/scale): spec.replicas of Deployments, ReplicaSets,
// ReplicationControllers and StatefulSets, with the precondition on the
// current size. A scale-down says which pods go first, as their controller
// picks them, and what that leaves of PodDisruptionBudgets and topology spread.
import type { KubeObject } from "../../types.js";
import { cloneJson, dig, integerOf, nameOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";
import { scaleDownNotes } from "../controller/scale-down.js";
import { COMMON_FLAGS, KubectlError, type CommandContext, type CommandResult, type Verb } from "../kubectl/command.js";
import { boolFlag, intFlag, requireFlags, stringFlag, type ParsedFlags } from "../kubectl/flags.js";
import { printedObject } from "../kubectl/printed.js";
import { selectObjects } from "../kubectl/resource-arguments.js";
import type { ResourceType } from "../kubectl/resources.js";
import { appendAll } from "../../util/append.js";

const SCALABLE = new Set(["apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "/ReplicationController"]);

function validate(parsed: ParsedFlags): void {
  requireFlags(parsed, ["replicas"]);
  if (intFlag(parsed, "replicas") < 0) throw new UsageError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  if (intFlag(parsed, "current-replicas") < -1) throw new UsageError("The --current-replicas must specify an integer of -1 or greater");
}

function scaleOne(ctx: CommandContext, type: ResourceType, object: KubeObject, parsed: ParsedFlags): { line: string; notes: string[]; scaled: KubeObject } {
  if (!SCALABLE.has(`${type.group}/${type.kind}`)) throw new KubectlError("Error from server (NotFound): the server could not find the requested resource");
  const replicas = intFlag(parsed, "replicas");
  const current = integerOf(dig(object, "spec", "replicas")) ?? 1;
  const expected = intFlag(parsed, "current-replicas");
  if (ctx.dryRun !== "client" && expected !== -1 && expected !== current) throw new KubectlError(`error: Expected replicas to be ${expected}, was ${current}`);
  const scaled = cloneJson(object);
  (scaled.spec as Record<string, unknown>).replicas = replicas;
  const line = printedObject(scaled, "scaled", ctx.dryRun);
  if (ctx.dryRun !== "none") return { line, notes: [], scaled };
  ctx.cluster.update(scaled, ctx.index);
  const notes = replicas < current ? scaleDownNotes(ctx.cluster, scaled, current - replicas, ctx.now) : [];
  return { line, notes, scaled };
}

export const scaleVerb: Verb = {
  name: "scale",
  flags: [
    ...COMMON_FLAGS,
    { name: "replicas", type: "int", default: 0 },
    { name: "current-replicas", type: "int", default: -1 },
    { name: "resource-version", type: "string", unsupported: "a snapshot's resource versions say nothing of the cluster when the command runs; use --current-replicas" },
    { name: "selector", short: "l", type: "string" },
    { name: "all", type: "bool" },
    { name: "timeout", type: "string", default: "0s" },
    { name: "filename", short: "f", type: "stringSlice", unsupported: "name the objects to scale as TYPE NAME" },
  ],
  run(ctx, parsed): CommandResult {
    validate(parsed);
    const targets = selectObjects(ctx, parsed.args, { all: boolFlag(parsed, "all"), selector: stringFlag(parsed, "selector") });
    if (targets.length === 0) throw new KubectlError("error: no objects passed to scale");
    const result: CommandResult = { output: [], generated: [], notes: [] };
    for (const { type, object } of targets) {
      const { line, notes, scaled } = scaleOne(ctx, type, object, parsed);
      result.output.push(line);
      result.generated!.push(scaled);
      appendAll(result.notes!, notes.map((note) => `${type.kind} ${nameOf(object)}: ${note}`));
    }
    return result;
  },
};
