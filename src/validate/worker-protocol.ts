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
