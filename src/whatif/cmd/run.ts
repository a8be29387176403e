// `kubectl run NAME --image=IMAGE [flags] [-- COMMAND args...]` (k8s.io/kubectl/pkg/cmd/run):
// a pod from the BasicPod generator, and with --expose a ClusterIP Service
// for it from ServiceGeneratorV2.
import type { KubeObject } from "../../types.js";
import { UsageError } from "../../validate/index.js";
import { generateBasicPod } from "../generate/basic-pod.js";
import { generateServiceV2 } from "../generate/service-v2.js";
import { COMMON_FLAGS, CREATE_FLAGS, type CommandContext, type CommandResult, type Verb } from "../kubectl/command.js";
import { createObject } from "../kubectl/create-object.js";
import { boolFlag, listFlag, stringFlag, type ParsedFlags } from "../kubectl/flags.js";
import { isImageReference } from "../kubectl/image-reference.js";
import { printedObject } from "../kubectl/printed.js";

const ATTACH = "a what-if attaches to nothing: nothing runs";

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never", ""];

function validate(parsed: ParsedFlags): { name: string; image: string } {
  const name = parsed.args[0];
  if (name === undefined) throw new UsageError("NAME is required for run");
  const image = stringFlag(parsed, "image");
  if (image === "") throw new UsageError("--image is required");
  if (!isImageReference(image)) throw new UsageError(`Invalid image name "${image}": invalid reference format`);
  if (boolFlag(parsed, "expose") && stringFlag(parsed, "port") === "") throw new UsageError("--port must be set when exposing a service");
  const restart = stringFlag(parsed, "restart");
  if (!RESTART_POLICIES.includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`);
  const pullPolicy = stringFlag(parsed, "image-pull-policy");
  if (!PULL_POLICIES.includes(pullPolicy)) throw new UsageError(`invalid image pull policy: ${pullPolicy}`);
  return { name, image };
}

function inNamespace(ctx: CommandContext, object: KubeObject): KubeObject {
  return ctx.enforceNamespace ? { ...object, metadata: { ...object.metadata, namespace: ctx.namespace } } : object;
}

export const runVerb: Verb = {
  name: "run",
  flags: [
    ...COMMON_FLAGS,
    ...CREATE_FLAGS,
    { name: "image", type: "string" },
    { name: "image-pull-policy", type: "string" },
    { name: "annotations", type: "stringArray" },
    { name: "env", type: "stringArray" },
    { name: "port", type: "string" },
    { name: "labels", short: "l", type: "string" },
    { name: "restart", type: "string", default: "Always" },
    { name: "command", type: "bool" },
    { name: "expose", type: "bool" },
    { name: "privileged", type: "bool" },
    { name: "quiet", short: "q", type: "bool" },
    { name: "stdin", short: "i", type: "bool", unsupported: ATTACH },
    { name: "tty", short: "t", type: "bool", unsupported: ATTACH },
    { name: "attach", type: "bool", unsupported: ATTACH },
    { name: "rm", type: "bool", unsupported: ATTACH },
    { name: "leave-stdin-open", type: "bool", unsupported: ATTACH },
    { name: "overrides", type: "string", unsupported: "the pod is planned as kubectl generates it; write a manifest and use kubeplan plan" },
  ],
  run(ctx, parsed): CommandResult {
    const { name, image } = validate(parsed);
    const pod = inNamespace(ctx, generateBasicPod({
      name,
      image,
      labels: stringFlag(parsed, "labels"),
      annotations: listFlag(parsed, "annotations"),
      env: listFlag(parsed, "env"),
      port: stringFlag(parsed, "port"),
      restart: stringFlag(parsed, "restart"),
      imagePullPolicy: stringFlag(parsed, "image-pull-policy"),
      command: boolFlag(parsed, "command"),
      args: [...parsed.args.slice(1), ...(parsed.afterDash ?? [])],
      privileged: boolFlag(parsed, "privileged"),
    }));
    const result: CommandResult = { output: [], generated: [] };
    // kubectl creates the pod first, then generates, creates and prints the Service, then prints the pod.
    const created = createObject(ctx, pod);
    if (boolFlag(parsed, "expose")) {
      const labels = stringFlag(parsed, "labels");
      const service = inNamespace(ctx, generateServiceV2({ name, selector: labels || `run=${name}`, labels, port: stringFlag(parsed, "port") }));
      createObject(ctx, service);
      result.output.push(printedObject(service, "created", ctx.dryRun));
      result.generated!.push(service);
      result.extraSeparatorAfter = 1;
    }
    result.output.push(printedObject(created, "created", ctx.dryRun));
    result.generated!.push(pod);
    return result;
  },
};
