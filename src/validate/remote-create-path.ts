// The API server's create path on a second thread. On two threads, the main
// thread sends a worker the objects of each input as soon as it has parsed
// them; the worker works out, for each object, whether creating it finds
// anything, while the main thread schema-checks and runs the document rules.
// Split by code rather than by file, each thread runs (and V8 warms up and
// optimizes) only its share of the code, where two threads checking files
// alike would both compile all of it. The main thread runs the create path
// itself only for a document the worker found something in, or one with
// schema findings (the two are weighed together there), and for the last
// inputs when it is done with its share before the worker: every finding is
// made, and placed, as on one thread.
import type { KubeObject } from "../types.js";
import { clusterScopedKind } from "./find-crds.js";
import type { ValidationWorker } from "./parallel.js";
import { encodeObjects } from "./transfer-objects.js";
import { BY_MAIN_THREAD, UNCLAIMED, type CreateJob, type CreateVerdicts } from "./worker-protocol.js";

/** Whether creating a document gives no finding, by its place among the objects sent; undefined when the worker did not say. */
export type CreateVerdict = (ordinal: number) => boolean | undefined;

export class RemoteCreatePath {
  private readonly verdicts = new Map<number, Uint8Array>();
  private readonly work: ReturnType<ValidationWorker["create"]>;
  /** How many jobs were sent (worker-protocol.ts). */
  private readonly sent: Int32Array;
  /** Who has taken each job. */
  private readonly claimed: Int32Array;
  private jobsSent = 0;
  /** The jobs before this one may still be unclaimed. */
  private end: number;

  /** A worker that takes `jobs` jobs, each one input's objects. */
  constructor(
    worker: ValidationWorker,
    private readonly jobs: number,
    options: { kubernetesVersion: string; namespace: string; crds: readonly KubeObject[] },
  ) {
    const clusterScopedKinds = options.crds.flatMap((crd) => clusterScopedKind(crd) ?? []);
    this.sent = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    this.claimed = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * Math.max(1, jobs)));
    this.end = jobs;
    this.work = worker.create({ jobs, kubernetesVersion: options.kubernetesVersion, namespace: options.namespace, clusterScopedKinds, sent: this.sent, claimed: this.claimed });
  }

  /** Sends the next job, an input's objects; returns how to read their verdicts once `finished` has settled. */
  send(objects: KubeObject[]): CreateVerdict {
    const job = this.jobsSent++;
    const message: CreateJob = { job, objects: encodeObjects(objects) };
    this.work.objects.postMessage(message);
    Atomics.store(this.sent, 0, this.jobsSent);
    Atomics.notify(this.sent, 0);
    const verdict: CreateVerdict = (ordinal) => {
      const clean = this.verdicts.get(job);
      return clean === undefined || ordinal >= clean.length ? undefined : clean[ordinal] === 1;
    };
    return verdict;
  }

  /**
   * The last job the worker has not begun, now the main thread's (its
   * documents get no verdict); undefined once the worker has begun them all.
   */
  takeLast(): number | undefined {
    if (this.end === 0) return undefined;
    const job = this.end - 1;
    if (Atomics.compareExchange(this.claimed, job, UNCLAIMED, BY_MAIN_THREAD) !== UNCLAIMED) {
      // The worker takes them in order: it has begun every one before too.
      this.end = 0;
      return undefined;
    }
    this.end = job;
    return job;
  }

  /** Lets a worker waiting for jobs that will not come end (the main thread failed). */
  abandon(): void {
    Atomics.store(this.sent, 0, this.jobs);
    Atomics.notify(this.sent, 0);
  }

  /** Waits for the worker's last verdicts. A worker that failed leaves its documents to the main thread. */
  async finished(): Promise<void> {
    const place = (received: CreateVerdicts[]) => {
      for (const { job, clean } of received) this.verdicts.set(job, clean);
    };
    place(this.work.received());
    try {
      place(await this.work.finished());
    } catch {
      // The documents without a verdict get the create path on the main thread.
    }
    this.work.objects.close();
  }
}
