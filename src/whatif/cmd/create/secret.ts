// `kubectl create secret generic NAME [--type] --from-literal=key=value [--from-file]`
// (create_secret.go createSecret): literals first, then files; every value base64.
import type { KubeObject } from "../../../types.js";
import { COMMON_FLAGS, CREATE_FLAGS, type CommandContext, type Verb } from "../../kubectl/command.js";
import { listFlag, stringFlag, type ParsedFlags } from "../../kubectl/flags.js";
import { addFileSources, addLiteralSources, SOURCE_FLAGS, type KeyedData } from "./configmap.js";
import { createAndPrint, nameFromCommandArgs, objectMeta } from "./shared.js";

function createSecret(ctx: CommandContext, parsed: ParsedFlags, name: string): KubeObject {
  const target: KeyedData = { owner: "Secret", name, data: new Map() };
  addLiteralSources(target, listFlag(parsed, "from-literal"));
  addFileSources(target, listFlag(parsed, "from-file"));
  const secret: KubeObject = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: objectMeta(ctx, name),
    data: Object.fromEntries([...target.data].map(([key, value]) => [key, value.toString("base64")])),
  };
  const type = stringFlag(parsed, "type");
  if (type !== "") secret.type = type;
  return secret;
}

export const createSecretGenericVerb: Verb = {
  name: "create secret generic",
  flags: [...COMMON_FLAGS, ...CREATE_FLAGS, ...SOURCE_FLAGS, { name: "type", type: "string" }],
  run(ctx, parsed) {
    const name = nameFromCommandArgs(parsed);
    return createAndPrint(ctx, createSecret(ctx, parsed, name), "failed to create secret ");
  },
};
