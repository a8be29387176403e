// `kubeplan what-if`: kubectl commands run one after the other against the
// cluster snapshot, then what they leave planned as `kubeplan plan` plans
// manifests: the objects they create are admitted, scheduled and diffed; the
// objects they change or delete are diffed against the snapshot.
import { goYamlMarshal } from "./printers/go-yaml.js";
import { printYaml } from "./printers/yaml.js";
import { findVerb } from "./cmd/index.js";
import { KubectlError, type CommandContext, type CommandResult, type DryRun } from "./kubectl/command.js";
import { FlagParser, stringFlag, type ParsedFlags } from "./kubectl/flags.js";
import { printedObject } from "./kubectl/printed.js";
import { ResourceTypes } from "./kubectl/resources.js";
import { NodePortAllocator, nodePortRangeOf } from "./registry/node-port-allocator.js";
import { WorkingCluster } from "./working-cluster.js";
import { maskObject } from "../diff/secrets.js";
import type { PlannedDeletion } from "../diff/index.js";
import { plan, readSnapshot, type PlanOptions, type PlanRun } from "../plan/index.js";
import type { ClusterSnapshot } from "../cluster/snapshot.js";
import type { KubeObject } from "../types.js";
import { isSecretLike } from "../util/secret-values.js";
import { UsageError } from "../validate/index.js";
import type { EvictionEntry } from "./drain/types.js";

/** The namespace of a command without `-n` (a kubeconfig context without one). */
const DEFAULT_NAMESPACE = "default";

/** One kubectl command of a what-if and what kubectl would print for it. */
export interface CommandReport {
  /** The command line as given, `kubectl` first. */
  command: string;
  /** What kubectl prints (stdout then stderr), one entry per line. */
  output: string[];
  /** What the API server picked that the command line did not say (a node port). */
  notes: string[];
  /** kubectl's error when it fails (lines joined by newlines): it exits 1, and the commands after it do not run. */
  error?: string;
  /** Drain: each pod's verdict. */
  evictions?: EvictionEntry[];
}

export interface WhatIfRun extends PlanRun {
  commands: CommandReport[];
  /** False when a command failed: kubectl stops there. */
  completed: boolean;
}

export type WhatIfOptions = Omit<PlanOptions, "snapshot" | "imperative" | "prune" | "pruneSelector">;

const DRY_RUN_VALUES: Record<string, DryRun> = { none: "none", client: "client", server: "server", unchanged: "client" };

function dryRunOf(parsed: ParsedFlags): DryRun {
  const value = DRY_RUN_VALUES[stringFlag(parsed, "dry-run")];
  if (!value) throw new UsageError(`Invalid dry-run value (${stringFlag(parsed, "dry-run")}). Must be "none", "server", or "client".`);
  return value;
}

/** What `-o` prints instead of the name lines: the objects as kubectl generates them (`--dry-run=client -o yaml`). */
function printedOutput(result: CommandResult, parsed: ParsedFlags, showSecrets: boolean): string[] {
  const format = stringFlag(parsed, "output");
  if (format === "" || result.generated === undefined) return result.output;
  const objects = result.generated.map((o) => (isSecretLike(o) && !showSecrets ? (maskObject(o) as KubeObject) : o));
  if (format === "name") return objects.map((o) => printedObject(o, "", "none").trimEnd());
  return printYaml(objects, result.extraSeparatorAfter).replace(/\n$/, "").split("\n");
}

/** Splits `kubectl A ... -- kubectl B ...`: a `--` followed by `kubectl` starts the next command. */
export function splitCommands(words: readonly string[]): string[][] {
  const commands: string[][] = [];
  let current: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const starts = word === "kubectl" && (i === 0 || words[i - 1] === "--");
    if (starts) {
      if (current && current.at(-1) === "--") current.pop();
      current = [];
      commands.push(current);
      continue;
    }
    if (!current) throw new UsageError(`what-if: each command starts with "kubectl" (got "${word}")`);
    current.push(word);
  }
  if (commands.length === 0) throw new UsageError("what-if: give a kubectl command after --, e.g. kubeplan what-if --cluster snapshot/ -- kubectl run nginx --image=nginx");
  return commands;
}

function runCommand(cluster: WorkingCluster, base: Pick<CommandContext, "types" | "nodePorts" | "now">, index: number, words: readonly string[], showSecrets: boolean): CommandReport {
  const report: CommandReport = { command: ["kubectl", ...words].join(" "), output: [], notes: [] };
  const { verb, argv } = findVerb(words);
  const parsed = new FlagParser(`kubectl ${verb.name}`, verb.flags).parse(argv);
  const format = stringFlag(parsed, "output");
  if (format !== "" && format !== "yaml" && format !== "name") throw new UsageError(`kubectl ${verb.name}: -o ${format} is not supported by what-if: use -o yaml or -o name`);
  const namespace = stringFlag(parsed, "namespace");
  const ctx: CommandContext = { ...base, cluster, index, namespace: namespace || DEFAULT_NAMESPACE, enforceNamespace: namespace !== "", dryRun: dryRunOf(parsed) };
  try {
    const result = verb.run(ctx, parsed);
    report.output = printedOutput(result, parsed, showSecrets);
    if (result.evictions) report.evictions = result.evictions;
    if (result.error !== undefined) report.error = result.error;
    report.notes = [...cluster.created().filter((c) => c.command === index).flatMap(({ object }) => cluster.notesOf(object)), ...(result.notes ?? [])];
  } catch (error) {
    if (!(error instanceof KubectlError)) throw error;
    report.error = error.message;
  }
  return report;
}

/** The objects the commands created, as texts the plan reads (one per object, named after its command). */
function createdTexts(cluster: WorkingCluster): Array<{ text: string; file: string }> {
  return cluster.created().map(({ object, command }) => ({ text: goYamlMarshal(object), file: `<kubectl ${command}>` }));
}

function deletions(cluster: WorkingCluster): PlannedDeletion[] {
  return cluster.deleted().map(({ object, why }) => ({ object, notes: [`${why.reason} (kubectl ${why.command})`], ...(why.orphansDependents ? { orphansDependents: true } : {}) }));
}

/** Runs the commands one after the other against the snapshot, up to the first that fails. */
export function runCommands(snapshot: ClusterSnapshot, commandWords: readonly (readonly string[])[], options: { showSecrets?: boolean; now?: Date } = {}): { cluster: WorkingCluster; commands: CommandReport[] } {
  const cluster = new WorkingCluster(snapshot);
  const base = {
    types: new ResourceTypes(snapshot.list("CustomResourceDefinition")),
    nodePorts: new NodePortAllocator(nodePortRangeOf(snapshot.pods), snapshot.services),
    now: options.now ?? new Date(),
  };
  const commands: CommandReport[] = [];
  for (const [i, words] of commandWords.entries()) {
    const report = runCommand(cluster, base, i + 1, words, options.showSecrets ?? false);
    commands.push(report);
    if (report.error !== undefined) break;
  }
  return { cluster, commands };
}

/** Runs the commands against the snapshot, then plans what they leave. */
export async function whatIf(commandWords: readonly (readonly string[])[], options: WhatIfOptions = {}): Promise<WhatIfRun> {
  const read = readSnapshot(options.clusterPaths ?? [], options);
  const { cluster, commands } = runCommands(read.snapshot, commandWords, { showSecrets: options.showSecrets, now: options.now });
  const updates = cluster.updated().map(({ object, command }) => ({ text: goYamlMarshal(object), file: `<kubectl ${command}>` }));
  const run = await plan({ texts: createdTexts(cluster) }, { ...options, snapshot: read, imperative: { updates, deletions: deletions(cluster) } });
  return { ...run, commands, completed: commands.every((c) => c.error === undefined) };
}
