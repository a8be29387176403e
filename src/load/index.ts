// The load stage: paths in, documents and loading findings out.
import type { Finding, LoadResult } from "../types.js";
import { parseManifests } from "./documents.js";
import { expandPaths, INPUT_RULES, readInput, type InputError, type ReadOptions } from "./read-inputs.js";
import { appendAll } from "../util/append.js";
import { boundedText } from "../util/bounded-text.js";

export { parseManifests, type ParsedFile } from "./documents.js";
export { scalarSourceAt } from "./yaml-ast.js";
export {
  DEFAULT_MAX_FILE_SIZE, describeSize, expandPaths, INPUT_RULES, listManifestFiles, parseFileSize, readInput,
  type InputError, type InputText, type ReadOptions,
} from "./read-inputs.js";

/** A path that could not be read, as a finding about its file. */
export function inputErrorFinding(error: InputError): Finding {
  return { severity: "error", rule: error.rule ?? INPUT_RULES.unreadable, message: boundedText(error.message), file: error.file, line: 1, column: 1, path: "" };
}

/** Loads text already in memory (stdin, tests, the library API). */
export function loadText(text: string, file = "<stdin>"): LoadResult {
  const parsed = parseManifests(text, file);
  return { documents: parsed.documents, findings: parsed.findings, files: [file] };
}

/** Loads every manifest under the given paths. */
export function loadInputs(paths: readonly string[], options: ReadOptions = {}): LoadResult {
  const { files, errors } = expandPaths(paths, options);
  const result: LoadResult = {
    documents: [],
    findings: errors.map(inputErrorFinding),
    files: [],
  };
  for (const file of files) {
    const input = readInput(file, options);
    if ("message" in input) {
      result.findings.push(inputErrorFinding(input));
      continue;
    }
    result.files.push(input.file);
    const parsed = parseManifests(input.text, input.file);
    appendAll(result.documents, parsed.documents);
    appendAll(result.findings, parsed.findings);
  }
  return result;
}
