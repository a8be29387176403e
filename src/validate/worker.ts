// A validation worker: checks the files it takes, then answers where
// values are, since only it holds their parsed YAML.
import { parentPort } from "node:worker_threads";
import type { ManifestDocument } from "../types.js";
import { checkText, createChecker, type CheckedFile } from "./check-files.js";
import type {
  CheckedInput,
  CheckRequest,
  CheckResponse,
  ClosingResponse,
  CloseRequest,
  FailureResponse,
  LocateRequest,
  LocateResponse,
  TransferredFile,
} from "./worker-protocol.js";
import { appendAll } from "../util/append.js";
import { encodeObjects } from "./transfer-objects.js";

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

function handle(message: CheckRequest | LocateRequest | CloseRequest): CheckResponse | LocateResponse | ClosingResponse {
  if (message.type === "check") return check(message);
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

parentPort?.on("message", (message: CheckRequest | LocateRequest | CloseRequest) => {
  try {
    parentPort!.postMessage(handle(message));
  } catch (error) {
    const failure: FailureResponse = { type: "failed", message: (error as Error).message };
    parentPort!.postMessage(failure);
  }
});
