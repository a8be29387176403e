// Spreads reading and schema checks over worker threads. The main thread
// takes a share too; a worker keeps the YAML of its documents and is asked
// later, in one batch, where the values that rules reported on are.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { workerThreads } from "../util/on-demand-modules.js";
import type { ManifestDocument, Position } from "../types.js";
import type { InputText } from "../load/index.js";
import { checkTexts, type CheckedFile } from "./check-files.js";
import type { CheckOptions } from "./options.js";
import type { CheckResponse, FailureResponse, LocateResponse, TransferredFile } from "./worker-protocol.js";

/** The extra share of the files this thread checks while the workers start. */
const MAIN_THREAD_HEAD_START = 0.06;

/** Below this much YAML, starting a worker costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 1_000_000;

/**
 * Threads when none are asked for: one per core, but only one on two cores or
 * fewer. A one-thread run already keeps part of a second core busy (V8 collects
 * garbage and optimizes code on background threads), and a worker repeats the
 * start-up, the JIT warm-up and the heap: two threads take about 1.4x the CPU
 * of one, so on two cores they cannot be much faster, and were slower.
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return cores > 2 ? cores : 1;
}

/** A document parsed in a worker: the object is here, its positions are there. */
export class RemoteDocument implements ManifestDocument {
  constructor(
    readonly file: string,
    readonly index: number,
    readonly pointerPrefix: string,
    readonly object: ManifestDocument["object"],
    readonly worker: ValidationWorker,
    readonly id: number,
    private readonly startLine: number,
  ) {}

  /** Synchronous callers get the object's first line; exact positions come from `ValidationWorker.locate`. */
  locate(): Position {
    return { line: this.startLine, column: 1 };
  }
}

export class ValidationWorker {
  private readonly worker: Worker;

  constructor() {
    this.worker = new (workerThreads().Worker)(new URL("./worker.js", import.meta.url));
    this.worker.unref();
  }

  private request<T>(message: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (response: T | FailureResponse) => {
        this.worker.off("error", onError);
        if ((response as FailureResponse).type === "failed") reject(new Error((response as FailureResponse).message));
        else resolve(response as T);
      };
      const onError = (error: Error) => {
        this.worker.off("message", onMessage);
        reject(error);
      };
      this.worker.once("message", onMessage);
      this.worker.once("error", onError);
      this.worker.postMessage(message);
    });
  }

  async check(inputs: InputText[], options: CheckOptions): Promise<CheckedFile[]> {
    const response = await this.request<CheckResponse>({ type: "check", inputs, options });
    let id = 0;
    return response.files.map((f: TransferredFile) => ({
      file: f.file,
      findings: f.findings,
      summaries: f.summaries,
      skipped: f.skipped,
      byDocument: new Map(),
      documents: f.objects.map((object, i) => {
        const s = f.summaries[i]!;
        return new RemoteDocument(s.file, s.index, s.pointerPrefix, object, this, id++, s.line);
      }),
    }));
  }

  async locate(requests: Array<{ document: number; pointer: string; key: boolean }>): Promise<Position[]> {
    if (requests.length === 0) return [];
    const response = await this.request<LocateResponse>({ type: "locate", requests });
    return response.positions;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Splits inputs into `parts` contiguous runs of about equal size, keeping input order. */
export function splitBySize(inputs: readonly InputText[], parts: number, firstShare = 1 / parts): InputText[][] {
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  const otherShare = parts > 1 ? (1 - firstShare) / (parts - 1) : 0;
  const out: InputText[][] = [];
  let current: InputText[] = [];
  let acc = 0;
  inputs.forEach((input) => {
    current.push(input);
    acc += input.text.length;
    // Rounded, so that 1/3 + 1/3 of 60 characters cuts at 40, not at 40.000000000000004.
    if (out.length < parts - 1 && acc >= Math.round(total * (firstShare + otherShare * out.length))) {
      out.push(current);
      current = [];
    }
  });
  out.push(current);
  return out;
}

export interface ParallelCheck {
  files: CheckedFile[];
  workers: ValidationWorker[];
}

/** Checks the files, on worker threads when there is enough to share. */
export async function checkInParallel(inputs: readonly InputText[], options: CheckOptions): Promise<ParallelCheck> {
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), inputs.length));
  if (threads === 1 || total < PARALLEL_THRESHOLD_BYTES) {
    return { files: checkTexts(inputs, options), workers: [] };
  }
  // A worker spends its first tenth of a second loading modules: this thread takes a little more.
  const [mine, ...theirs] = splitBySize(inputs, threads, 1 / threads + MAIN_THREAD_HEAD_START);
  const workers = theirs.map(() => new ValidationWorker());
  const pending = workers.map((worker, i) => worker.check(theirs[i]!, options));
  const local = checkTexts(mine!, options);
  const remote = await Promise.all(pending);
  return { files: [...local, ...remote.flat()], workers };
}
