// What every kubectl verb of a what-if gets and gives back.
import type { KubeObject } from "../../types.js";
import type { NodePortAllocator } from "../registry/node-port-allocator.js";
import type { WorkingCluster } from "../working-cluster.js";
import type { EvictionEntry } from "../drain/types.js";
import type { FlagSpec, ParsedFlags } from "./flags.js";
import type { ResourceTypes } from "./resources.js";

/** `--dry-run`: none sends the request; client sends nothing; server sends it for checks only. */
export type DryRun = "none" | "client" | "server";

export interface CommandContext {
  cluster: WorkingCluster;
  types: ResourceTypes;
  nodePorts: NodePortAllocator;
  /** 1-based position of the command in the what-if. */
  index: number;
  /** `-n`, or the default namespace. */
  namespace: string;
  /** Whether `-n` was given: kubectl then writes the namespace into what it generates. */
  enforceNamespace: boolean;
  dryRun: DryRun;
  /** When the commands run: controllers rank pods by age against it. */
  now: Date;
}

export interface CommandResult {
  /** What kubectl prints, stdout and stderr in order (`pod/nginx created`, `Warning: ...`, `error: ...`). */
  output: string[];
  /** The objects kubectl generates, as `--dry-run=client -o yaml` prints them (run, create, expose). */
  generated?: KubeObject[];
  /** `kubectl run --expose` prints its Service, then a `---` of its own before the pod. */
  extraSeparatorAfter?: number;
  /** kubectl's last lines when the command fails after doing part of its work (a drain): the commands after it do not run. */
  error?: string;
  /** Drain: each pod's verdict. */
  evictions?: EvictionEntry[];
  /** What the controllers do next, which kubectl does not print (the pods a scale-down deletes). */
  notes?: string[];
}

/** A kubectl verb (or `create` subcommand) what-if can plan. */
export interface Verb {
  /** `run`, `create deployment`... */
  name: string;
  /** Other names kubectl accepts (`create deploy`). */
  aliases?: readonly string[];
  flags: readonly FlagSpec[];
  run(ctx: CommandContext, parsed: ParsedFlags): CommandResult;
}

/** Flags every supported verb takes: the namespace, the dry run and the output (`-o yaml` or `-o name`). */
export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged" },
  { name: "output", short: "o", type: "string" },
];

/** Flags of the verbs that create objects (run, create, expose). */
export const CREATE_FLAGS: readonly FlagSpec[] = [
  { name: "field-manager", type: "string" },
  { name: "validate", type: "string", default: "strict", noOptDefVal: "strict" },
];

/**
 * A kubectl failure: the command stops and kubectl prints `message`. For an
 * API server refusal, `apiMessage` is the server's own message, which some
 * subcommands wrap (`error: failed to create deployment: ...`).
 */
export class KubectlError extends Error {
  constructor(message: string, readonly apiMessage = message) {
    super(message);
  }
}
