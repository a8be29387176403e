// A validation worker: checks the files it takes, then answers where
// values are, since only it holds their parsed YAML; or, on two threads, runs
// the API server's create path on the objects the main thread sends.
import { parentPort, receiveMessageOnPort } from "node:worker_threads";
import type { ManifestDocument } from "../types.js";
import { checkText, createChecker, type CheckedFile } from "./check-files.js";
import { BY_WORKER, UNCLAIMED } from "./worker-protocol.js";
import type {
  CheckedInput,
  CheckRequest,
  CheckResponse,
  ClosingResponse,
  CloseRequest,
  CreatedResponse,
  CreateJob,
  CreateRequest,
  CreateVerdicts,
  FailureResponse,
  LocateRequest,
  LocateResponse,
  TransferredFile,
} from "./worker-protocol.js";
import { appendAll } from "../util/append.js";
import { decodeObjects, encodeObjects } from "./transfer-objects.js";
import { Inventory } from "../inventory.js";
import { createsCleanly } from "./create-path.js";
import type { CreateContext } from "../apiserver/index.js";

// See useEnvironmentCopy in cli.ts: the YAML parser reads the environment for every token.
process.env = { ...process.env };

/** Given by bin/load-bundle.js when the worker runs from the bundle: writes the code caches its scripts lacked. */
declare const kubeplanWriteCodeCaches: (() => void) | undefined;

/** The documents checked here, in the order they were sent: the main thread asks for positions by that index. */
const documents: ManifestDocument[] = [];

function transferred(file: CheckedFile): TransferredFile {
  appendAll(documents, file.documents);
  return { file: file.file, summaries: file.summaries, objects: encodeObjects(file.documents.map((d) => d.object)), findings: file.findings, skipped: file.skipped };
}

/**
 * Checks, one at a time, the inputs no other thread has taken, and sends each
 * as soon as it is checked: the main thread reads them between its own
 * inputs, instead of all at once when the last is done.
 */
function check({ inputs, taken, options, results }: CheckRequest): CheckResponse {
  const checker = createChecker(options);
  for (let i = Atomics.add(taken, 0, 1); i < inputs.length; i = Atomics.add(taken, 0, 1)) {
    const checked: CheckedInput = { input: i, files: checkText(inputs[i]!.text, inputs[i]!.file, options, checker).map(transferred) };
    results.postMessage(checked);
  }
  return { type: "checked" };
}

/**
 * The API server's verdict on each object the main thread sends, job after
 * job, each job's sent as soon as it is known: the main thread runs the rest of
 * the checks meanwhile, and the create path only where this thread found
 * something, or on the jobs it takes from the end once done with its share.
 */
function create({ jobs, kubernetesVersion, namespace, clusterScopedKinds, sent, claimed, objects, results }: CreateRequest): CreatedResponse {
  // The context the main thread's checker has (createChecker).
  const inventory = new Inventory(namespace);
  for (const kind of clusterScopedKinds) inventory.markClusterScoped(kind);
  const context: CreateContext = { kubernetesVersion, namespace: inventory.defaultNamespace, isNamespaced: (kind: string) => inventory.isNamespaced(kind) };
  for (let job = 0; job < jobs; job++) {
    // The main thread takes jobs from the end: once it has taken one, the rest are its.
    if (Atomics.compareExchange(claimed, job, UNCLAIMED, BY_WORKER) !== UNCLAIMED) break;
    for (let count = Atomics.load(sent, 0); count <= job; count = Atomics.load(sent, 0)) Atomics.wait(sent, 0, count);
    const message = receiveMessageOnPort(objects)?.message as CreateJob | undefined;
    // None: the main thread gave up (it failed), and counted every job as sent.
    if (message === undefined) break;
    const decoded = decodeObjects(message.objects);
    const clean = new Uint8Array(decoded.length);
    for (let i = 0; i < decoded.length; i++) clean[i] = createsCleanly(decoded[i]!, context) ? 1 : 0;
    const verdicts: CreateVerdicts = { job: message.job, clean };
    results.postMessage(verdicts);
  }
  objects.close();
  return { type: "created" };
}

function handle(message: CheckRequest | CreateRequest | LocateRequest | CloseRequest): CheckResponse | CreatedResponse | LocateResponse | ClosingResponse {
  if (message.type === "check") return check(message);
  if (message.type === "create") return create(message);
  if (message.type === "close") {
    // The thread is terminated next, without an exit event to write them at.
    if (typeof kubeplanWriteCodeCaches === "function") kubeplanWriteCodeCaches();
    return { type: "closing" };
  }
  return {
    type: "located",
    positions: message.requests.map((r) => documents[r.document]!.locate(r.pointer, { key: r.key })),
  };
}

parentPort?.on("message", (message: CheckRequest | CreateRequest | LocateRequest | CloseRequest) => {
  try {
    parentPort!.postMessage(handle(message));
  } catch (error) {
    const failure: FailureResponse = { type: "failed", message: (error as Error).message };
    parentPort!.postMessage(failure);
  }
});
