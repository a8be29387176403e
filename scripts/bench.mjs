// `npm run bench`: times kubeplan as users run it, whole processes, side by
// side with the floor (parsing the same files with `yaml` alone) and, when
// KUBECONFORM names it, with kubeconform: runs interleaved (A B C A B C...),
// medians of BENCH_RUNS (default 5), with CPU seconds and peak memory.
//
//   npm run bench
//   KUBECONFORM=../shared/peers/kubeconform.sh npm run bench   # with the Go peer
//   BENCH_RUNS=1 BENCH_QUICK=1 npm run bench                   # a quick try of the harness
//
// KUBECONFORM is kubeconform.sh (its `run` subcommand is used) or a kubeconform
// binary (then KUBECONFORM_ARGS gives its -schema-location flags).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCrdCorpus } from "./bench/crds.mjs";
import { generateManifests } from "./bench/generate-manifests.mjs";
import { hasResourceUsage, interleave } from "./bench/measure.mjs";
import { writePlanCorpus } from "./bench/plan-sizes.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "bench-out");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PLAN_RUNS = Number(process.env.BENCH_PLAN_RUNS ?? 1);
const CORES = cpus().length;
const cli = join(root, "bin", "kubeplan.js");
const parseOnly = join(root, "scripts", "bench", "parse-only.mjs");
const kubeconform = process.env.KUBECONFORM;

const results = [];

function fixed(value, digits = 0) {
  return value === undefined ? "-" : value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function print(line = "") {
  process.stdout.write(line + "\n");
}

/** The command line of kubeconform for a corpus, or undefined when KUBECONFORM is not set. */
function kubeconformSubject(dir) {
  if (!kubeconform) return undefined;
  const flags = ["-summary", "-n", String(CORES)];
  if (kubeconform.endsWith(".sh")) return { name: "kubeconform -strict", command: "bash", args: [kubeconform, "run", ...flags, dir] };
  const extra = (process.env.KUBECONFORM_ARGS ?? "").split(" ").filter(Boolean);
  return { name: "kubeconform -strict", command: kubeconform, args: ["-strict", ...flags, ...extra, dir] };
}

/** One corpus: the floor, kubeplan and the peer, interleaved; a table row each. */
function benchCorpus(title, dir, documents) {
  const subjects = [
    { name: "parse only (yaml)", command: process.execPath, args: [parseOnly, dir] },
    { name: "kubeplan validate", command: process.execPath, args: [cli, "validate", dir, "-o", "json"] },
  ];
  const peer = kubeconformSubject(dir);
  if (peer) subjects.push(peer);
  const measured = interleave(subjects, RUNS);
  const byName = Object.fromEntries(measured.map((m) => [m.name, m]));
  const kubeplan = byName["kubeplan validate"];
  const floor = byName["parse only (yaml)"];
  print(`\n${title}: ${fixed(documents)} documents`);
  print("| | documents/s | wall ms (median, min-max) | CPU s | peak MB | vs parse-only | vs kubeconform |");
  print("|---|---|---|---|---|---|---|");
  for (const m of measured) {
    const docsPerSecond = (documents / m.wallMs) * 1000;
    const vsFloor = m === floor ? "1.00" : fixed(floor.wallMs / m.wallMs, 2);
    const vsPeer = peer && m !== byName[peer.name] ? fixed(docsPerSecond / ((documents / byName[peer.name].wallMs) * 1000), 2) : "-";
    print(`| ${m.name} | ${fixed(docsPerSecond)} | ${fixed(m.wallMs)} (${fixed(m.minWallMs)}-${fixed(m.maxWallMs)}) | ${fixed(m.cpuSeconds, 2)} | ${fixed(m.peakMb)} | ${vsFloor} | ${vsPeer} |`);
    results.push({ corpus: title, documents, ...m, docsPerSecond: Math.round(docsPerSecond) });
  }
  return kubeplan;
}

function countDocuments(dir) {
  return Number(execFileSync(process.execPath, [parseOnly, dir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
}

mkdirSync(out, { recursive: true });
print(`kubeplan benchmarks: node ${process.version}, ${CORES} cores, medians of ${RUNS} interleaved runs${hasResourceUsage ? "" : " (no /usr/bin/time: wall time only)"}`);
print(`kubeconform: ${kubeconform ?? "not measured (set KUBECONFORM=path/to/kubeconform.sh)"}`);

// 1. Validate: three corpora.
const generated = join(out, "manifests");
benchCorpus("Generated app manifests (ConfigMap, Deployment, Service)", generated, generateManifests(generated, 10_000));

const crdDir = join(out, "crds");
const crdCorpus = writeCrdCorpus(crdDir);
if (kubeconform?.endsWith(".sh")) execFileSync("bash", [kubeconform, "crds", crdDir], { stdio: "ignore" });
benchCorpus("CRD-heavy (12 large CRDs, 300 custom resources)", crdDir, crdCorpus.documents);

const examples = join(root, "..", "shared", "corpus", "kubernetes-examples");
if (existsSync(examples)) benchCorpus("kubernetes/examples (../shared/corpus)", examples, countDocuments(examples));
else print("\nkubernetes/examples: skipped (../shared/corpus is absent)");

// 2. Threads: one against one per core, on the generated corpus.
const threads = interleave(
  [
    { name: "KUBEPLAN_THREADS=1", command: process.execPath, args: [cli, "validate", generated, "-o", "json"], options: { env: { KUBEPLAN_THREADS: "1" } } },
    { name: `KUBEPLAN_THREADS=${CORES}`, command: process.execPath, args: [cli, "validate", generated, "-o", "json"], options: { env: { KUBEPLAN_THREADS: String(CORES) } } },
  ],
  RUNS,
);
print(`\nThreads, generated corpus: one thread ${fixed(threads[0].wallMs)} ms, ${threads[1].name} ${fixed(threads[1].wallMs)} ms: ${fixed(threads[0].wallMs / threads[1].wallMs, 2)}x`);
results.push(...threads.map((t) => ({ corpus: "threads", ...t })));

// 3. Start-up.
const small = join(root, "samples", "app", "storefront.yaml");
const startup = interleave(
  [
    { name: "node -e 0", command: process.execPath, args: ["-e", "0"] },
    { name: "kubeplan --version", command: process.execPath, args: [cli, "--version"] },
    { name: "kubeplan --help", command: process.execPath, args: [cli, "--help"] },
    { name: "kubeplan validate (one small file)", command: process.execPath, args: [cli, "validate", small] },
  ],
  Math.max(RUNS, 9),
);
print("\nStart-up (wall ms, median):");
for (const s of startup) print(`  ${s.name.padEnd(36)} ${fixed(s.wallMs)}`);
results.push(...startup.map((s) => ({ corpus: "start-up", ...s })));

// 4. Plan at cluster size.
const planDir = join(out, "plan");
// BENCH_QUICK=1 shrinks the cluster tenfold, to try the harness out.
const sizes = writePlanCorpus(planDir, process.env.BENCH_QUICK ? { nodes: 500, deployments: 30 } : {});
const snapshot = join(planDir, "snapshot.json");
const onePod = interleave([{ name: `plan: 1 pod, ${fixed(sizes.nodes)}-node snapshot`, command: process.execPath, args: [cli, "plan", join(planDir, "one-pod.yaml"), "--cluster", snapshot, "-o", "json"] }], RUNS)[0];
const bigPlan = interleave([{ name: `plan: ${fixed(sizes.newPods)} pods on ${fixed(sizes.nodes)} nodes`, command: process.execPath, args: [cli, "plan", join(planDir, "pods"), "--cluster", snapshot, "-o", "json"] }], PLAN_RUNS)[0];
print(`\nPlan against a snapshot of ${fixed(sizes.nodes)} nodes and ${fixed(sizes.runningPods)} running pods:`);
for (const p of [onePod, bigPlan]) print(`  ${p.name.padEnd(44)} ${fixed(p.wallMs)} ms, ${fixed(p.cpuSeconds, 1)} s CPU, ${fixed(p.peakMb)} MB peak`);
print(`  (${fixed((sizes.newPods / bigPlan.wallMs) * 1000)} pods/s)`);
results.push({ corpus: "plan", ...onePod }, { corpus: "plan", ...bigPlan, podsPerSecond: Math.round((sizes.newPods / bigPlan.wallMs) * 1000) });

// 5. The plan stages in-process, each timed by its own script.
print("\nStages, in-process (median ms):");
for (const script of ["admission.mjs", "schedule.mjs", "diff.mjs"]) {
  const path = join(root, "scripts", "bench", script);
  if (!existsSync(path)) continue;
  const lines = execFileSync(process.execPath, [path], { cwd: root, encoding: "utf8", env: { ...process.env, BENCH_RUNS: String(RUNS) } });
  for (const line of lines.split("\n").filter((l) => l.startsWith("{"))) {
    const { name, medianMs, ...extra } = JSON.parse(line);
    print(`  ${name.padEnd(48)} ${String(Math.round(medianMs)).padStart(7)} ${Object.entries(extra).map(([k, v]) => `${k}=${v}`).join(" ")}`);
    results.push({ corpus: "stages", name, wallMs: medianMs, ...extra });
  }
}

writeFileSync(join(out, "results.json"), JSON.stringify({ node: process.version, cores: CORES, runs: RUNS, date: new Date().toISOString(), results }, null, 2) + "\n");
print(`\nAll figures: ${join("bench-out", "results.json")}`);
