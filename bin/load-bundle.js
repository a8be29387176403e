// Runs the scripts of dist/bundle/ (bin/bundle.js) with V8's code cache: a
// script run once leaves its compiled code in dist/bundle/ (`<script>.cache`),
// and later runs neither parse nor compile it again. The cache is written as
// the process exits, so that it holds every function the run compiled, not
// only the scripts' top level; a run that writes a cache (the first to meet
// a kind writes its validator's) also writes again each cache it used that
// holds noticeably less of its script than the run compiled, with the
// functions of both runs. A cache is used only when its checksum holds
// and it was made from the script as it is now (size and time of change); V8
// refuses one made by another version or under other flags, so a command that
// sets V8's flags (validate, see bin/compiler-flags.js) sets them before any
// script loads and keeps caches of its own (`variant`). A cache
// that is missing or refused is written anew, if the directory can be
// written. The precompiled validators of schemas/ are loaded the same way,
// their caches in dist/bundle/ too (`kubeplanLoadScript`).
const { createRequire } = require("node:module");
const { accessSync, closeSync, constants, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { basename, dirname, join } = require("node:path");
const { pathToFileURL } = require("node:url");
const { isAscii } = require("node:buffer");
const { Script } = require("node:vm");
const { setCompilerFlagsAgain } = require("./compiler-flags.js");

/** The thread this copy of the module runs in: 0, the main thread, unless loadWorker says otherwise (worker_threads is not loaded for it). */
let threadId = 0;

/** The cache's header: the checksum of V8's data, the script's size and time of change. */
const HEADER = 16;

/** zlib's crc32 (Node 20.15 and newer); without it, no cache is read or written. */
function crc32() {
  const { crc32 } = require("node:zlib");
  return typeof crc32 === "function" ? crc32 : undefined;
}

/**
 * The buffer every script and cache is read into, one after the other: a
 * fresh buffer is memory the kernel hands out a page at a time as it is first
 * written, which costs more than reading the file (megabytes a run). It is
 * made larger than the files, as pages never written cost nothing.
 */
let readBuffer = Buffer.allocUnsafeSlow(0);

/** The least size readBuffer is made: more than the largest script or cache, so that it is made once. */
const READ_BUFFER_SIZE = 4 * 1024 * 1024;

/**
 * A file's bytes in readBuffer, after `before` bytes and with `after` bytes
 * of room behind them, and its size and time of change (`stamp`). The bytes
 * are only good until the next read.
 */
function readShared(file, before = 0, after = 0) {
  const fd = openSync(file, "r");
  try {
    const { size, mtimeMs } = fstatSync(fd);
    if (readBuffer.length < before + size + after) readBuffer = Buffer.allocUnsafeSlow(Math.max(before + size + after, READ_BUFFER_SIZE));
    let length = 0;
    for (let read; length < size && (read = readSync(fd, readBuffer, before + length, size - length, null)) > 0; ) length += read;
    return { bytes: readBuffer.subarray(0, before + length + after), stamp: { size, mtimeMs } };
  } finally {
    closeSync(fd);
  }
}

/** V8's data of a cache that is sound and made from the script as it is, or undefined. Good until the next read. */
function readCache(cacheFile, script, checksum) {
  let bytes;
  try {
    bytes = readShared(cacheFile).bytes;
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER) return undefined;
  const data = bytes.subarray(HEADER);
  const fits = bytes.readUInt32LE(0) === checksum(data) && bytes.readUInt32LE(4) === script.size && bytes.readDoubleLE(8) === script.mtimeMs;
  return fits ? data : undefined;
}

/** Whether a cache can be written where it goes: not in a directory the user cannot write (a global install), where the next run compiles again. */
function writable(cacheFile) {
  try {
    accessSync(dirname(cacheFile), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes a script's cache (`file`, made from the script as `stamp` says) with V8's data of what the run compiled. */
function writeCache({ file, stamp, compiled, checksum }, data = compiled()) {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(checksum(data), 0);
  header.writeUInt32LE(stamp.size, 4);
  header.writeDoubleLE(stamp.mtimeMs, 8);
  // A worker thread may write the same cache as the main thread (a validator both loaded).
  const staging = `${file}.${process.pid}.${threadId}`;
  try {
    writeFileSync(staging, Buffer.concat([header, data]));
    renameSync(staging, file);
  } catch {
    rmSync(staging, { force: true });
  }
}

/**
 * The caches of the scripts this thread loaded, to write as it exits if
 * missing, refused or outgrown: where each goes (`file`), the script's
 * `stamp`, V8's data of what the run compiled (`compiled()`) and the size of
 * the cache the script was loaded with (`held`, 0 if none).
 */
const loadedCaches = [];

/** How much more than its cache holds a run must have compiled of a script for the cache to be written again: runs of the same inputs differ by less. */
const GROWTH = 1.02;

/**
 * Writes the caches to write: at exit on the main thread; a worker thread,
 * which gets no exit event when terminated, is asked to. A run that lacked a
 * cache (the first run, or the first to meet a kind, whose validator's cache
 * it writes) also writes again each cache it used that holds noticeably less
 * than the run compiled of its script, which then holds the functions of
 * both runs: a cache made by a run over other kinds comes to hold what this
 * one needed too. A run that lacked none does not look, as that takes
 * serializing its scripts again.
 */
function writePendingCaches() {
  const caches = loadedCaches.splice(0);
  if (!caches.some((cache) => cache.held === 0)) return;
  for (const cache of caches) {
    if (!writable(cache.file)) continue;
    const data = cache.compiled();
    if (data.length > cache.held * GROWTH) writeCache(cache, data);
  }
}

/** The names a bundle's script is given beside `exports`, `require`, `module` and `kubeplanBundleUrl`, in order. */
const BUNDLE_GLOBALS = {
  "cli.cjs": ["kubeplanLoadStages"],
  "validate.cjs": ["kubeplanCli", "kubeplanLoadScript", "kubeplanRequirePackage", "kubeplanWorker"],
  "stages.cjs": ["kubeplanCli", "kubeplanLoadStages", "kubeplanLoadScript", "kubeplanRequirePackage", "kubeplanWorker"],
  "packages.cjs": [],
  "worker.cjs": ["kubeplanLoadScript", "kubeplanRequirePackage", "kubeplanWriteCodeCaches"],
};

/** The start of the function a script runs in; `\n})` ends it. */
function wrapperHead(globalNames) {
  return `(function (${["exports", "require", "module", "kubeplanBundleUrl", ...globalNames].join(", ")}) {`;
}

const TAIL = "\n})";

/**
 * A script's text in the function that starts with `head`, and the script's
 * stamp. The bundle's scripts are written in their function already
 * (bin/bundle.js); another (a validator) is read in behind the head, so that
 * V8 gets it as one string, where a text joined to its wrapper would be
 * copied whole again. The bundle is ASCII (esbuild escapes the rest): read as
 * Latin-1 it needs no UTF-8 decoding, and V8 keeps it in one byte a
 * character.
 */
function readText(file, head) {
  const { bytes, stamp } = readShared(file, head.length, TAIL.length);
  const end = bytes.length - TAIL.length;
  const wrapped = bytes.latin1Slice(head.length, Math.min(2 * head.length, end)) === head;
  const [start, stop] = wrapped ? [head.length, end] : [0, bytes.length];
  if (!wrapped) {
    bytes.latin1Write(head, 0);
    bytes.latin1Write(TAIL, end);
  }
  const text = bytes.subarray(start, stop);
  return { text: isAscii(text) ? text.latin1Slice(0, text.length) : text.utf8Slice(0, text.length), stamp };
}

/**
 * Runs a CommonJS script and returns its exports. `globals` are given to it
 * by name, beside `import.meta.url` (`kubeplanBundleUrl`); its code cache is
 * `cacheFile`, of a command under flags of its own when `variant` is set.
 */
function loadScript(file, globals = {}, cacheFile = `${file}.cache`, variant = undefined) {
  const checksum = crc32();
  const { text: source, stamp: script } = readText(file, wrapperHead(Object.keys(globals)));
  // Read after the text, into the same buffer: V8 is done with it once the script is compiled.
  const cachedData = checksum && readCache(cacheFile, script, checksum);
  // Under the flags the cache was made with (bin/compiler-flags.js).
  setCompilerFlagsAgain(variant);
  const compiled = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  if (checksum) {
    if (loadedCaches.length === 0 && threadId === 0) process.once("exit", writePendingCaches);
    const held = cachedData && !compiled.cachedDataRejected ? cachedData.length : 0;
    const made = () => {
      setCompilerFlagsAgain(variant);
      return compiled.createCachedData();
    };
    loadedCaches.push({ file: cacheFile, stamp: script, compiled: made, checksum, held });
  }
  compiled.runInThisContext()(module.exports, createRequire(file), module, pathToFileURL(file).href, ...Object.values(globals));
  return module.exports;
}

/**
 * The command line of a bundle directory: cli.cjs now, validate.cjs or
 * stages.cjs when a script first asks for a stage of it (`kubeplanLoadStages`;
 * stages.cjs asks validate.cjs for the modules it shares with it),
 * packages.cjs when the stages first require one of its packages. `variant`
 * names the caches of a command that runs under V8 flags of its own; `args`,
 * the command line after `kubeplan`, may call for a worker started at once
 * (bin/early-worker.js).
 */
function loadBundle(dir, variant, args = []) {
  // Started first, so that the worker starts while the main thread loads.
  const worker = { entry: join(__dirname, "bundle-worker.js"), data: { dir, variant } };
  let started = require("./early-worker.js").startEarlyWorker(args, worker.entry, worker.data);
  const { load, requirePackage } = bundleScripts(dir, variant);
  const scripts = {};
  const given = {
    kubeplanCli: undefined,
    kubeplanLoadStages: (script) => (scripts[script] ??= load(join(dir, `${script}.cjs`), globalsOf(`${script}.cjs`))),
    kubeplanLoadScript: (file) => load(file),
    kubeplanRequirePackage: requirePackage,
    // A validation worker thread runs worker.cjs from bundle-worker.js, with the caches of this run's flags;
    // the one started early is taken once.
    kubeplanWorker: {
      ...worker,
      takeStarted: () => {
        const taken = started;
        started = undefined;
        return taken;
      },
    },
  };
  // In the order of BUNDLE_GLOBALS.
  const globalsOf = (script) => Object.fromEntries(BUNDLE_GLOBALS[script].map((name) => [name, given[name]]));
  given.kubeplanCli = load(join(dir, "cli.cjs"), globalsOf("cli.cjs"));
  return given.kubeplanCli;
}

/**
 * The validation worker of a bundle directory, in a worker thread: worker.cjs
 * and the validators it loads, with their code caches, as loadBundle loads
 * the main thread's scripts. It writes the caches it lacked when told to
 * (`kubeplanWriteCodeCaches`), before it is terminated.
 */
function loadWorker(dir, variant) {
  threadId = require("node:worker_threads").threadId;
  const { load, requirePackage } = bundleScripts(dir, variant);
  load(join(dir, "worker.cjs"), { kubeplanLoadScript: (file) => load(file), kubeplanRequirePackage: requirePackage, kubeplanWriteCodeCaches: writePendingCaches });
}

/** How the scripts of a bundle directory are loaded, with the code caches of `variant`; packages.cjs when first required. */
function bundleScripts(dir, variant) {
  const cacheOf = (file) => join(dir, `${basename(file)}${variant ? `.${variant}` : ""}.cache`);
  const load = (file, globals) => loadScript(file, globals, cacheOf(file), variant);
  let packages;
  const requirePackage = (name) => {
    packages ??= load(join(dir, "packages.cjs"));
    return Object.hasOwn(packages, name) ? packages[name]() : undefined;
  };
  return { load, requirePackage };
}

module.exports = { BUNDLE_GLOBALS, loadBundle, loadScript, loadWorker, wrapperHead };
