// Bundles the command line (cli.js of a compiled dist/) and the validation
// worker, with the packages they import, into its bundle/: a few files to
// load instead of hundreds, which is most of a small run's start-up. Code
// loaded on demand (a command's stages, a renderer) stays in chunks of its
// own, loaded when needed. bin/kubeplan.js runs the bundle when it is as new
// as dist/, and dist/ as compiled otherwise. Packages required at run time by
// name (ajv, the CEL interpreter, re2js, asn1js) and the schemas' validators stay
// where they are. `npm run compile` bundles dist/ (scripts/bundle.mjs); the
// first run of a copy without dist/ bundles what it compiled
// (bin/build-if-needed.js).
import { rmSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { basename, dirname, join } from "node:path";

const BUILTIN = new RegExp(`^(node:)?(${builtinModules.join("|")})$`);

/**
 * Node's built-in modules reached through require(), not import: importing one
 * as an ES module builds its facade, which reads every export and so loads
 * what the run never uses (fs's streams, net's BlockList). commander requires
 * node:child_process to start subcommands from executables, which kubeplan
 * has none of: it is loaded only if that ever happens.
 */
const builtinsThroughRequire = {
  name: "builtins-through-require",
  setup(build) {
    build.onResolve({ filter: BUILTIN }, ({ path, kind, importer }) => {
      if (path.replace(/^node:/, "") === "child_process" && importer.includes("/node_modules/commander/")) return { path, namespace: "child-process-on-demand" };
      return kind === "import-statement" ? { path, namespace: "builtin" } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: "builtin" }, ({ path }) => ({ contents: `module.exports = require(${JSON.stringify(path)});`, loader: "js" }));
    build.onLoad({ filter: /.*/, namespace: "child-process-on-demand" }, () => ({
      contents: 'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
      loader: "js",
    }));
  },
};

/** Bundles `dist` (a directory tsc compiled src/ into) into `dist`/bundle/, with esbuild. */
export async function bundle(dist) {
  const { build } = createRequire(import.meta.url)("esbuild");
  const outdir = join(dist, "bundle");
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: dirname(dist),
    // Named so that `new URL("./worker.js", import.meta.url)` finds the worker beside the chunks.
    entryPoints: { cli: join(dist, "cli.js"), worker: join(dist, "validate", "worker.js") },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunk-[hash]",
    // Less text to read and compile at every start; names are kept.
    minifyWhitespace: true,
    plugins: [builtinsThroughRequire],
    // CommonJS packages bundled into ES modules require Node's built-in modules.
    banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
    metafile: true,
    logLevel: "warning",
  });
  // Which sources each file holds, named as in a compiled dist/: test/cli/start-up.test.ts reads it to say what a command loads.
  const asDist = (path) => (path.startsWith(`${basename(dist)}/`) ? `dist/${path.slice(basename(dist).length + 1)}` : path);
  const sources = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, output]) => [asDist(file), Object.keys(output.inputs).filter((input) => !input.includes(":")).map(asDist)]));
  writeFileSync(join(outdir, "sources.json"), JSON.stringify(sources));
}
