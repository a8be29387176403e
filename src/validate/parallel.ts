// Spreads reading and schema checks over worker threads. The main thread
// checks files too: each thread takes the next file no thread has taken, so
// that a worker still starting, or slower, takes fewer. A worker keeps the
// YAML of its documents and is asked later, in one batch, where the values
// that rules reported on are.
import type { MessagePort, TransferListItem, Worker } from "node:worker_threads";
import { os, workerThreads } from "../util/on-demand-modules.js";
import type { ManifestDocument, Position } from "../types.js";
import type { InputText } from "../load/index.js";
import { checkText, checkTexts, createChecker, type CheckedFile } from "./check-files.js";
import type { CheckOptions, ValidateOptions } from "./options.js";
import type { CheckedInput, CheckResponse, ClosingResponse, CreatedResponse, CreateRequest, CreateVerdicts, FailureResponse, LocateResponse, TransferredFile } from "./worker-protocol.js";
import { decodeObjects } from "./transfer-objects.js";

/** Below this much YAML, starting a worker costs more than it saves (bin/input-scale.js starts one early from this much). */
export const PARALLEL_THRESHOLD_BYTES = 1_000_000;

/**
 * Threads when none are asked for: one per core. Two threads split the work by
 * code (remote-create-path.ts), more share the files: a one-thread run already
 * keeps part of a second core busy (V8 collects garbage and optimizes code on
 * background threads), and a worker that checks files as the main thread does
 * repeats the start-up, the JIT warm-up and the heap, so on two cores that
 * costs more than it saves.
 */
export function defaultThreads(cores: number = os().availableParallelism()): number {
  return cores;
}

/** The threads for these inputs: one below PARALLEL_THRESHOLD_BYTES (the cores are counted only when there is enough to share). */
function threadsFor(inputs: readonly InputText[], options: CheckOptions | ValidateOptions): number {
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  return total < PARALLEL_THRESHOLD_BYTES ? 1 : Math.max(1, options.threads ?? defaultThreads());
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

/** A worker started before the bundle loaded (bin/early-worker.js), and whether it has ended since. */
interface StartedWorker {
  worker: Worker;
  exited: boolean;
}

/**
 * Given to the bundle by bin/load-bundle.js: the script a worker thread starts
 * from, to run the bundle's worker with its code cache, and the worker started
 * as the process started, if any, taken once.
 */
declare const kubeplanWorker: { entry: string; data: unknown; takeStarted?(): StartedWorker | undefined } | undefined;

function bundledWorker(): typeof kubeplanWorker {
  return typeof kubeplanWorker === "undefined" ? undefined : kubeplanWorker;
}

/** Ends the worker started early when the run has no use for it: it would take a core from the main thread. */
export function endUnusedWorker(): void {
  void bundledWorker()?.takeStarted?.()?.worker.terminate();
}

export class ValidationWorker {
  private readonly worker: Worker;
  /** The next id of a document received: ids count documents in the order the worker sent them. */
  private nextId = 0;
  private exited = false;

  constructor() {
    const bundled = bundledWorker();
    const started = bundled?.takeStarted?.();
    this.worker = started?.worker ?? new (workerThreads().Worker)(bundled?.entry ?? new URL("./worker.js", import.meta.url), { workerData: bundled?.data });
    this.exited = started?.exited ?? false;
    this.worker.unref();
    this.worker.once("exit", () => (this.exited = true));
    // An error between requests (one that stops the worker from starting) ends it: the next request fails.
    this.worker.on("error", () => undefined);
  }

  private request<T>(message: unknown, transfer: TransferListItem[] = []): Promise<T> {
    return new Promise((resolve, reject) => {
      // A worker that could not start, or has ended, answers nothing: the request fails instead of waiting.
      if (this.exited) return reject(new Error("the validation worker has ended"));
      const settle = () => {
        this.worker.off("message", onMessage);
        this.worker.off("error", onError);
        this.worker.off("exit", onExit);
      };
      const onMessage = (response: T | FailureResponse) => {
        settle();
        if ((response as FailureResponse).type === "failed") reject(new Error((response as FailureResponse).message));
        else resolve(response as T);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const onExit = () => {
        settle();
        reject(new Error("the validation worker has ended"));
      };
      this.worker.once("message", onMessage);
      this.worker.once("error", onError);
      this.worker.once("exit", onExit);
      this.worker.postMessage(message, transfer);
    });
  }

  /**
   * Starts checking the inputs this worker takes (see checkInParallel). Each
   * input's files can be taken with `received` as soon as the worker has
   * checked it, and the rest with `finished` once it has sent the last.
   */
  check(inputs: readonly InputText[], taken: Int32Array, options: CheckOptions): CheckingWorker {
    const { port1, port2 } = new (workerThreads().MessageChannel)();
    const done = this.request<CheckResponse>({ type: "check", inputs, taken, options, results: port2 }, [port2]);
    // A failure is reported by `finished`, whenever it is asked.
    done.catch(() => undefined);
    const received = (): Array<{ input: number; files: CheckedFile[] }> => {
      const out: Array<{ input: number; files: CheckedFile[] }> = [];
      for (let message = workerThreads().receiveMessageOnPort(port1); message; message = workerThreads().receiveMessageOnPort(port1)) {
        const { input, files } = message.message as CheckedInput;
        out.push({ input, files: files.map((file) => this.receivedFile(file)) });
      }
      return out;
    };
    // The worker posts its last input before it answers the request: it is on the port by then.
    const finished = () => done.then(received).finally(() => port1.close());
    return { received, finished };
  }

  /**
   * Starts working out the API server's verdict on the objects of the jobs
   * sent to `objects` (see remote-create-path.ts): `received` takes the
   * verdicts sent so far, `finished` the rest once the worker is done.
   */
  create(request: Omit<CreateRequest, "type" | "results" | "objects">): { objects: MessagePort; received(): CreateVerdicts[]; finished(): Promise<CreateVerdicts[]> } {
    const jobs = new (workerThreads().MessageChannel)();
    const results = new (workerThreads().MessageChannel)();
    const done = this.request<CreatedResponse>({ ...request, type: "create", objects: jobs.port2, results: results.port2 }, [jobs.port2, results.port2]);
    done.catch(() => undefined);
    const received = (): CreateVerdicts[] => {
      const out: CreateVerdicts[] = [];
      for (let message = workerThreads().receiveMessageOnPort(results.port1); message; message = workerThreads().receiveMessageOnPort(results.port1)) out.push(message.message as CreateVerdicts);
      return out;
    };
    const finished = () => done.then(received).finally(() => results.port1.close());
    return { objects: jobs.port1, received, finished };
  }

  private receivedFile(file: TransferredFile): CheckedFile {
    const objects = decodeObjects(file.objects);
    return {
      file: file.file,
      findings: file.findings,
      summaries: file.summaries,
      skipped: file.skipped,
      byDocument: new Map(),
      documents: objects.map((object, i) => {
        const s = file.summaries[i]!;
        return new RemoteDocument(s.file, s.index, s.pointerPrefix, object, this, this.nextId++, s.line);
      }),
    };
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

/** A worker at work on its share of the inputs. */
export interface CheckingWorker {
  /** The inputs the worker has sent since last asked, with their files. */
  received(): Array<{ input: number; files: CheckedFile[] }>;
  /** The inputs it sent since last asked, once it has sent every input it took (rejects if it failed). */
  finished(): Promise<Array<{ input: number; files: CheckedFile[] }>>;
}

export interface ParallelCheck {
  files: CheckedFile[];
  workers: ValidationWorker[];
}

/** The workers that share the files with this thread (on more than two threads): started before the CRDs are read, they start up meanwhile. */
export function startWorkers(inputs: readonly InputText[], options: CheckOptions | ValidateOptions): ValidationWorker[] {
  const threads = Math.min(threadsFor(inputs, options), inputs.length);
  return threads > 2 ? Array.from({ length: threads - 1 }, () => new ValidationWorker()) : [];
}

/** The worker that runs the API server's create path on two threads (remote-create-path.ts), started as early as startWorkers'. */
export function startCreatePathWorker(inputs: readonly InputText[], options: CheckOptions | ValidateOptions): ValidationWorker | undefined {
  return threadsFor(inputs, options) === 2 ? new ValidationWorker() : undefined;
}

/** Checks the files, on the workers given and this thread, or on this thread alone. */
export async function checkInParallel(inputs: readonly InputText[], options: CheckOptions, workers: ValidationWorker[]): Promise<ParallelCheck> {
  if (workers.length === 0) return { files: checkTexts(inputs, options), workers };
  // How many inputs the threads have taken: each takes the next with Atomics.add.
  const taken = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const checking = workers.map((worker) => worker.check(inputs, taken, options));
  const byInput: CheckedFile[][] = new Array(inputs.length);
  const place = (received: Array<{ input: number; files: CheckedFile[] }>) => {
    for (const { input, files } of received) byInput[input] = files;
  };
  const checker = createChecker(options);
  for (let i = Atomics.add(taken, 0, 1); i < inputs.length; i = Atomics.add(taken, 0, 1)) {
    byInput[i] = checkText(inputs[i]!.text, inputs[i]!.file, options, checker);
    // What the workers sent meanwhile is read now, while they check on, not all after the last.
    for (const worker of checking) place(worker.received());
  }
  for (const received of await Promise.all(checking.map((worker) => worker.finished()))) place(received);
  return { files: byInput.flat(), workers };
}
