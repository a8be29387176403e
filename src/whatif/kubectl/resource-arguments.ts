// The objects kubectl's arguments name, as its resource builder reads them
// (ResourceTypeOrNameArgs): `TYPE NAME...`, `TYPE1,TYPE2 NAME...` or `TYPE/NAME...`.
import type { KubeObject } from "../../types.js";
import { matchesRequirements, parseSelectorRequirements, type SelectorRequirement } from "../../util/label-selector.js";
import { stringMapOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";
import { KubectlError, type CommandContext } from "./command.js";
import type { ResourceType } from "./resources.js";

export interface NamedResource {
  type: ResourceType;
  name: string;
}

/** Named objects; [] when the arguments name only types (for --all or -l). */
export function resourceArguments(ctx: CommandContext, args: readonly string[]): NamedResource[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes("/"))) {
    if (!args.every((a) => a.includes("/"))) {
      throw new UsageError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    return args.map((arg) => {
      const slash = arg.indexOf("/");
      const name = arg.slice(slash + 1);
      if (name === "") throw new UsageError(`arguments in resource/name form must have a single resource and name`);
      return { type: ctx.types.resolve(arg.slice(0, slash)), name };
    });
  }
  const types = resourceTypesArgument(ctx, args[0]!);
  return args.slice(1).flatMap((name) => types.map((type) => ({ type, name })));
}

/** The types of a `TYPE1,TYPE2` argument. */
export function resourceTypesArgument(ctx: CommandContext, arg: string): ResourceType[] {
  return arg.split(",").filter((t) => t !== "").map((t) => ctx.types.resolve(t));
}

/** `deployments.apps "web"`: how the API server names an object in its errors. */
export function qualifiedResource(type: ResourceType, name: string): string {
  return `${type.group === "" ? type.resource : `${type.resource}.${type.group}`} "${name}"`;
}

/**
 * The stored objects a command acts on, as the resource builder finds them:
 * named ones (NotFound for one that is missing), or every object of the types
 * in the namespace with --all or matching -l. Sorted as the API server lists them.
 */
export function selectObjects(ctx: CommandContext, args: readonly string[], options: { all: boolean; selector: string }): Array<{ type: ResourceType; object: KubeObject }> {
  if (args.length === 0) throw new UsageError("You must provide one or more resources by argument or filename.");
  const named = args.length > 1 || args[0]!.includes("/");
  if (named) {
    if (options.all || options.selector !== "") throw new UsageError("name cannot be provided when a selector is specified");
    return resourceArguments(ctx, args).map(({ type, name }) => {
      const object = ctx.cluster.get(type.group, type.kind, type.namespaced ? ctx.namespace : "", name);
      if (!object) throw new KubectlError(`Error from server (NotFound): ${qualifiedResource(type, name)} not found`);
      return { type, object };
    });
  }
  if (!options.all && options.selector === "") throw new UsageError("resource(s) were provided, but no name was specified");
  let requirements: SelectorRequirement[] = [];
  try {
    requirements = parseSelectorRequirements(options.selector);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return resourceTypesArgument(ctx, args[0]!).flatMap((type) =>
    ctx.cluster
      .list(type.group, type.kind, type.namespaced ? ctx.namespace : undefined)
      .filter((object) => matchesRequirements(requirements, stringMapOf(object.metadata?.labels)))
      .map((object) => ({ type, object })),
  );
}
