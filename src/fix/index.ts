// `kubeplan fix`: the files given, each fixed on its own (see fix-text.ts).
// Files that cannot be read, and files that are not manifests, are left alone.
import { expandPaths, readInput } from "../load/read-inputs.js";
import type { Finding } from "../types.js";
import { notAManifest } from "../validate/not-manifests.js";
import type { ValidateOptions } from "../validate/options.js";
import { fixText, type AppliedFix } from "./fix-text.js";

export interface FixedFile {
  /** `<stdin>` for standard input. */
  file: string;
  before: string;
  after: string;
  applied: AppliedFix[];
  remaining: Finding[];
}

export interface FixRun {
  files: FixedFile[];
  /** Paths that could not be read, with why. */
  problems: string[];
}

export async function fixFiles(paths: readonly string[], options: ValidateOptions): Promise<FixRun> {
  const expanded = expandPaths(paths, options);
  const run: FixRun = { files: [], problems: expanded.errors.map((error) => `${error.file}: ${error.message}`) };
  for (const path of expanded.files) {
    if (path !== "-" && notAManifest(path)) continue;
    const read = readInput(path, options);
    if ("message" in read) {
      run.problems.push(`${read.file}: ${read.message}`);
      continue;
    }
    const fixed = await fixText(read.text, read.file, options);
    run.files.push({ file: read.file, before: read.text, after: fixed.text, applied: fixed.applied, remaining: fixed.remaining });
  }
  return run;
}
