// `kubectl create job NAME --image=IMAGE [-- COMMAND]` and `--from=cronjob/NAME`
// (create_job.go createJob, createJobFromCronJob): one container named
// after the Job, restartPolicy Never; or the CronJob's job template, owned by it.
import type { KubeObject } from "../../../types.js";
import { cloneJson, dig, isRecord, nameOf, stringOf } from "../../../util/object-access.js";
import { UsageError } from "../../../validate/index.js";
import { COMMON_FLAGS, CREATE_FLAGS, KubectlError, type CommandContext, type Verb } from "../../kubectl/command.js";
import { stringFlag, type ParsedFlags } from "../../kubectl/flags.js";
import { createAndPrint, nameFromCommandArgs, objectMeta } from "./shared.js";

function createJob(ctx: CommandContext, parsed: ParsedFlags, name: string): KubeObject {
  const command = parsed.afterDash ?? [];
  const container = { name, image: stringFlag(parsed, "image"), ...(command.length > 0 ? { command: [...command] } : {}), resources: {} };
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: objectMeta(ctx, name),
    spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: "Never" } } },
    status: {},
  };
}

/** The CronJob `--from` names, in the namespace: `cronjob/NAME` (any name kubectl has for the type). */
function findCronJob(ctx: CommandContext, from: string): KubeObject {
  const slash = from.indexOf("/");
  if (slash < 0) throw new UsageError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
  const type = ctx.types.resolve(from.slice(0, slash));
  const name = from.slice(slash + 1);
  const found = ctx.cluster.get(type.group, type.kind, ctx.namespace, name);
  if (!found) throw new KubectlError(`Error from server (NotFound): ${type.resource}.${type.group} "${name}" not found`);
  if (type.kind !== "CronJob") throw new KubectlError(`error: unknown object type *v1.${type.kind}`);
  return found;
}

function createJobFromCronJob(ctx: CommandContext, cronJob: KubeObject, name: string): KubeObject {
  const template = dig(cronJob, "spec", "jobTemplate");
  const annotations: Record<string, string> = { "cronjob.kubernetes.io/instantiate": "manual" };
  const templateAnnotations = dig(template, "metadata", "annotations");
  if (isRecord(templateAnnotations)) for (const [k, v] of Object.entries(templateAnnotations)) if (typeof v === "string") annotations[k] = v;
  const metadata: Record<string, unknown> = {
    ...objectMeta(ctx, name),
    annotations,
    ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: nameOf(cronJob), uid: stringOf(cronJob.metadata?.uid) ?? "", controller: true }],
  };
  const labels = dig(template, "metadata", "labels");
  if (isRecord(labels)) metadata.labels = cloneJson(labels);
  return { apiVersion: "batch/v1", kind: "Job", metadata, spec: cloneJson(dig(template, "spec") ?? {}), status: {} };
}

export const createJobVerb: Verb = {
  name: "create job",
  flags: [...COMMON_FLAGS, ...CREATE_FLAGS, { name: "image", type: "string" }, { name: "from", type: "string" }],
  run(ctx, parsed) {
    const name = nameFromCommandArgs(parsed);
    const image = stringFlag(parsed, "image");
    const from = stringFlag(parsed, "from");
    if ((image === "") === (from === "")) throw new UsageError("either --image or --from must be specified");
    if ((parsed.afterDash ?? []).length > 0 && from !== "") throw new UsageError("cannot specify --from and command");
    const job = from === "" ? createJob(ctx, parsed, name) : createJobFromCronJob(ctx, findCronJob(ctx, from), name);
    return createAndPrint(ctx, job, "failed to create job: ");
  },
};
