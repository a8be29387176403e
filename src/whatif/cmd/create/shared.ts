// What `kubectl create <kind> NAME` subcommands share: exactly one NAME,
// the namespace written only with -n, the object created or kubectl's
// `failed to create <kind>: ...` error.
import type { KubeObject } from "../../../types.js";
import { UsageError } from "../../../validate/index.js";
import { KubectlError, type CommandContext, type CommandResult } from "../../kubectl/command.js";
import { createObject } from "../../kubectl/create-object.js";
import type { ParsedFlags } from "../../kubectl/flags.js";
import { printedObject } from "../../kubectl/printed.js";

/** NameFromCommandArgs: exactly one argument before `--`. */
export function nameFromCommandArgs(parsed: ParsedFlags): string {
  if (parsed.args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${parsed.args.length}`);
  return parsed.args[0]!;
}

/** metadata with the namespace kubectl writes (only when -n is given). */
export function objectMeta(ctx: CommandContext, name: string, namespaced = true): Record<string, unknown> {
  return namespaced && ctx.enforceNamespace ? { name, namespace: ctx.namespace } : { name };
}

/**
 * Sends the object; the API server's refusal as kubectl words it: after
 * `prefix` for most subcommands (`failed to create deployment: `), as is for the others.
 */
export function createAndPrint(ctx: CommandContext, object: KubeObject, prefix?: string): CommandResult {
  try {
    createObject(ctx, object);
  } catch (error) {
    if (error instanceof KubectlError && prefix !== undefined) throw new KubectlError(`error: ${prefix}${error.apiMessage}`);
    throw error;
  }
  return { output: [printedObject(object, "created", ctx.dryRun)], generated: [object] };
}
