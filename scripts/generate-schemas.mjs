#!/usr/bin/env node
// Generates schemas/ from the official OpenAPI specs in ../shared/k8s-openapi:
//
//   schemas/v1.XX.json              per release: served kinds (apiVersion → kind →
//                                   [definition, namespaced, validators file]) and
//                                   the file of each definition package
//   schemas/defs/<package>-<hash>.json
//                                   the definitions of one Go package, shared by
//                                   every release whose content is identical
//   schemas/validators/<name>-<hash>.cjs
//                                   precompiled ajv validators: one file for all
//                                   kinds with a pod template, one per other kind
//   schemas/lifecycle.json          removed apiVersions (release, replacement) and
//                                   apiVersions introduced after 1.28
//
// Output is deterministic: re-running it writes the same bytes.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertDefinition, refsOf } from "./schema-gen/convert.mjs";
import { CLOSED_SETS, closedSetsFor } from "./schema-gen/enums.mjs";
import { servedKinds } from "./schema-gen/kinds.mjs";
import { CURATED_REMOVALS, deriveLifecycle } from "./schema-gen/lifecycle.mjs";
import { standaloneModule } from "./schema-gen/standalone.mjs";

const VERSIONS = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"];
/** served-kinds.json lists every release from this one on. */
const FIRST_CONTIGUOUS_RELEASE = "1.28";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const specDir = process.env.KUBEPLAN_OPENAPI_DIR ?? join(root, "..", "shared", "k8s-openapi");
// Tests write elsewhere to compare a fresh run with the committed files.
const outDir = process.env.KUBEPLAN_SCHEMAS_OUT ?? join(root, "schemas");
const defsDir = join(outDir, "defs");
const validatorsDir = join(outDir, "validators");
const POD_SPEC = "io.k8s.api.core.v1.PodSpec";

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function packageOf(definition) {
  return definition.slice(0, definition.lastIndexOf("."));
}

function contentHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** Converts every definition of a release and groups them by Go package. */
function convertRelease(spec, version, usedClosedSets) {
  const lookup = closedSetsFor(version);
  const enumFor = (definition, property) => {
    const found = lookup(definition, property);
    if (found) usedClosedSets.add(`${definition}#${property}`);
    return found;
  };
  const packages = new Map();
  for (const name of Object.keys(spec.definitions).sort()) {
    const pkg = packageOf(name);
    if (!packages.has(pkg)) packages.set(pkg, {});
    packages.get(pkg)[name.slice(pkg.length + 1)] = convertDefinition(name, spec.definitions[name], enumFor);
  }
  return packages;
}

function writePackages(packages, written) {
  const files = {};
  for (const [pkg, definitions] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = JSON.stringify(definitions);
    const file = `defs/${pkg}-${contentHash(text)}.json`;
    if (!written.has(file)) writeFileSync(join(outDir, file), text + "\n");
    written.add(file);
    files[pkg] = file;
  }
  return files;
}

function definitionsByName(packages) {
  const out = new Map();
  for (const [pkg, definitions] of packages) {
    for (const [short, schema] of Object.entries(definitions)) out.set(`${pkg}.${short}`, schema);
  }
  return out;
}

function closureOf(root, definitions) {
  const seen = new Set();
  const pending = [root];
  while (pending.length) {
    const name = pending.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    for (const ref of refsOf(definitions.get(name))) pending.push(ref);
  }
  return seen;
}

/**
 * Kinds with a pod template share most of their code: they go in one file.
 * Every other kind gets its own small file, so that validating a Service does
 * not load the code of PersistentVolumes; unchanged kinds are shared across releases.
 */
function validatorGroup(apiVersion, kind, definition, definitions) {
  if (closureOf(definition, definitions).has(POD_SPEC)) return "workloads";
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "core";
  return `${group}.${apiVersion.split("/").pop()}.${kind}`;
}

function writeValidators(served, definitions, written) {
  const groups = new Map();
  for (const [apiVersion, byKind] of served) {
    for (const [kind, { definition }] of byKind) {
      const group = validatorGroup(apiVersion, kind, definition, definitions);
      if (!groups.has(group)) groups.set(group, new Set());
      groups.get(group).add(definition);
    }
  }
  const fileOf = new Map();
  for (const group of [...groups.keys()].sort()) {
    const roots = [...groups.get(group)].sort();
    const source = standaloneModule(definitions, roots);
    const file = `validators/${group}-${contentHash(source)}.cjs`;
    if (!written.has(file)) writeFileSync(join(outDir, file), source);
    written.add(file);
    for (const root of roots) fileOf.set(root, file);
  }
  return fileOf;
}

function kindIndex(served, validatorFiles) {
  const kinds = {};
  for (const [apiVersion, byKind] of served) {
    kinds[apiVersion] = {};
    for (const [kind, entry] of byKind) {
      kinds[apiVersion][kind] = [entry.definition, entry.namespaced, validatorFiles.get(entry.definition)];
    }
  }
  return kinds;
}

function checkClosedSetsUsed(used) {
  const unused = [];
  for (const entry of CLOSED_SETS) {
    for (const definition of entry.on) {
      if (!used.has(`${definition}#${entry.property}`)) unused.push(`${definition}.${entry.property}`);
    }
  }
  if (unused.length) throw new Error(`closed sets on fields no release has: ${unused.join(", ")}`);
}

function removeStale(written) {
  for (const [dir, prefix] of [[defsDir, "defs/"], [validatorsDir, "validators/"]]) {
    for (const file of readdirSync(dir)) {
      if (!written.has(prefix + file)) rmSync(join(dir, file));
    }
  }
}

const README = `# schemas/

Generated by \`npm run schemas\` (scripts/generate-schemas.mjs) from the official
Kubernetes OpenAPI specs; do not edit by hand.

- \`v1.XX.json\`: a release's served kinds (apiVersion → kind → [definition,
  namespaced, validators file]) and the file of each definition package.
- \`defs/<package>-<hash>.json\`: JSON schemas of one Go package (descriptions
  dropped, objects strict, Kubernetes formats and closed sets added, list merge
  keys kept), shared by the releases whose content is identical.
- \`validators/<name>-<hash>.cjs\`: precompiled ajv validators (standalone code).
- \`lifecycle.json\`: removed apiVersions (release, replacement, source) and
  apiVersions introduced after 1.28.
`;

function sizeOf(path) {
  if (statSync(path).isFile()) return statSync(path).size;
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0);
}

function main() {
  mkdirSync(defsDir, { recursive: true });
  mkdirSync(validatorsDir, { recursive: true });
  const written = new Set();
  const usedClosedSets = new Set();
  for (const version of VERSIONS) {
    const spec = readJson(join(specDir, `swagger-v${version}.json`));
    const converted = convertRelease(spec, version, usedClosedSets);
    const packages = writePackages(converted, written);
    const served = servedKinds(spec);
    const validatorFiles = writeValidators(served, definitionsByName(converted), written);
    const index = { kubernetesVersion: version, kinds: kindIndex(served, validatorFiles), packages };
    writeFileSync(join(outDir, `v${version}.json`), JSON.stringify(index, null, 1) + "\n");
    console.log(`v${version}: ${Object.keys(spec.definitions).length} definitions, ${Object.keys(packages).length} packages`);
  }
  checkClosedSetsUsed(usedClosedSets);
  removeStale(written);

  const derived = deriveLifecycle(readJson(join(specDir, "served-kinds.json")), FIRST_CONTIGUOUS_RELEASE);
  const lifecycle = { removed: [...CURATED_REMOVALS, ...derived.removed], introduced: derived.introduced };
  writeFileSync(join(outDir, "lifecycle.json"), JSON.stringify(lifecycle, null, 1) + "\n");
  writeFileSync(join(outDir, "README.md"), README);

  for (const dir of [defsDir, validatorsDir]) {
    console.log(`schemas/${dir.slice(outDir.length + 1)}: ${readdirSync(dir).length} files, ${(sizeOf(dir) / 1024).toFixed(0)} KiB`);
  }
  console.log(`schemas/: ${(sizeOf(outDir) / 1024 / 1024).toFixed(2)} MiB in total`);
}

if (!existsSync(specDir)) {
  console.error(`OpenAPI specs not found in ${specDir}`);
  process.exit(1);
}
main();
