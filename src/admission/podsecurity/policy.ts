// Which Pod Security level a namespace enforces, warns about and audits
// (pod-security.kubernetes.io/* labels), and evaluating a pod against a level.
import { recordOf, stringMapOf } from "../../util/object-access.js";
import * as baseline from "./baseline-checks.js";
import type { CheckFailure, CheckFn, PodView } from "./helpers.js";
import * as restricted from "./restricted-checks.js";

export type Level = "privileged" | "baseline" | "restricted";

export interface LevelVersion {
  level: Level;
  /** "latest", or the minor of a `v1.x` version label. */
  version: "latest" | number;
}

export interface Policy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

const LABEL = "pod-security.kubernetes.io/";
const LEVELS: readonly Level[] = ["privileged", "baseline", "restricted"];

export function levelVersionString(lv: LevelVersion): string {
  return `${lv.level}:${lv.version === "latest" ? "latest" : `v1.${lv.version}`}`;
}

function parseLevel(value: string): Level | undefined {
  return (LEVELS as readonly string[]).includes(value) ? (value as Level) : undefined;
}

function parseVersion(value: string): "latest" | number | undefined {
  if (value === "latest") return "latest";
  const match = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * api.PolicyToEvaluate with the default (privileged) configuration. A bad
 * enforce level enforces restricted; bad audit/warn levels fail open; a bad
 * version is latest. Warn follows an explicitly stricter enforce level.
 */
export function policyOf(namespaceLabels: unknown): Policy {
  const labels = stringMapOf(namespaceLabels);
  const policy: Policy = {
    enforce: { level: "privileged", version: "latest" },
    audit: { level: "privileged", version: "latest" },
    warn: { level: "privileged", version: "latest" },
  };
  let hasEnforceLevel = false;
  const mode = (name: keyof Policy, failLevel: Level): void => {
    const level = labels[`${LABEL}${name}`];
    if (level !== undefined) {
      const parsed = parseLevel(level);
      policy[name].level = parsed ?? failLevel;
      if (name === "enforce") hasEnforceLevel = parsed !== undefined;
    }
    const version = labels[`${LABEL}${name}-version`];
    if (version !== undefined) policy[name].version = parseVersion(version) ?? "latest";
  };
  mode("enforce", "restricted");
  mode("audit", "privileged");
  mode("warn", "privileged");
  const hasWarnLevel = labels[`${LABEL}warn`] !== undefined;
  const hasWarnVersion = labels[`${LABEL}warn-version`] !== undefined;
  if (!hasWarnLevel && hasEnforceLevel && LEVELS.indexOf(policy.enforce.level) > LEVELS.indexOf(policy.warn.level)) {
    policy.warn.level = policy.enforce.level;
    if (!hasWarnVersion) policy.warn.version = policy.enforce.version;
  }
  return policy;
}

interface Check {
  id: string;
  /** First policy minor the check applies to. */
  since: number;
  run: CheckFn;
  /** Baseline checks this (restricted) check replaces while it applies. */
  overrides?: string[];
}

/** Go's sort of check IDs: byte order. */
function byId(a: Check, b: Check): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The baseline checks, sorted by ID as upstream's registry runs them. */
const BASELINE: Check[] = [
  { id: "appArmorProfile", since: 0, run: baseline.appArmorProfile },
  { id: "capabilities_baseline", since: 0, run: baseline.capabilitiesBaseline },
  { id: "hostNamespaces", since: 0, run: baseline.hostNamespaces },
  { id: "hostPathVolumes", since: 0, run: baseline.hostPathVolumes },
  { id: "hostPorts", since: 0, run: baseline.hostPorts },
  { id: "hostProbesAndHostLifecycle", since: 34, run: baseline.hostProbesAndHostLifecycle },
  { id: "privileged", since: 0, run: baseline.privileged },
  { id: "procMount", since: 0, run: baseline.procMount },
  { id: "seLinuxOptions", since: 0, run: baseline.seLinuxOptions },
  { id: "seccompProfile_baseline", since: 0, run: baseline.seccompProfileBaseline },
  { id: "sysctls", since: 0, run: baseline.sysctls },
  { id: "windowsHostProcess", since: 0, run: baseline.windowsHostProcess },
].sort(byId);

/** The restricted checks, sorted by ID; they run after the baseline ones they do not replace. */
const RESTRICTED: Check[] = [
  { id: "allowPrivilegeEscalation", since: 8, run: restricted.allowPrivilegeEscalation },
  { id: "capabilities_restricted", since: 22, run: restricted.capabilitiesRestricted, overrides: ["capabilities_baseline"] },
  { id: "procMount_restricted", since: 35, run: restricted.procMountRestricted, overrides: ["procMount"] },
  { id: "restrictedVolumes", since: 0, run: restricted.restrictedVolumes, overrides: ["hostPathVolumes"] },
  { id: "runAsNonRoot", since: 0, run: restricted.runAsNonRoot },
  { id: "runAsUser", since: 23, run: restricted.runAsUser },
  { id: "seccompProfile_restricted", since: 19, run: restricted.seccompProfileRestricted, overrides: ["seccompProfile_baseline"] },
].sort(byId);

/** The policy minor to evaluate: "latest" and newer-than-server versions mean the server's own. */
export function effectiveMinor(lv: LevelVersion, serverMinor: number): number {
  return lv.version === "latest" ? serverMinor : Math.min(lv.version, serverMinor);
}

/** The failed checks of a pod (or pod template) at a level, in upstream's order. */
export function evaluatePod(lv: LevelVersion, metadata: unknown, spec: unknown, serverMinor: number): CheckFailure[] {
  if (lv.level === "privileged") return [];
  const view: PodView = { metadata: recordOf(metadata), spec: recordOf(spec), minor: effectiveMinor(lv, serverMinor) };
  const applies = (check: Check) => view.minor >= check.since;
  const restrictedChecks = lv.level === "restricted" ? RESTRICTED.filter(applies) : [];
  const overridden = new Set(restrictedChecks.flatMap((check) => check.overrides ?? []));
  const checks = [...BASELINE.filter((check) => applies(check) && !overridden.has(check.id)), ...restrictedChecks];
  const failures: CheckFailure[] = [];
  for (const check of checks) {
    const result = check.run(view);
    if (result) failures.push(result);
  }
  return failures;
}

/** AggregateCheckResult.ForbiddenDetail: `reason (detail), reason (detail)`. */
export function forbiddenDetail(failures: readonly CheckFailure[]): string {
  return failures.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason)).join(", ");
}

/** AggregateCheckResult.ForbiddenReason: the reasons only (used for existing pods). */
export function forbiddenReason(failures: readonly CheckFailure[]): string {
  return failures.map((f) => f.reason).join(", ");
}
