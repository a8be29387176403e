// `npm run bench`: times kubeplan as users run it. Every figure is the median
// of several runs of a whole process (or of a stage, for the plan stages).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateManifests } from "./bench/generate-manifests.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "bench-out");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time of a command, in ms. */
function timeCommand(args, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  }
  return median(times);
}

const results = [];
function record(name, medianMs, extra = {}) {
  results.push({ name, medianMs: Math.round(medianMs), ...extra });
  console.log(`${name.padEnd(48)} ${String(Math.round(medianMs)).padStart(7)} ms ${Object.entries(extra).map(([k, v]) => `${k}=${v}`).join(" ")}`);
}

mkdirSync(out, { recursive: true });
console.log(`node ${process.version}, ${cpus().length} cores, median of ${RUNS} runs\n`);

// validate: 10,000 documents as one whole process, against parsing them with `yaml` alone.
const docsDir = join(out, "manifests");
const documents = generateManifests(docsDir, 10_000);
const cli = join(root, "bin", "kubeplan.js");
const parseOnly = timeCommand([join(root, "scripts", "bench", "parse-only.mjs"), docsDir]);
record(`parse only (yaml), ${documents} documents`, parseOnly, { docsPerSecond: Math.round((documents / parseOnly) * 1000) });
const validate = timeCommand([cli, "validate", docsDir, "-o", "json"]);
record(`kubeplan validate, ${documents} documents`, validate, {
  docsPerSecond: Math.round((documents / validate) * 1000),
  ratioToParse: (validate / parseOnly).toFixed(2),
});
const single = timeCommand([cli, "validate", join(root, "samples", "app", "storefront.yaml")], Math.max(RUNS, 9));
record("kubeplan validate, one small file", single);

// The plan stages, each timed in-process by its own script.
for (const script of ["crds.mjs", "admission.mjs", "schedule.mjs", "diff.mjs"]) {
  const path = join(root, "scripts", "bench", script);
  if (!existsSync(path)) continue;
  const lines = execFileSync(process.execPath, [path], { cwd: root, encoding: "utf8", env: { ...process.env, BENCH_RUNS: String(RUNS) } });
  for (const line of lines.split("\n").filter((l) => l.startsWith("{"))) {
    const { name, medianMs, ...extra } = JSON.parse(line);
    record(name, medianMs, extra);
  }
}

writeFileSync(join(out, "results.json"), JSON.stringify({ node: process.version, cores: cpus().length, runs: RUNS, results }, null, 2) + "\n");
