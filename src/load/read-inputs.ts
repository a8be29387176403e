// Turns the command line's paths into (name, text) pairs: files as given,
// directories walked recursively for manifests, `-` for standard input.
// Inputs come from anyone's pull request, so reading is bounded: only regular
// files are read, each up to a size limit, and a symbolic link that leads
// outside the given paths (to a kubeconfig, a device) is not followed.
import { isAscii } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

export interface InputText {
  file: string;
  text: string;
}

export interface InputError {
  file: string;
  message: string;
  /** The rule of the finding (default `input/unreadable`). */
  rule?: string;
}

/** How inputs may be read (`--max-file-size`, `--follow-external-symlinks`). */
export interface ReadOptions {
  /** Largest file read, in bytes (default DEFAULT_MAX_FILE_SIZE). */
  maxFileSize?: number;
  /** Follow symbolic links that lead outside the given paths. */
  followExternalSymlinks?: boolean;
}

export const INPUT_RULES = {
  unreadable: "input/unreadable",
  symlinkOutside: "input/symlink-outside",
  tooLarge: "input/too-large",
} as const;

/** 64 MiB: far above any manifest (the API server stores objects up to 1.5 MiB), far below what would exhaust memory. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

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
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return (error as Error).message ?? String(error);
  }
}

function cannotRead(file: string, why: string): InputError {
  return { file, message: `cannot read "${file}": ${why}` };
}

function kindOfFile(stat: Stats): string {
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
}

function notRegular(file: string, stat: Stats): InputError {
  const what = kindOfFile(stat);
  return cannotRead(file, what.startsWith("not") ? what : `${what}, not a regular file`);
}

/** `1536`, `64Mi`, `2Gi`, `100M`: a size in bytes, as a Kubernetes quantity without fractions. */
export function parseFileSize(text: string): number | undefined {
  const match = /^(\d+)(Ki|Mi|Gi|k|K|M|G)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, K: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ""] ?? 1;
  const size = Number(match[1]) * unit;
  return Number.isSafeInteger(size) && size > 0 ? size : undefined;
}

/** A size for messages: `64 MiB`, `1.5 KiB`, `12 bytes`. */
export function describeSize(bytes: number): string {
  for (const [unit, size] of [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** A file over the size limit; `size` is unknown for a stream. */
function tooLarge(file: string, size: number | undefined, limit: number): InputError {
  const what = size === undefined ? "larger than" : `${describeSize(size)}, larger than`;
  return {
    file,
    rule: INPUT_RULES.tooLarge,
    message: `"${file}" is ${what} the limit (${describeSize(limit)}): not read; --max-file-size raises the limit`,
  };
}

/**
 * Where a path given on the command line is, with the links on the way to it
 * resolved but not the path itself: a given path that is a link to elsewhere
 * is outside its own place.
 */
function placeOf(path: string): string {
  const absolute = resolve(path);
  const parent = dirname(absolute);
  if (parent === absolute) return absolute;
  try {
    return join(realpathSync(parent), basename(absolute));
  } catch {
    return absolute;
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** What a walk knows: the roots links may lead into, the directories already read, the options. */
interface Walk {
  roots: string[];
  visited: Set<string>;
  options: ReadOptions;
  files: string[];
  errors: InputError[];
}

function outsideLink(file: string, target: string, isDirectory: boolean): InputError {
  return {
    file,
    rule: INPUT_RULES.symlinkOutside,
    message: `"${file}" is a symbolic link to ${isDirectory ? "a directory" : "a file"} outside the given paths (${target}): not followed (--follow-external-symlinks follows it)`,
  };
}

/** Where a link leads, when it may be followed; undefined (with the reason reported) when not. */
function followLink(path: string, walk: Walk): { real: string; stat: Stats } | undefined {
  let real: string;
  let stat: Stats;
  try {
    real = realpathSync(path);
    stat = statSync(real);
  } catch (error) {
    // A link to nothing (dangling, or a loop) named as a manifest is reported: its input would be lost unsaid.
    if (MANIFEST_EXTENSION.test(path)) walk.errors.push(cannotRead(path, reason(error)));
    return undefined;
  }
  const wanted = stat.isDirectory() || MANIFEST_EXTENSION.test(path);
  if (!wanted) return undefined;
  if (!walk.options.followExternalSymlinks && !walk.roots.some((root) => isInside(real, root))) {
    walk.errors.push(outsideLink(path, real, stat.isDirectory()));
    return undefined;
  }
  return { real, stat };
}

/**
 * Manifest files under `dir`, depth-first, in byte order of their names;
 * hidden entries skipped, each directory read once even when links lead back
 * to it, and an unreadable directory reported under its own name.
 */
function walkDirectory(dir: string, walk: Walk): void {
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    if (walk.visited.has(real)) return;
    walk.visited.add(real);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    walk.errors.push(cannotRead(dir, reason(error)));
    return;
  }
  const sorted = entries
    .filter((e) => !e.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let isSpecial = !isDir && !isFile && !entry.isSymbolicLink();
    if (entry.isSymbolicLink()) {
      const target = followLink(path, walk);
      if (!target) continue;
      isDir = target.stat.isDirectory();
      isFile = target.stat.isFile();
      isSpecial = !isDir && !isFile;
    }
    if (isDir) walkDirectory(path, walk);
    else if (MANIFEST_EXTENSION.test(entry.name)) {
      if (isFile) walk.files.push(path);
      else if (isSpecial) walk.errors.push(notRegular(path, statSync(path)));
    }
  }
}

/** Manifest files under `dir` (see walkDirectory); problems on the way are dropped. */
export function listManifestFiles(dir: string, options: ReadOptions = {}): string[] {
  const walk: Walk = { roots: [placeOf(dir)], visited: new Set(), options, files: [], errors: [] };
  walkDirectory(dir, walk);
  return walk.files;
}

/** Expands paths to the list of files to read; unreadable paths are reported, not thrown. */
export function expandPaths(paths: readonly string[], options: ReadOptions = {}): { files: string[]; errors: InputError[] } {
  const walk: Walk = { roots: paths.filter((p) => p !== "-").map(placeOf), visited: new Set(), options, files: [], errors: [] };
  for (const path of paths) {
    if (path === "-") {
      walk.files.push("-");
      continue;
    }
    let stat: Stats;
    let real: string;
    try {
      stat = statSync(path);
      real = realpathSync(path);
    } catch (error) {
      walk.errors.push(cannotRead(path, reason(error)));
      continue;
    }
    // A given path that is itself a link is followed only into the given paths.
    if (!options.followExternalSymlinks && real !== placeOf(path) && !walk.roots.some((root) => isInside(real, root))) {
      walk.errors.push(outsideLink(path, real, stat.isDirectory()));
      continue;
    }
    if (stat.isDirectory()) walkDirectory(path, walk);
    else if (stat.isFile()) walk.files.push(path);
    else walk.errors.push(notRegular(path, stat));
  }
  return { files: walk.files, errors: walk.errors };
}

/** What a read asks for beyond the size a file had when it was opened (it may grow), and at a time from a pipe. */
const PIPE_CHUNK = 1 << 20;
const EXTRA_CHUNK = 1 << 12;

/**
 * Reads at most `limit + 1` bytes of an open file: enough to know it is too
 * large. `expected`: the file's size when known, read in one buffer of that
 * size (the read that finds the end takes a small one), not in chunks of a
 * pipe's size: a directory of small files allocates no more than it reads.
 */
function readBounded(fd: number, limit: number, expected: number | undefined): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const wanted = expected === undefined ? PIPE_CHUNK : total < expected ? expected - total : EXTRA_CHUNK;
    const chunk = Buffer.allocUnsafe(Math.min(wanted, limit + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing yet: wait a little and read again.
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) return undefined;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** A file's text: UTF-8, or UTF-16 when it starts with that byte order mark, as go-yaml reads it. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // ASCII reads the same in Latin-1, which is a copy where UTF-8 is decoded: a cluster snapshot is tens of megabytes.
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/** The text of an input file or of standard input (`-`), if it is a regular file within the size limit. */
export function readInput(file: string, options: ReadOptions = {}): InputText | InputError {
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const name = file === "-" ? "<stdin>" : file;
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a named pipe does not wait for a writer.
    fd = file === "-" ? 0 : openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (file !== "-" && !stat.isFile()) return notRegular(file, stat);
    if (stat.isFile() && stat.size > limit) return tooLarge(name, stat.size, limit);
    const bytes = readBounded(fd, limit, stat.isFile() ? stat.size : undefined);
    if (!bytes) return tooLarge(name, undefined, limit);
    return { file: name, text: decode(bytes) };
  } catch (error) {
    return cannotRead(file, reason(error));
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}
