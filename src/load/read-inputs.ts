// Turns the command line's paths into (name, text) pairs: files as given,
// directories walked recursively for manifests, `-` for standard input.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";

export interface InputText {
  file: string;
  text: string;
}

export interface InputError {
  file: string;
  message: string;
}

const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return (error as Error).message ?? String(error);
  }
}

/**
 * Manifest files under `dir`, depth-first, in byte order of their names;
 * hidden entries skipped, and each directory read once even when links lead
 * back to it.
 */
export function listManifestFiles(dir: string, visited = new Set<string>()): string[] {
  const real = realpathSync(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = statSync(path);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        continue; // a dangling link is not an input
      }
    }
    if (isDir) out.push(...listManifestFiles(path, visited));
    else if (isFile && MANIFEST_EXTENSION.test(entry.name)) out.push(path);
  }
  return out;
}

/** Expands paths to the list of files to read; unreadable paths are reported, not thrown. */
export function expandPaths(paths: readonly string[]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    if (path === "-") {
      files.push("-");
      continue;
    }
    try {
      if (statSync(path).isDirectory()) files.push(...listManifestFiles(path));
      else files.push(path);
    } catch (error) {
      errors.push({ file: path, message: `cannot read "${path}": ${reason(error)}` });
    }
  }
  return { files, errors };
}

export function readInput(file: string): InputText | InputError {
  try {
    const text = readFileSync(file === "-" ? 0 : file, "utf8");
    return { file: file === "-" ? "<stdin>" : file, text };
  } catch (error) {
    return { file, message: `cannot read "${file}": ${reason(error)}` };
  }
}
