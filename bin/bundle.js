// Bundles the command line (cli.js of a compiled dist/) and the validation
// worker, with the packages they import, into its bundle/: a few files to
// load instead of hundreds, which is most of a small run's start-up. Code
// loaded on demand (a command's stages, a renderer) stays in chunks of its
// own, loaded when needed. bin/kubeplan.js runs the bundle when it is as new
// as dist/, and dist/ as compiled otherwise. Packages required at run time by
// name (ajv, the CEL interpreter, re2js) and the schemas' validators stay
// where they are. `npm run compile` bundles dist/ (scripts/bundle.mjs); the
// first run of a copy without dist/ bundles what it compiled
// (bin/build-if-needed.js).
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";

/** Bundles `dist` (a directory tsc compiled src/ into) into `dist`/bundle/, with esbuild. */
export function bundle(dist) {
  const { buildSync } = createRequire(import.meta.url)("esbuild");
  const outdir = join(dist, "bundle");
  rmSync(outdir, { recursive: true, force: true });
  const result = buildSync({
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
    // CommonJS packages bundled into ES modules require Node's built-in modules.
    banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
    metafile: true,
    logLevel: "warning",
  });
  // Which sources each file holds, named as in a compiled dist/: test/cli/start-up.test.ts reads it to say what a command loads.
  const asDist = (path) => (path.startsWith(`${basename(dist)}/`) ? `dist/${path.slice(basename(dist).length + 1)}` : path);
  const sources = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, output]) => [asDist(file), Object.keys(output.inputs).map(asDist)]));
  writeFileSync(join(outdir, "sources.json"), JSON.stringify(sources));
}
