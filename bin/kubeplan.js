#!/usr/bin/env node
import { existsSync, readFileSync, statSync } from "node:fs";

/** `kubeplan --version` alone is answered from package.json: nothing else needs loading. */
function versionOnly(args) {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}

/**
 * The bundle of dist/ (bin/bundle.js) when it was made from the dist/ there is now:
 * it starts several times faster. A copy compiled on its first run has no bundle.
 */
function bundleIsCurrent() {
  const bundle = statSync(new URL("../dist/bundle/cli.cjs", import.meta.url), { throwIfNoEntry: false });
  const compiled = statSync(new URL("../dist/cli.js", import.meta.url));
  return bundle !== undefined && bundle.mtimeMs >= compiled.mtimeMs;
}

/** The command line's main(). */
async function entryPoint(args) {
  // Before anything of kubeplan is compiled: the bundle's code caches are made and used under the same flags.
  const variant = (await import("./compiler-flags.js")).setCompilerFlags(args);
  if (!bundleIsCurrent()) return (await import("../dist/cli.js")).main;
  const { loadBundle } = await import("./load-bundle.js");
  return loadBundle(new URL("../dist/bundle/", import.meta.url), variant).main;
}

if (versionOnly(process.argv.slice(2))) {
  const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${version}\n`);
} else {
  // The compiler and bundler are loaded only when there is something to build.
  if (!existsSync(new URL("../dist/cli.js", import.meta.url))) {
    const { buildIfNeeded } = await import("./build-if-needed.js");
    try {
      await buildIfNeeded();
    } catch (error) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
  }
  const main = await entryPoint(process.argv.slice(2));
  process.exitCode = await main(process.argv);
}
