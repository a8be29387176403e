// Bundles a compiled dist/ into its bundle/ with esbuild: a few files to load
// instead of hundreds of modules, which is most of a small run's start-up.
//
// - cli.cjs: the command line (cli.js, commander, and what cli.js imports):
//   enough for --help.
// - validate.cjs: the stages cli.js imports on demand that `kubeplan
//   validate` and `kubeplan rules` run (VALIDATE_STAGES: the validate stage,
//   its rules and schemas' code, its renderers), loaded by the first command
//   that needs them.
// - stages.cjs: the other stages (plan, what-if, fix: the diff, admission,
//   scheduler, their renderers), which a validate run neither reads nor
//   compiles.
//   A module of cli.cjs that the stages import is cli.cjs's own copy (one
//   UsageError class for all), and a module or package of validate.cjs that
//   stages.cjs imports is validate.cjs's.
// - worker.cjs: the validation worker, which worker threads run from
//   bin/bundle-worker.js.
// - packages.cjs: the packages the stages require by name when a run needs
//   them (PACKAGES: CRDs' schemas and rules, patterns, certificates), each
//   initialized when first required (src/util/require-package.ts).
//
// bin/kubeplan.js runs cli.cjs and stages.cjs as scripts with V8's code cache
// (bin/load-bundle.js), which is what ES modules cannot have on Node 20;
// packages.cjs too, and the schemas' validators, which stay where they are;
// a worker thread runs worker.cjs and its validators the same way. `npm run compile` bundles
// dist/ (scripts/bundle.mjs); the first run of a copy without dist/ bundles
// what it compiled (bin/build-if-needed.js).
const { rmSync, writeFileSync } = require("node:fs");
const { builtinModules } = require("node:module");
const { basename, dirname, join, relative, resolve } = require("node:path");
const { BUNDLE_GLOBALS, wrapperHead } = require("./load-bundle.js");

const BUILTIN = new RegExp(`^(node:)?(${builtinModules.join("|")})$`);

/**
 * commander requires node:child_process to start subcommands from
 * executables, which kubeplan has none of: it is loaded only if that ever
 * happens.
 */
const childProcessOnDemand = {
  name: "child-process-on-demand",
  setup(build) {
    build.onResolve({ filter: BUILTIN }, ({ path, importer }) =>
      path.replace(/^node:/, "") === "child_process" && /[\\/]node_modules[\\/]commander[\\/]/.test(importer) ? { path, namespace: "child-process-on-demand" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "child-process-on-demand" }, () => ({
      contents: 'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
      loader: "js",
    }));
  },
};

/** kubeplan's own directory, whose dependencies packages.cjs holds. */
const PACKAGE_ROOT = dirname(__dirname);

/** The packages of packages.cjs, by the name src/util/require-package.ts requires them by (cel-js and its evaluator share their classes). */
const PACKAGES = ["ajv", "@marcbachmann/cel-js", "@marcbachmann/cel-js/evaluator", "re2js", "asn1js"];

/** The stages (dist/ modules cli.js imports on demand) of validate.cjs; stages.cjs holds the others. */
const VALIDATE_STAGES = [
  "validate/index.js",
  "validate/catalog.js",
  "config/load-config.js",
  ...["text", "json", "markdown", "sarif", "junit", "github", "tap"].map((format) => `report/${format}.js`),
];

/** A script of the bundle written in the function bin/load-bundle.js runs it in (`name` is its file's). */
const wrapped = (name) => ({ banner: { js: wrapperHead(BUNDLE_GLOBALS[name]) }, footer: { js: "})" } });

/** What both builds share. */
function options(dist) {
  return {
    absWorkingDir: dirname(dist),
    bundle: true,
    platform: "node",
    target: "node20",
    // Less text to read at every start; names are kept.
    minifyWhitespace: true,
    metafile: true,
    logLevel: "warning",
  };
}

/** How a module of dist/ is named between the scripts: its path in dist/. */
const nameIn = (dist, path) => relative(dist, path).split("\\").join("/");

/**
 * cli.cjs: cli.js with what it imports, its dynamic imports of dist/ modules
 * (the stages) taken from validate.cjs or stages.cjs (`kubeplanLoadStages`,
 * given by bin/load-bundle.js), and every dist/ module it holds exported for
 * them.
 */
async function buildCli(build, dist, outdir) {
  const stageModules = new Set();
  const stagesPlugin = (shared, scriptOf) => ({
    name: "stages",
    setup(b) {
      b.onResolve({ filter: /^\./ }, ({ path, kind, resolveDir }) => {
        if (kind !== "dynamic-import") return undefined;
        const name = nameIn(dist, resolve(resolveDir, path));
        stageModules.add(name);
        return { path: name, namespace: "stage" };
      });
      b.onLoad({ filter: /.*/, namespace: "stage" }, ({ path }) => ({ contents: `module.exports = kubeplanLoadStages(${JSON.stringify(scriptOf(path))}).load(${JSON.stringify(path)});`, loader: "js" }));
      b.onResolve({ filter: /^kubeplan-cli-entry$/ }, () => ({ path: "entry", namespace: "cli-entry" }));
      b.onLoad({ filter: /.*/, namespace: "cli-entry" }, () => ({
        resolveDir: dist,
        loader: "js",
        contents: [
          'export { main } from "./cli.js";',
          ...shared.map((name, i) => `import * as shared${i} from "./${name}";`),
          `export const shared = { ${shared.map((name, i) => `${JSON.stringify(name)}: shared${i}`).join(", ")} };`,
        ].join("\n"),
      }));
    },
  });
  const common = { ...options(dist), ...wrapped("cli.cjs"), entryPoints: { cli: "kubeplan-cli-entry" }, format: "cjs", outExtension: { ".js": ".cjs" }, outdir, define: { "import.meta.url": "kubeplanBundleUrl" } };
  // Once to learn which modules of dist/ cli.js holds and which it imports on demand, once to export them.
  const first = await build({ ...common, write: false, plugins: [childProcessOnDemand, stagesPlugin([], () => "stages")] });
  const shared = distModules(dist, first);
  /** Writes cli.cjs, which takes each stage from the script `scriptOf` names (validate or stages). */
  const write = (scriptOf) => build({ ...common, plugins: [childProcessOnDemand, stagesPlugin(shared, scriptOf)] });
  return { shared, stageModules: [...stageModules], write };
}

/** The modules of dist/ a build holds, named as between scripts. */
function distModules(dist, result) {
  return Object.keys(result.metafile.inputs)
    .filter((input) => input.startsWith(`${basename(dist)}/`))
    .map((input) => nameIn(dist, join(dirname(dist), input)));
}

/** The names a module of dist/ exports, as esbuild reads them. */
async function exportNames(build, file) {
  const result = await build({ entryPoints: [file], bundle: false, write: false, metafile: true, format: "esm", logLevel: "silent" });
  return Object.values(result.metafile.outputs)[0].exports;
}

/**
 * A module of another script (`module`, an expression) as a script of stages
 * sees it: its exports read once, when the module is first imported, into
 * bindings of its own. Taken as a CommonJS module instead, each use of an
 * export (isRecord, appendAll: thousands per document) would go through two
 * getters. The shared modules reassign none of their exports, so a binding
 * read once stays right.
 */
function sharedModuleSource(module, names) {
  const named = names.filter((exported) => exported !== "default");
  return [
    `const shared = ${module};`,
    named.length > 0 ? `export const { ${named.join(", ")} } = shared;` : "",
    names.includes("default") ? "export default shared.default;" : "",
  ].join("\n");
}

/** How a script of stages takes a module of validate.cjs, or a package it holds (a CommonJS module, as the package may be). */
const fromValidate = (name) => `kubeplanLoadStages("validate").load(${JSON.stringify(name)})`;

/**
 * A script of stages (validate.cjs, stages.cjs): the modules `served` by name
 * (`load`, which cli.cjs calls for a stage, and stages.cjs for a module or a
 * package of validate.cjs: `servedPackages`) and what they import, except the
 * modules cli.cjs holds (`fromCli`, taken from `kubeplanCli`, given by
 * bin/load-bundle.js) and the modules and packages validate.cjs holds
 * (`validate`, taken from it). Also says which of validate's it took, and the
 * packages its modules import by name.
 */
async function buildStageScript(build, dist, outdir, { name, served, servedPackages = new Set(), fromCli, validate = { modules: new Set(), packages: new Set() }, write = true }) {
  const exportsOf = new Map();
  const exportsOfModule = (module) => {
    if (!exportsOf.has(module)) exportsOf.set(module, exportNames(build, join(dist, module)));
    return exportsOf.get(module);
  };
  const taken = new Set();
  const packages = new Set();
  const result = await build({
    ...options(dist),
    ...wrapped(`${name}.cjs`),
    entryPoints: { [name]: "kubeplan-stages-entry" },
    // cron-parser (and luxon, most of its size) only for the CronJobs of a plan: required from node_modules then.
    external: ["cron-parser"],
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    outdir,
    write,
    define: { "import.meta.url": "kubeplanBundleUrl" },
    plugins: [
      childProcessOnDemand,
      {
        name: "stages-entry",
        setup(b) {
          b.onResolve({ filter: /^kubeplan-stages-entry$/ }, () => ({ path: "entry", namespace: "stages-entry" }));
          b.onLoad({ filter: /.*/, namespace: "stages-entry" }, () => ({
            resolveDir: dist,
            loader: "js",
            contents: `export function load(name) {\n  switch (name) {\n${served.map((module) => `    case ${JSON.stringify(module)}: return ${fromCli.has(module) ? `kubeplanCli.shared[${JSON.stringify(module)}]` : `require(${JSON.stringify(servedPackages.has(module) ? module : `./${module}`)})`};`).join("\n")}\n  }\n}`,
          }));
          b.onResolve({ filter: /^\./ }, ({ path, resolveDir, namespace }) => {
            if (namespace === "stages-entry") return undefined;
            const module = nameIn(dist, resolve(resolveDir, path));
            if (fromCli.has(module)) return { path: module, namespace: "from-cli" };
            if (!validate.modules.has(module)) return undefined;
            taken.add(module);
            return { path: module, namespace: "from-validate" };
          });
          // The packages the modules of dist/ import by name: one copy of each between the two scripts.
          b.onResolve({ filter: /^[^./]/ }, ({ path, importer, namespace }) => {
            if (BUILTIN.test(path) || namespace === "stages-entry" || !importer.startsWith(dist)) return undefined;
            packages.add(path);
            if (!validate.packages.has(path)) return undefined;
            taken.add(path);
            return { path, namespace: "package-from-validate" };
          });
          b.onLoad({ filter: /.*/, namespace: "from-cli" }, async ({ path }) => ({ contents: sharedModuleSource(`kubeplanCli.shared[${JSON.stringify(path)}]`, await exportsOfModule(path)), loader: "js" }));
          b.onLoad({ filter: /.*/, namespace: "from-validate" }, async ({ path }) => ({ contents: sharedModuleSource(fromValidate(path), await exportsOfModule(path)), loader: "js" }));
          b.onLoad({ filter: /.*/, namespace: "package-from-validate" }, ({ path }) => ({ contents: `module.exports = ${fromValidate(path)};`, loader: "js" }));
        },
      },
    ],
  });
  return { result, taken: [...taken], packages };
}

/**
 * validate.cjs and stages.cjs. validate.cjs is built once to learn what it
 * holds, then stages.cjs, taking from it what it holds, then validate.cjs
 * again, serving what stages.cjs takes.
 */
async function buildStages(build, dist, outdir, fromCli, stageModules) {
  const validateStages = VALIDATE_STAGES.filter((module) => stageModules.includes(module));
  const first = await buildStageScript(build, dist, outdir, { name: "validate", served: validateStages, fromCli, write: false });
  const validate = { modules: new Set(distModules(dist, first.result).filter((module) => !fromCli.has(module))), packages: first.packages };
  const stages = await buildStageScript(build, dist, outdir, { name: "stages", served: stageModules.filter((module) => !validate.modules.has(module)), fromCli, validate });
  const second = await buildStageScript(build, dist, outdir, { name: "validate", served: [...new Set([...validateStages, ...stages.taken])], servedPackages: validate.packages, fromCli });
  return { validate, results: [second.result, stages.result] };
}

/** Bundles `dist` (a directory tsc compiled src/ into) into `dist`/bundle/. */
async function bundle(dist) {
  const { build } = require("esbuild");
  const outdir = join(dist, "bundle");
  rmSync(outdir, { recursive: true, force: true });
  const cli = await buildCli(build, dist, outdir);
  const fromCli = new Set(cli.shared);
  const stages = await buildStages(build, dist, outdir, fromCli, cli.stageModules);
  const cliResult = await cli.write((module) => (stages.validate.modules.has(module) ? "validate" : "stages"));
  const packages = await build({
    ...options(dist),
    ...wrapped("packages.cjs"),
    entryPoints: { packages: "kubeplan-packages-entry" },
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    outdir,
    plugins: [
      {
        name: "packages-entry",
        setup(b) {
          b.onResolve({ filter: /^kubeplan-packages-entry$/ }, () => ({ path: "entry", namespace: "packages-entry" }));
          b.onLoad({ filter: /.*/, namespace: "packages-entry" }, () => ({
            // The packages are kubeplan's dependencies, wherever dist/ is being built.
            resolveDir: PACKAGE_ROOT,
            loader: "js",
            // A function each: a package's code runs when it is first required.
            contents: `module.exports = { ${PACKAGES.map((name) => `${JSON.stringify(name)}: () => require(${JSON.stringify(name)})`).join(", ")} };`,
          }));
        },
      },
    ],
  });
  const worker = await build({
    ...options(dist),
    ...wrapped("worker.cjs"),
    entryPoints: { worker: join(dist, "validate", "worker.js") },
    outdir,
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    define: { "import.meta.url": "kubeplanBundleUrl" },
    plugins: [childProcessOnDemand],
  });
  // Which sources each file holds, named as in a compiled dist/: test/cli/start-up.test.ts reads it to say what a command loads.
  const asDist = (path) => (path.startsWith(`${basename(dist)}/`) ? `dist/${path.slice(basename(dist).length + 1)}` : path);
  const outputs = [cliResult, ...stages.results, packages, worker].flatMap((result) => Object.entries(result.metafile.outputs));
  const sources = Object.fromEntries(outputs.map(([file, output]) => [asDist(file), Object.keys(output.inputs).filter((input) => !input.includes(":")).map(asDist)]));
  writeFileSync(join(outdir, "sources.json"), JSON.stringify(sources));
}

module.exports = { bundle };
