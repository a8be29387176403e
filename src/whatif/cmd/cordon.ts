// `kubectl cordon|uncordon NODE | -l SELECTOR` (k8s.io/kubectl/pkg/cmd/drain:
// RunCordonOrUncordon): spec.unschedulable set or cleared, `already
// cordoned` when there is nothing to change. Drain cordons the same way first.
import type { KubeObject } from "../../types.js";
import { matchesRequirements, parseSelectorRequirements } from "../../util/label-selector.js";
import { cloneJson, stringMapOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";
import { COMMON_FLAGS, KubectlError, type CommandContext, type CommandResult, type Verb } from "../kubectl/command.js";
import { stringFlag, type ParsedFlags } from "../kubectl/flags.js";
import { printedObject } from "../kubectl/printed.js";

/** The nodes named, or matching -l (Complete: one or the other, never both). */
export function selectNodes(ctx: CommandContext, parsed: ParsedFlags, use: string): KubeObject[] {
  const selector = stringFlag(parsed, "selector");
  if (parsed.args.length === 0 && !parsed.changed.has("selector")) throw new UsageError(`USAGE: ${use} [flags]`);
  if (parsed.args.length > 0 && selector !== "") throw new UsageError("error: cannot specify both a node name and a --selector option");
  if (parsed.args.length > 0) {
    return parsed.args.map((name) => {
      const node = ctx.cluster.get("", "Node", "", name);
      if (!node) throw new KubectlError(`Error from server (NotFound): nodes "${name}" not found`);
      return node;
    });
  }
  let requirements;
  try {
    requirements = parseSelectorRequirements(selector);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return ctx.cluster.list("", "Node").filter((node) => matchesRequirements(requirements, stringMapOf(node.metadata?.labels)));
}

/** Sets spec.unschedulable on each node that needs it; kubectl's line for each. */
export function cordonOrUncordon(ctx: CommandContext, nodes: readonly KubeObject[], desired: boolean): string[] {
  return nodes.map((node) => {
    const current = (node.spec as Record<string, unknown> | undefined)?.unschedulable === true;
    if (current === desired) return printedObject(node, desired ? "already cordoned" : "already uncordoned");
    if (ctx.dryRun === "none") {
      const changed = cloneJson(node);
      const spec = (changed.spec ?? {}) as Record<string, unknown>;
      if (desired) spec.unschedulable = true;
      else delete spec.unschedulable;
      changed.spec = spec;
      ctx.cluster.update(changed, ctx.index);
    }
    return printedObject(node, desired ? "cordoned" : "uncordoned", ctx.dryRun);
  });
}

/** Flags of cordon and uncordon (drain adds its own). */
export const NODE_FLAGS = [...COMMON_FLAGS, { name: "selector", short: "l", type: "string" }] as const;

function cordonVerb(desired: boolean): Verb {
  const name = desired ? "cordon" : "uncordon";
  return {
    name,
    flags: NODE_FLAGS,
    run(ctx, parsed): CommandResult {
      const nodes = selectNodes(ctx, parsed, `${name} NODE`);
      return { output: cordonOrUncordon(ctx, nodes, desired) };
    },
  };
}

export const cordonVerbs: readonly Verb[] = [cordonVerb(true), cordonVerb(false)];
