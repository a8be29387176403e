// Spreads reading and schema checks over worker threads. The main thread
// checks files too: each thread takes the next file no thread has taken, so
// that a worker still starting, or slower, takes fewer. A worker keeps the
// YAML of its documents and is asked later, in one batch, where the values
// that rules reported on are.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { workerThreads } from "../util/on-demand-modules.js";
import type { ManifestDocument, Position } from "../types.js";
import type { InputText } from "../load/index.js";
import { checkText, checkTexts, createChecker, type CheckedFile } from "./check-files.js";
import type { CheckOptions } from "./options.js";
import type { CheckResponse, ClosingResponse, FailureResponse, LocateResponse, TransferredFile } from "./worker-protocol.js";

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

/** Given to the bundle by bin/load-bundle.js: the script a worker thread starts from, to run the bundle's worker with its code cache. */
declare const kubeplanWorker: { entry: string; data: unknown } | undefined;

export class ValidationWorker {
  private readonly worker: Worker;

  constructor() {
    const bundled = typeof kubeplanWorker === "undefined" ? undefined : kubeplanWorker;
    this.worker = new (workerThreads().Worker)(bundled?.entry ?? new URL("./worker.js", import.meta.url), { workerData: bundled?.data });
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

  /** Checks the inputs this worker takes (see checkInParallel): the files of each, by its index. */
  async check(inputs: readonly InputText[], taken: Int32Array, options: CheckOptions): Promise<Array<{ input: number; files: CheckedFile[] }>> {
    const response = await this.request<CheckResponse>({ type: "check", inputs, taken, options });
    let id = 0;
    const received = (f: TransferredFile): CheckedFile => ({
      file: f.file,
      findings: f.findings,
      summaries: f.summaries,
      skipped: f.skipped,
      byDocument: new Map(),
      documents: f.objects.map((object, i) => {
        const s = f.summaries[i]!;
        return new RemoteDocument(s.file, s.index, s.pointerPrefix, object, this, id++, s.line);
      }),
    });
    return response.checked.map(({ input, files }) => ({ input, files: files.map(received) }));
  }

  async locate(requests: Array<{ document: number; pointer: string; key: boolean }>): Promise<Position[]> {
    if (requests.length === 0) return [];
    const response = await this.request<LocateResponse>({ type: "locate", requests });
    return response.positions;
  }

  /** Lets the worker write the code caches it lacked, then ends it (one that failed is ended all the same). */
  async close(): Promise<number> {
    await this.request<ClosingResponse>({ type: "close" }).catch(() => undefined);
    return this.worker.terminate();
  }
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
  // How many inputs the threads have taken: each takes the next with Atomics.add.
  const taken = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const workers = Array.from({ length: threads - 1 }, () => new ValidationWorker());
  const pending = workers.map((worker) => worker.check(inputs, taken, options));
  const byInput: CheckedFile[][] = new Array(inputs.length);
  const checker = createChecker(options);
  for (let i = Atomics.add(taken, 0, 1); i < inputs.length; i = Atomics.add(taken, 0, 1)) {
    byInput[i] = checkText(inputs[i]!.text, inputs[i]!.file, options, checker);
  }
  for (const checked of await Promise.all(pending)) {
    for (const { input, files } of checked) byInput[input] = files;
  }
  return { files: byInput.flat(), workers };
}
