// The kubectl verbs (and `create` subcommands) a what-if plans, found from
// the words of a command line as cobra finds a subcommand: the longest run
// of leading words that names one.
import { UsageError } from "../../validate/index.js";
import type { Verb } from "../kubectl/command.js";
import { createConfigMapVerb } from "./create/configmap.js";
import { createCronJobVerb } from "./create/cronjob.js";
import { createDeploymentVerb } from "./create/deployment.js";
import { createJobVerb } from "./create/job.js";
import { createSecretGenericVerb } from "./create/secret.js";
import { createServiceVerbs } from "./create/service.js";
import { createSimpleVerbs } from "./create/simple.js";
import { cordonVerbs } from "./cordon.js";
import { deleteVerb } from "./delete.js";
import { drainVerb } from "./drain.js";
import { exposeVerb } from "./expose.js";
import { runVerb } from "./run.js";
import { scaleVerb } from "./scale.js";

export const VERBS: readonly Verb[] = [
  runVerb,
  createConfigMapVerb,
  createCronJobVerb,
  createDeploymentVerb,
  createJobVerb,
  createSecretGenericVerb,
  ...createServiceVerbs,
  ...createSimpleVerbs,
  exposeVerb,
  scaleVerb,
  deleteVerb,
  ...cordonVerbs,
  drainVerb,
];

/** The most words a verb's name has (`create secret generic`). */
const LONGEST_NAME = 3;

/** Flags kubectl takes before its verb: only the namespace is one a what-if plans. */
function leadingFlags(words: readonly string[]): { flags: string[]; rest: string[] } {
  let i = 0;
  while (i < words.length && words[i]!.startsWith("-")) {
    const word = words[i]!;
    if (word === "-n" || word === "--namespace") i += 2;
    else if (word.startsWith("--namespace=") || /^-n./.test(word)) i += 1;
    else throw new UsageError(`kubectl ${word}: only -n/--namespace can come before the verb`);
  }
  return { flags: words.slice(0, i), rest: words.slice(i) };
}

function supportedNames(prefix: string): string {
  const names = VERBS.map((v) => v.name).filter((name) => name.startsWith(prefix));
  if (prefix === "") return [...new Set(names.map((name) => name.split(" ")[0]!))].join(", ");
  return names.map((name) => name.slice(prefix.length)).join(", ");
}

/** The verb a command line names, and the words left for its flags and arguments. */
export function findVerb(words: readonly string[]): { verb: Verb; argv: string[] } {
  const { flags, rest } = leadingFlags(words);
  for (let length = Math.min(LONGEST_NAME, rest.length); length > 0; length--) {
    const name = rest.slice(0, length).join(" ");
    const verb = VERBS.find((v) => v.name === name || v.aliases?.includes(name));
    if (verb) return { verb, argv: [...flags, ...rest.slice(length)] };
  }
  const first = rest[0] ?? "";
  if (first === "create") {
    const named = rest.slice(0, 3).filter((w) => !w.startsWith("-")).join(" ");
    throw new UsageError(`kubectl ${named}: not supported by what-if; it supports kubectl create ${supportedNames("create ").replaceAll(", ", "|")}`);
  }
  throw new UsageError(`kubectl ${first}: not supported by what-if; it supports kubectl ${supportedNames("")}`);
}
