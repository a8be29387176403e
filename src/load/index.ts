// The load stage: paths in, documents and loading findings out.
import type { Finding, LoadResult } from "../types.js";
import { parseManifests } from "./documents.js";
import { expandPaths, readInput } from "./read-inputs.js";

export { parseManifests, type ParsedFile } from "./documents.js";
export { scalarSourceAt } from "./yaml-ast.js";
export { expandPaths, listManifestFiles, readInput, type InputError, type InputText } from "./read-inputs.js";

function unreadable(file: string, message: string): Finding {
  return { severity: "error", rule: "input/unreadable", message, file, line: 1, column: 1, path: "" };
}

/** Loads text already in memory (stdin, tests, the library API). */
export function loadText(text: string, file = "<stdin>"): LoadResult {
  const parsed = parseManifests(text, file);
  return { documents: parsed.documents, findings: parsed.findings, files: [file] };
}

/** Loads every manifest under the given paths. */
export function loadInputs(paths: readonly string[]): LoadResult {
  const { files, errors } = expandPaths(paths);
  const result: LoadResult = {
    documents: [],
    findings: errors.map((e) => unreadable(e.file, e.message)),
    files: [],
  };
  for (const file of files) {
    const input = readInput(file);
    if ("message" in input) {
      result.findings.push(unreadable(input.file, input.message));
      continue;
    }
    result.files.push(input.file);
    const parsed = parseManifests(input.text, input.file);
    result.documents.push(...parsed.documents);
    result.findings.push(...parsed.findings);
  }
  return result;
}
