#!/usr/bin/env node
// A CommonJS script (bin/package.json), as are the others of bin/: Node starts
// one without its ES module loader, which `--version` and `--help` would
// otherwise spend a tenth of their time setting up.
const { existsSync, readFileSync, statSync } = require("node:fs");
const { join, sep } = require("node:path");

const ROOT = join(__dirname, "..");

/** `kubeplan --version` alone is answered from package.json: nothing else needs loading. */
function versionOnly(args) {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}

/**
 * The bundle of dist/ (bin/bundle.js) when it was made from the dist/ there is now:
 * it starts several times faster. A copy compiled on its first run has no bundle.
 * An installed copy (in node_modules) has the dist/ and the bundle it was packed
 * with, or that its first run built together; npm gives the files it unpacks the
 * time it writes them, dist/cli.js after the bundle, so their times say nothing
 * there. In a working copy, the bundle counts if made after dist/ was compiled.
 */
function bundleIsCurrent() {
  const bundle = statSync(join(ROOT, "dist", "bundle", "cli.cjs"), { throwIfNoEntry: false });
  if (bundle === undefined) return false;
  if (ROOT.split(sep).includes("node_modules")) return true;
  return bundle.mtimeMs >= statSync(join(ROOT, "dist", "cli.js")).mtimeMs;
}

/** The command line's main(). */
async function entryPoint(args) {
  // Before anything of kubeplan is compiled: the bundle's code caches are made and used under the same flags.
  const variant = require("./compiler-flags.js").setCompilerFlags(args);
  if (!bundleIsCurrent()) return (await import("../dist/cli.js")).main;
  return require("./load-bundle.js").loadBundle(join(ROOT, "dist", "bundle"), variant, args).main;
}

async function run(args) {
  // The compiler and bundler are loaded only when there is something to build.
  if (!existsSync(join(ROOT, "dist", "cli.js"))) {
    try {
      await require("./build-if-needed.js").buildIfNeeded();
    } catch (error) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
  }
  const main = await entryPoint(args);
  process.exitCode = await main(process.argv);
}

const args = process.argv.slice(2);
if (versionOnly(args)) {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  process.stdout.write(`${version}\n`);
} else {
  run(args).catch((error) => {
    // As an uncaught error of an ES module entry point would be.
    process.exitCode = 1;
    throw error;
  });
}
