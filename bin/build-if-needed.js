// dist/ is the compiled TypeScript of src/. kubeplan has no install-time build
// step (see README, Development): a package made with `npm pack` ships dist/,
// and any other copy (a clone, a git URL install, a pre-commit hook) compiles
// it here, on its first run, with the TypeScript compiler it depends on, and
// bundles it with esbuild, another dependency. Later changes to src/ are
// compiled by `npm test` or `npm run compile`.
const { spawnSync } = require("node:child_process");
const { existsSync, mkdtempSync, renameSync, rmSync } = require("node:fs");
const { join } = require("node:path");
const { bundle } = require("./bundle.js");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");

function compile(outDir) {
  const tsc = require.resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.json"), "--outDir", outDir], { stdio: ["ignore", "inherit", "inherit"] });
  if (run.status !== 0) throw new Error("kubeplan: compiling src/ to dist/ failed (see above)");
}

/** The bundle, which starts several times faster; without it (esbuild missing or failing on this platform) dist/ runs as compiled. */
async function bundleIfPossible(outDir) {
  try {
    await bundle(outDir);
  } catch {
    rmSync(join(outDir, "bundle"), { recursive: true, force: true });
  }
}

/** Compiles and bundles dist/ when it is missing; of several processes doing so at once, the first to finish wins. */
async function buildIfNeeded() {
  if (existsSync(join(DIST, "cli.js"))) return;
  process.stderr.write("kubeplan: compiling src/ to dist/ (first run only, about 20 s)\n");
  const staging = mkdtempSync(join(ROOT, ".dist-"));
  try {
    compile(staging);
    await bundleIfPossible(staging);
    rmSync(DIST, { recursive: true, force: true });
    renameSync(staging, DIST);
  } catch (error) {
    if (!existsSync(join(DIST, "cli.js"))) throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

module.exports = { buildIfNeeded };
