// Messages between the main thread and a validation worker.
import type { InputText } from "../load/index.js";
import type { DocumentSummary, Finding, KubeObject, Position } from "../types.js";
import type { CheckOptions } from "./options.js";

export interface CheckRequest {
  type: "check";
  /** Files already read by the main thread. */
  inputs: InputText[];
  options: CheckOptions;
}

/** A checked file as it crosses threads: the objects travel, their YAML stays in the worker. */
export interface TransferredFile {
  file: string;
  summaries: DocumentSummary[];
  objects: KubeObject[];
  findings: Finding[];
  skipped: number;
}

export interface CheckResponse {
  type: "checked";
  files: TransferredFile[];
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

export interface FailureResponse {
  type: "failed";
  message: string;
}
