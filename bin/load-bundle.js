// Runs the scripts of dist/bundle/ (bin/bundle.js) with V8's code cache: a
// script compiled once leaves its compiled code beside it (`<script>.cache`),
// and later runs neither parse nor compile it again. A cache is used only when
// its checksum holds and it was made from the script as it is now (size and
// time of change); V8 refuses one made by another version or with other
// flags. A cache that is missing or refused is written anew as soon as the
// script has run, before a command changes V8's flags (validate does, see
// src/validate/compiler-flags.ts), if the directory can be written.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { accessSync, constants, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { fileURLToPath, pathToFileURL } = require("node:url");
const { Script } = require("node:vm");

/** The cache's header: the checksum of V8's data, the script's size and time of change. */
const HEADER = 16;

/** zlib's crc32 (Node 20.15 and newer); without it, no cache is read or written. */
function crc32() {
  const { crc32 } = require("node:zlib");
  return typeof crc32 === "function" ? crc32 : undefined;
}

function stamp(file) {
  const { size, mtimeMs } = statSync(file);
  return { size, mtimeMs };
}

/** V8's data of a cache that is sound and made from the script as it is, or undefined. */
function readCache(cacheFile, script, checksum) {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER) return undefined;
  const data = bytes.subarray(HEADER);
  const fits = bytes.readUInt32LE(0) === checksum(data) && bytes.readUInt32LE(4) === script.size && bytes.readDoubleLE(8) === script.mtimeMs;
  return fits ? data : undefined;
}

/** Writes the cache, made by `cachedData()` only if the directory can be written. */
function writeCache(cacheFile, script, cachedData, checksum) {
  try {
    accessSync(dirname(cacheFile), constants.W_OK);
  } catch {
    // A directory the user cannot write (a global install): the next run compiles again.
    return;
  }
  const data = cachedData();
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(checksum(data), 0);
  header.writeUInt32LE(script.size, 4);
  header.writeDoubleLE(script.mtimeMs, 8);
  const staging = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(staging, Buffer.concat([header, data]));
    renameSync(staging, cacheFile);
  } catch {
    rmSync(staging, { force: true });
  }
}

/**
 * Runs a CommonJS script of dist/bundle/ and returns its exports. `globals`
 * are given to it by name, beside `import.meta.url` (`kubeplanBundleUrl`).
 */
export function loadScript(file, globals = {}) {
  const checksum = crc32();
  const script = stamp(file);
  const cacheFile = `${file}.cache`;
  const cachedData = checksum && readCache(cacheFile, script, checksum);
  const names = ["exports", "require", "module", "kubeplanBundleUrl", ...Object.keys(globals)];
  const compiled = new Script(`(function (${names.join(", ")}) {${readFileSync(file, "utf8")}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  compiled.runInThisContext()(module.exports, createRequire(file), module, pathToFileURL(file).href, ...Object.values(globals));
  if (checksum && (!cachedData || compiled.cachedDataRejected)) writeCache(cacheFile, script, () => compiled.createCachedData(), checksum);
  return module.exports;
}

/** The command line of a bundle directory (its file URL): cli.cjs now, stages.cjs when cli.cjs first asks for it. */
export function loadBundle(directory) {
  const dir = fileURLToPath(directory);
  let stages;
  const cli = loadScript(join(dir, "cli.cjs"), { kubeplanLoadStages: () => (stages ??= loadScript(join(dir, "stages.cjs"), { kubeplanCli: cli })) });
  return cli;
}
