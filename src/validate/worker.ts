// A validation worker: checks its share of the files, then answers where
// values are, since only it holds their parsed YAML.
import { parentPort } from "node:worker_threads";
import type { ManifestDocument } from "../types.js";
import { checkTexts } from "./check-files.js";
import type { CheckRequest, CheckResponse, FailureResponse, LocateRequest, LocateResponse } from "./worker-protocol.js";
import { appendAll } from "../util/append.js";

// See useEnvironmentCopy in cli.ts: the YAML parser reads the environment for every token.
process.env = { ...process.env };

const documents: ManifestDocument[] = [];

function handle(message: CheckRequest | LocateRequest): CheckResponse | LocateResponse {
  if (message.type === "check") {
    const files = checkTexts(message.inputs, message.options);
    for (const file of files) appendAll(documents, file.documents);
    return {
      type: "checked",
      files: files.map((f) => ({
        file: f.file,
        summaries: f.summaries,
        objects: f.documents.map((d) => d.object),
        findings: f.findings,
        skipped: f.skipped,
      })),
    };
  }
  return {
    type: "located",
    positions: message.requests.map((r) => documents[r.document]!.locate(r.pointer, { key: r.key })),
  };
}

parentPort?.on("message", (message: CheckRequest | LocateRequest) => {
  try {
    parentPort!.postMessage(handle(message));
  } catch (error) {
    const failure: FailureResponse = { type: "failed", message: (error as Error).message };
    parentPort!.postMessage(failure);
  }
});
