// The `kubectl create` subcommands whose object is little more than a name
// (create_namespace.go, create_serviceaccount.go, create_quota.go,
// create_priorityclass.go, create_pdb.go).
import { formatQuantity, parseQuantity } from "../../../util/quantity.js";
import { parseSelectorRequirements } from "../../../util/label-selector.js";
import type { KubeObject } from "../../../types.js";
import { UsageError } from "../../../validate/index.js";
import { COMMON_FLAGS, CREATE_FLAGS, type CommandContext, type Verb } from "../../kubectl/command.js";
import { boolFlag, intFlag, stringFlag, type ParsedFlags } from "../../kubectl/flags.js";
import { createAndPrint, nameFromCommandArgs, objectMeta } from "./shared.js";

function createNamespace(name: string): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: {}, status: {} };
}

function createServiceAccount(ctx: CommandContext, name: string): KubeObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: objectMeta(ctx, name) };
}

/** populateResourceListV1: `name=quantity` pairs, quantities in canonical form. */
function resourceList(spec: string): Record<string, string> | undefined {
  if (spec === "") return undefined;
  const list: Record<string, string> = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) throw new UsageError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const quantity = parseQuantity(parts[1]!);
    if (!quantity) throw new UsageError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    list[parts[0]!] = formatQuantity(quantity);
  }
  return list;
}

function createQuota(ctx: CommandContext, parsed: ParsedFlags, name: string): KubeObject {
  const spec: Record<string, unknown> = {};
  const hard = resourceList(stringFlag(parsed, "hard"));
  if (hard) spec.hard = hard;
  const scopes = stringFlag(parsed, "scopes");
  if (scopes !== "") {
    const list = scopes.split(",");
    if (list.includes("")) throw new UsageError('invalid resource quota scope ""');
    spec.scopes = list;
  }
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: objectMeta(ctx, name), spec, status: {} };
}

function createPriorityClass(parsed: ParsedFlags, name: string): KubeObject {
  const priorityClass: KubeObject = {
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name },
    preemptionPolicy: stringFlag(parsed, "preemption-policy"),
    value: intFlag(parsed, "value"),
  };
  if (boolFlag(parsed, "global-default")) priorityClass.globalDefault = true;
  const description = stringFlag(parsed, "description");
  if (description !== "") priorityClass.description = description;
  return priorityClass;
}

/** metav1.ParseToLabelSelector: equality into matchLabels, the rest into matchExpressions. */
function parseToLabelSelector(selector: string): Record<string, unknown> {
  let requirements;
  try {
    requirements = parseSelectorRequirements(selector);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Array<Record<string, unknown>> = [];
  const operators = { in: "In", notin: "NotIn", exists: "Exists", "!": "DoesNotExist" } as const;
  for (const { key, operator, values } of requirements) {
    if (operator === "=" || operator === "==") matchLabels[key] = values[0]!;
    else if (operator === "<" || operator === ">") throw new UsageError(`"${operator === "<" ? "lt" : "gt"}" isn't supported in label selectors`);
    else if (operator === "!=") throw new UsageError(`"!=" is not a valid label selector operator`);
    else matchExpressions.push({ key, operator: operators[operator], ...(values.length > 0 ? { values } : {}) });
  }
  return { ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}), ...(matchExpressions.length > 0 ? { matchExpressions } : {}) };
}

function createPodDisruptionBudget(ctx: CommandContext, parsed: ParsedFlags, name: string): KubeObject {
  const selector = stringFlag(parsed, "selector");
  const minAvailable = stringFlag(parsed, "min-available");
  const maxUnavailable = stringFlag(parsed, "max-unavailable");
  if (selector === "") throw new UsageError("a selector must be specified");
  if (minAvailable === "" && maxUnavailable === "") throw new UsageError("one of min-available or max-unavailable must be specified");
  if (minAvailable !== "" && maxUnavailable !== "") throw new UsageError("min-available and max-unavailable cannot be both specified");
  if (minAvailable !== "" && !/^[0-9]+%?$/.test(minAvailable)) throw new UsageError("invalid format specified for min-available");
  if (maxUnavailable !== "" && !/^[0-9]+%?$/.test(maxUnavailable)) throw new UsageError("invalid format specified for max-unavailable");
  // intstr.Parse: a number when it is one.
  const intOrString = (text: string) => (/^\d+$/.test(text) ? Number(text) : text);
  const spec: Record<string, unknown> = { selector: parseToLabelSelector(selector) };
  if (minAvailable !== "") spec.minAvailable = intOrString(minAvailable);
  else spec.maxUnavailable = intOrString(maxUnavailable);
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: objectMeta(ctx, name),
    spec,
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  };
}

export const createSimpleVerbs: readonly Verb[] = [
  {
    name: "create namespace",
    aliases: ["create ns"],
    flags: [...COMMON_FLAGS, ...CREATE_FLAGS],
    run: (ctx, parsed) => createAndPrint(ctx, createNamespace(nameFromCommandArgs(parsed))),
  },
  {
    name: "create serviceaccount",
    aliases: ["create sa"],
    flags: [...COMMON_FLAGS, ...CREATE_FLAGS],
    run: (ctx, parsed) => createAndPrint(ctx, createServiceAccount(ctx, nameFromCommandArgs(parsed)), "failed to create serviceaccount: "),
  },
  {
    name: "create quota",
    aliases: ["create resourcequota"],
    flags: [...COMMON_FLAGS, ...CREATE_FLAGS, { name: "hard", type: "string" }, { name: "scopes", type: "string" }],
    run: (ctx, parsed) => createAndPrint(ctx, createQuota(ctx, parsed, nameFromCommandArgs(parsed)), "failed to create quota: "),
  },
  {
    name: "create priorityclass",
    aliases: ["create pc"],
    flags: [
      ...COMMON_FLAGS,
      ...CREATE_FLAGS,
      { name: "value", type: "int" },
      { name: "global-default", type: "bool" },
      { name: "description", type: "string" },
      { name: "preemption-policy", type: "string", default: "PreemptLowerPriority" },
    ],
    run: (ctx, parsed) => createAndPrint(ctx, createPriorityClass(parsed, nameFromCommandArgs(parsed)), "failed to create priorityclass: "),
  },
  {
    name: "create poddisruptionbudget",
    aliases: ["create pdb"],
    flags: [...COMMON_FLAGS, ...CREATE_FLAGS, { name: "selector", type: "string" }, { name: "min-available", type: "string" }, { name: "max-unavailable", type: "string" }],
    run: (ctx, parsed) => createAndPrint(ctx, createPodDisruptionBudget(ctx, parsed, nameFromCommandArgs(parsed)), "failed to create poddisruptionbudgets: "),
  },
];
