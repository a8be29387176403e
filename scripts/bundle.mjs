// Bundles the command line (dist/cli.js) and the validation worker, with the
// packages they import, into dist/bundle/: a few files to load instead of
// hundreds, which is most of a small run's start-up. Code loaded on demand
// (a command's stages, a renderer) stays in chunks of its own, loaded when
// needed. bin/kubeplan.js runs the bundle when it is as new as dist/; a copy
// without it (compiled on its first run, see bin/build-if-needed.js) runs
// dist/ as compiled. Packages required at run time by name (ajv, the CEL
// interpreter, re2js) and the schemas' validators stay where they are.
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "bundle");

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // Named so that `new URL("./worker.js", import.meta.url)` finds the worker beside the chunks.
  entryPoints: { cli: "dist/cli.js", worker: "dist/validate/worker.js" },
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
// Which sources each file holds: test/cli/start-up.test.ts reads it to say what a command loads.
const sources = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, output]) => [file, Object.keys(output.inputs)]));
writeFileSync(join(outdir, "sources.json"), JSON.stringify(sources));
