// `kubectl create cronjob NAME --image=IMAGE --schedule='*/1 * * * *' [--restart] [-- COMMAND]`
// (create_cronjob.go createCronJob): the job template named after the
// CronJob, one container, restartPolicy OnFailure unless --restart.
import { COMMON_FLAGS, CREATE_FLAGS, type CommandContext, type Verb } from "../../kubectl/command.js";
import { requireFlags, stringFlag, type ParsedFlags } from "../../kubectl/flags.js";
import { createAndPrint, nameFromCommandArgs, objectMeta } from "./shared.js";

function createCronJob(ctx: CommandContext, parsed: ParsedFlags, name: string): Record<string, unknown> {
  const command = parsed.afterDash ?? [];
  const container = { name, image: stringFlag(parsed, "image"), ...(command.length > 0 ? { command: [...command] } : {}), resources: {} };
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: objectMeta(ctx, name),
    spec: {
      jobTemplate: {
        metadata: { name },
        spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: stringFlag(parsed, "restart") || "OnFailure" } } },
      },
      schedule: stringFlag(parsed, "schedule"),
    },
    status: {},
  };
}

export const createCronJobVerb: Verb = {
  name: "create cronjob",
  aliases: ["create cj"],
  flags: [...COMMON_FLAGS, ...CREATE_FLAGS, { name: "image", type: "string" }, { name: "schedule", type: "string" }, { name: "restart", type: "string" }],
  run(ctx, parsed) {
    requireFlags(parsed, ["image", "schedule"]);
    const name = nameFromCommandArgs(parsed);
    return createAndPrint(ctx, createCronJob(ctx, parsed, name), "failed to create cronjob: ");
  },
};
