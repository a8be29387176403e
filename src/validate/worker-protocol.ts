// Messages between the main thread and a validation worker.
import type { MessagePort } from "node:worker_threads";
import type { InputText } from "../load/index.js";
import type { DocumentSummary, Finding, Position } from "../types.js";
import type { CheckOptions } from "./options.js";
import type { EncodedObjects } from "./transfer-objects.js";

export interface CheckRequest {
  type: "check";
  /** Files already read by the main thread: the worker checks those it takes. */
  inputs: readonly InputText[];
  /** How many inputs the threads have taken (shared): each takes the next with Atomics.add. */
  taken: Int32Array;
  options: CheckOptions;
  /** Where the worker posts a CheckedInput as it finishes each input, for the main thread to take between its own. */
  results: MessagePort;
}

/** A checked file as it crosses threads: the objects travel, their YAML stays in the worker. */
export interface TransferredFile {
  file: string;
  summaries: DocumentSummary[];
  objects: EncodedObjects;
  findings: Finding[];
  skipped: number;
}

/** The files of one input the worker took (Helm's output may name several). */
export interface CheckedInput {
  input: number;
  files: TransferredFile[];
}

/** Sent once no input is left, after the last CheckedInput. */
export interface CheckResponse {
  type: "checked";
}

/**
 * Asks a worker for the API server's verdict on each document the main thread
 * sends it (remote-create-path.ts), while the main thread does the rest of
 * their checks. The main thread sends each input's objects as a CreateJob as
 * soon as it has parsed them, in the order of jobs, and counts them in `sent`.
 */
export interface CreateRequest {
  type: "create";
  /** How many jobs the main thread sends. */
  jobs: number;
  kubernetesVersion: string;
  namespace: string;
  /** The kinds the run's CRDs make cluster-scoped. */
  clusterScopedKinds: readonly string[];
  /** How many jobs are on `objects` (shared): the worker waits on it for the next. */
  sent: Int32Array;
  /** Who works out each job's verdicts (shared): UNCLAIMED, BY_WORKER or BY_MAIN_THREAD. */
  claimed: Int32Array;
  /** Where the main thread posts each CreateJob. */
  objects: MessagePort;
  /** Where the worker posts each job's CreateVerdicts as soon as it has them. */
  results: MessagePort;
}

/** The objects of one input, in the order the YAML reader returns them. */
export interface CreateJob {
  job: number;
  objects: EncodedObjects;
}

/** Who has taken a job of a CreateRequest: the worker takes them from the first, the main thread from the last once done with its share. */
export const UNCLAIMED = 0;
export const BY_WORKER = 1;
export const BY_MAIN_THREAD = 2;

/** Per object of a job: 1 when creating it gives no error and no warning. */
export interface CreateVerdicts {
  job: number;
  clean: Uint8Array;
}

/** Sent once the worker is done, after its last CreateVerdicts. */
export interface CreatedResponse {
  type: "created";
}

export interface LocateRequest {
  type: "locate";
  /** Document ids are positions in the order the worker returned them, across files. */
  requests: Array<{ document: number; pointer: string; key: boolean }>;
}

export interface LocateResponse {
  type: "located";
  positions: Position[];
}

/** Sent before the worker is terminated: it writes the code caches its scripts lacked. */
export interface CloseRequest {
  type: "close";
}

export interface ClosingResponse {
  type: "closing";
}

export interface FailureResponse {
  type: "failed";
  message: string;
}
