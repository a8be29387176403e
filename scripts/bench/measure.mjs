// Whole-process measurements: wall time, CPU seconds (user + system) and peak
// resident memory of a command, read from GNU time (`/usr/bin/time`) when the
// machine has it; wall time only otherwise.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
export const hasResourceUsage = existsSync(GNU_TIME);

export function median(values) {
  const sorted = [...values].filter((v) => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One run of `command args`: { wallMs, cpuSeconds?, peakMb? }. Exit codes 0 and 1 (findings) are success. */
export function measureOnce(command, args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "kubeplan-measure-"));
  const usageFile = join(dir, "usage");
  const [file, argv] = hasResourceUsage ? [GNU_TIME, ["-o", usageFile, "-f", "%U %S %M", command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  try {
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${String(result.stderr).slice(-2000)}`);
    if (!hasResourceUsage) return { wallMs };
    const [user, system, maxKb] = readFileSync(usageFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
    return { wallMs, cpuSeconds: user + system, peakMb: maxKb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs every subject `runs` times, interleaved (A B C A B C ...), so that the
 * machine's drift touches all alike; returns each subject's medians.
 */
export function interleave(subjects, runs) {
  const samples = subjects.map(() => []);
  for (let i = 0; i < runs; i++) {
    subjects.forEach((subject, s) => samples[s].push(measureOnce(subject.command, subject.args, subject.options)));
  }
  return subjects.map((subject, s) => ({
    name: subject.name,
    wallMs: median(samples[s].map((x) => x.wallMs)),
    minWallMs: Math.min(...samples[s].map((x) => x.wallMs)),
    maxWallMs: Math.max(...samples[s].map((x) => x.wallMs)),
    cpuSeconds: median(samples[s].map((x) => x.cpuSeconds)),
    peakMb: median(samples[s].map((x) => x.peakMb)),
  }));
}
