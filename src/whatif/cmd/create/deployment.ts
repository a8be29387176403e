// `kubectl create deployment NAME --image=IMAGE [--image=...] [--port] [--replicas] [-- COMMAND]`
// (create_deployment.go createDeployment): labels and selector `app=NAME`,
// one container per image named after it, `strategy: {}`.
import { UsageError } from "../../../validate/index.js";
import { generatedSuffix } from "../../../expand/names.js";
import { COMMON_FLAGS, CREATE_FLAGS, type CommandContext, type Verb } from "../../kubectl/command.js";
import { intFlag, listFlag, requireFlags, type ParsedFlags } from "../../kubectl/flags.js";
import { createAndPrint, nameFromCommandArgs, objectMeta } from "./shared.js";

/**
 * sanitizeAndUniquify: a name with `_` or `.` gets dashes and a random
 * five-character suffix; the plan derives the suffix from the names instead.
 */
function sanitizeAndUniquify(name: string, seed: string): string {
  if (!/[_.]/.test(name)) return name;
  return `${name.replace(/[_.]/g, "-")}-${generatedSuffix(seed)}`;
}

/** The container name kubectl derives from an image: the last path segment, without tag or digest. */
export function containerNameOf(image: string, seed: string): string {
  let name = image.split("/").at(-1)!;
  if (name.includes(":")) name = name.split(":")[0]!;
  if (name.includes("@")) name = name.split("@")[0]!;
  return sanitizeAndUniquify(name, seed);
}

function createDeployment(ctx: CommandContext, parsed: ParsedFlags, name: string): Record<string, unknown> {
  const images = listFlag(parsed, "image");
  const command = parsed.afterDash ?? [];
  const containers = images.map((image) => ({
    name: containerNameOf(image, `${ctx.namespace}/${name}/${image}`),
    image,
    ...(command.length > 0 ? { command: [...command] } : {}),
    resources: {},
  }));
  const port = intFlag(parsed, "port");
  if (port >= 0 && containers.length > 0) (containers[0] as Record<string, unknown>).ports = [{ containerPort: port }];
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { ...objectMeta(ctx, name), labels },
    spec: {
      replicas: intFlag(parsed, "replicas"),
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
}

export const createDeploymentVerb: Verb = {
  name: "create deployment",
  aliases: ["create deploy"],
  flags: [
    ...COMMON_FLAGS,
    ...CREATE_FLAGS,
    { name: "image", type: "stringSlice" },
    { name: "port", type: "int", default: -1 },
    { name: "replicas", short: "r", type: "int", default: 1 },
  ],
  run(ctx, parsed) {
    requireFlags(parsed, ["image"]);
    const name = nameFromCommandArgs(parsed);
    const images = listFlag(parsed, "image");
    if (images.length > 1 && (parsed.afterDash ?? []).length > 0) throw new UsageError("cannot specify multiple --image options and command");
    return createAndPrint(ctx, createDeployment(ctx, parsed, name), "failed to create deployment: ");
  },
};
