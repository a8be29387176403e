// dist/ is the compiled TypeScript of src/. kubeplan has no install-time build
// step (see README, Development): a package made with `npm pack` ships dist/,
// and any other copy (a clone, a git URL install, a pre-commit hook) compiles
// it here, on its first run, with the TypeScript compiler it depends on.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const ENTRY = join(DIST, "cli.js");

function newestModification(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** In a git clone, sources changed since the last build (a pull, an edit) are built again. */
function isStale() {
  if (!existsSync(ENTRY)) return true;
  if (!existsSync(join(ROOT, ".git"))) return false;
  return newestModification(join(ROOT, "src")) > statSync(ENTRY).mtimeMs;
}

function compile(outDir) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.json"), "--outDir", outDir], { stdio: ["ignore", "inherit", "inherit"] });
  if (run.status !== 0) throw new Error("kubeplan: building dist/ from src/ failed (see above)");
}

/** Builds dist/ when it is missing or older than the sources; the first of several processes to finish wins. */
export function buildIfNeeded() {
  if (!existsSync(join(ROOT, "src")) || !isStale()) return;
  process.stderr.write("kubeplan: compiling src/ to dist/ (once, about 20 s)\n");
  if (existsSync(DIST)) {
    compile(DIST);
    return;
  }
  const staging = mkdtempSync(join(ROOT, ".dist-"));
  try {
    compile(staging);
    if (!existsSync(ENTRY)) renameSync(staging, DIST);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
