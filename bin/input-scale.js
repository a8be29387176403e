// Whether a command works on a few small files, told from the paths on its
// command line before anything of kubeplan loads. Such a run compiles a
// small part of validate's code and a run over directories much more: each
// keeps code caches of its own (bin/compiler-flags.js), so that a small run
// does not load the code a large one needed. A run over enough YAML for a
// second thread starts that thread's worker as the process starts
// (bin/early-worker.js).
const { closeSync, constants, lstatSync, openSync, readSync, readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");

/** Up to this many bytes of files named one by one make a small run. */
const SMALL_INPUT_BYTES = 64 * 1024;

/** Whether the arguments after the command name files only (no directory, no standard input), SMALL_INPUT_BYTES at most in all. */
function smallInputs(args) {
  let files = 0;
  let bytes = 0;
  for (const arg of args.slice(1)) {
    if (arg === "-") return false;
    if (arg.startsWith("-")) continue;
    let stat;
    try {
      stat = statSync(arg, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    // What names nothing is an option's value (`-o json`).
    if (stat === undefined) continue;
    if (!stat.isFile()) return false;
    files++;
    bytes += stat.size;
  }
  return files > 0 && bytes <= SMALL_INPUT_BYTES;
}

/** From this many bytes of manifests on, validate runs on more than one thread: PARALLEL_THRESHOLD_BYTES of src/validate/parallel.ts. */
const PARALLEL_INPUT_BYTES = 1_000_000;

/** What largeInputs looks at, at most: past this many directory entries it answers no rather than walk a large tree twice. */
const MAX_ENTRIES = 5_000;

/** The files validate reads in a directory (src/load/read-inputs.ts). */
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

/**
 * Whether the paths after the command name hold PARALLEL_INPUT_BYTES of
 * manifests or more that define no CRD: files named, and the manifest files
 * of directories (links in them are not followed: nothing outside the given
 * paths is looked at). Files are told by their size, and only when there is
 * enough of them, by their heads.
 */
function largeInputs(args) {
  const found = { files: [], entries: 0 };
  for (const arg of args.slice(1)) {
    if (arg === "-" || arg.startsWith("-")) continue;
    const stat = statOf(arg);
    if (stat?.isFile()) found.files.push({ path: arg, size: stat.size, named: true });
    else if (stat?.isDirectory() && !addDirectory(arg, found)) return false;
  }
  let left = found.files.reduce((sum, file) => sum + file.size, 0);
  let shared = 0;
  for (const file of found.files) {
    if (left < PARALLEL_INPUT_BYTES - shared) return false;
    left -= file.size;
    if (!mentionsCrd(file)) shared += file.size;
    if (shared >= PARALLEL_INPUT_BYTES) return true;
  }
  return false;
}

/** How much of a file's head tells whether it defines CRDs. */
const HEAD_BYTES = 4096;

/** A CRD, as src/validate/find-crds.ts tells one (MENTIONS_CRD). */
const MENTIONS_CRD = /\bkind:\s*["']?CustomResourceDefinition\b|"kind"\s*:\s*"CustomResourceDefinition"/;

/**
 * Whether a file's head mentions a CRD (files that define CRDs are checked on
 * the main thread), or it cannot be read. A file found in a directory is not
 * opened through a link, and no open waits (a FIFO put in a file's place).
 */
function mentionsCrd(file) {
  let fd;
  try {
    fd = openSync(file.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (file.named ? 0 : (constants.O_NOFOLLOW ?? 0)));
    const head = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, head, 0, head.length, 0);
    return MENTIONS_CRD.test(head.latin1Slice(0, read));
  } catch {
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statOf(path) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Adds the manifest files under `dir`, with their sizes, to `found`; false
 * once MAX_ENTRIES are passed. Entries' types come with their names; links
 * are skipped, as validate does not follow one out of the given paths.
 */
function addDirectory(dir, found) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return true;
  }
  found.entries += entries.length;
  if (found.entries > MAX_ENTRIES) return false;
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.isSymbolicLink()) continue;
    const path = join(dir, entry.name);
    if (entry.isFile() && MANIFEST_EXTENSION.test(entry.name)) {
      const stat = lstatOf(path);
      if (stat?.isFile()) found.files.push({ path, size: stat.size, named: false });
    } else if (entry.isDirectory() && !addDirectory(path, found)) {
      return false;
    }
  }
  return true;
}

function lstatOf(path) {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

module.exports = { MAX_ENTRIES, PARALLEL_INPUT_BYTES, SMALL_INPUT_BYTES, largeInputs, smallInputs };
