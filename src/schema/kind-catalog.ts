// Which apiVersion+kind pairs a release serves, and what to say about those
// it does not: a typo of a kind, a kind served under another apiVersion, an
// apiVersion removed (or not yet served) in this release, or a custom
// resource whose schema is not known.
import type { Report, Severity } from "../types.js";
import { groupOf } from "../inventory.js";
import { DEPRECATED_APIS } from "./deprecations.js";
import type { ApiLifecycle, KindEntry, ReleaseSchemas, RemovedApi } from "./registry.js";
import { nearest } from "../util/suggest.js";
import { compareReleases } from "./versions.js";

export const KIND_RULES = {
  unknownKind: "schema/unknown-kind",
  removedApi: "schema/removed-api",
  deprecatedApi: "schema/deprecated-api",
  missingSchema: "schema/missing-schema",
} as const;

export interface KindProblem {
  rule: string;
  severity: Severity;
  report: Report;
}

export interface KindCheck {
  /** Set when the release serves this apiVersion+kind. */
  entry?: KindEntry;
  problems: KindProblem[];
}

const stability = (apiVersion: string) => (/(^|\/)v\d+$/.test(apiVersion) ? 2 : apiVersion.includes("beta") ? 1 : 0);
const quote = (text: string) => JSON.stringify(text);

function problem(rule: string, pointer: string, message: string, suggestion?: string, severity: Severity = "error"): KindProblem {
  const report: Report = { pointer, message };
  if (suggestion !== undefined) report.suggestion = suggestion;
  return { rule, severity, report };
}

export class KindCatalog {
  private readonly apiVersionsByKind = new Map<string, string[]>();
  private readonly builtInGroups = new Set<string>();
  private readonly removals = new Map<string, RemovedApi>();

  constructor(
    private readonly release: ReleaseSchemas,
    private readonly lifecycle: ApiLifecycle,
  ) {
    for (const [apiVersion, kinds] of release.servedKinds()) {
      this.builtInGroups.add(groupOf(apiVersion));
      for (const kind of kinds) {
        if (!this.apiVersionsByKind.has(kind)) this.apiVersionsByKind.set(kind, []);
        this.apiVersionsByKind.get(kind)!.push(apiVersion);
      }
    }
    for (const removed of lifecycle.removed) {
      this.builtInGroups.add(groupOf(removed.apiVersion));
      this.removals.set(`${removed.apiVersion} ${removed.kind}`, removed);
    }
  }

  private get version(): string {
    return this.release.kubernetesVersion;
  }

  /** apiVersions serving `kind` in this release, the same group first, then the most stable. */
  servingApiVersions(kind: string, preferredGroup?: string): string[] {
    const list = [...(this.apiVersionsByKind.get(kind) ?? [])];
    return list.sort((a, b) => {
      const group = (x: string) => (preferredGroup !== undefined && groupOf(x) === preferredGroup ? 0 : 1);
      return group(a) - group(b) || stability(b) - stability(a) || (a < b ? -1 : 1);
    });
  }

  check(apiVersion: string, kind: string, ignoreMissingSchemas: boolean): KindCheck {
    const entry = this.release.kind(apiVersion, kind);
    if (entry) return { entry, problems: this.deprecation(apiVersion, kind) };
    const problems =
      this.removal(apiVersion, kind) ?? this.notYetServed(apiVersion, kind) ?? this.removedKind(apiVersion, kind) ?? this.unknown(apiVersion, kind, ignoreMissingSchemas);
    return { problems };
  }

  private removedEntry(apiVersion: string, kind: string): RemovedApi | undefined {
    return this.removals.get(`${apiVersion} ${kind}`);
  }

  /** Follows replacements that were removed in turn (extensions → policy/v1beta1 PodSecurityPolicy → none). */
  private replacementOf(removal: RemovedApi): { apiVersion?: string; note?: string } {
    let current: RemovedApi | undefined = removal;
    for (let hops = 0; current && hops < 8; hops++) {
      const next: string | null = current.replacement;
      if (next !== null && this.release.kind(next, removal.kind)) return { apiVersion: next };
      const nextRemoval: RemovedApi | undefined = next === null ? undefined : this.removedEntry(next, removal.kind);
      if (!nextRemoval) {
        const served = this.servingApiVersions(removal.kind, groupOf(next ?? removal.apiVersion))[0];
        return served !== undefined ? { apiVersion: served } : current.note !== undefined ? { note: current.note } : {};
      }
      current = nextRemoval;
    }
    return {};
  }

  private removal(apiVersion: string, kind: string): KindProblem[] | undefined {
    const removal = this.removedEntry(apiVersion, kind);
    if (!removal || compareReleases(removal.removedIn, this.version) > 0) return undefined;
    const { apiVersion: replacement, note } = this.replacementOf(removal);
    const head = `apiVersion: no matches for kind ${quote(kind)} in version ${quote(apiVersion)}: ${apiVersion} ${kind} was removed in Kubernetes ${removal.removedIn}`;
    const fix = replacement !== undefined ? `; use ${quote(replacement)}` : note !== undefined ? ` (${note})` : "";
    return [problem(KIND_RULES.removedApi, "/apiVersion", head + fix, replacement)];
  }

  /**
   * A built-in kind no version of this release serves, written with a version
   * it never had (`policy/v1 PodSecurityPolicy`): the kind itself was removed,
   * which says more than the nearest kind's name.
   */
  private removedKind(apiVersion: string, kind: string): KindProblem[] | undefined {
    if (!this.builtInGroups.has(groupOf(apiVersion)) || this.apiVersionsByKind.has(kind)) return undefined;
    const removals = [...this.removals.values()].filter((r) => r.kind === kind && compareReleases(r.removedIn, this.version) <= 0);
    const last = removals.sort((a, b) => compareReleases(b.removedIn, a.removedIn))[0];
    if (!last) return undefined;
    const { apiVersion: replacement, note } = this.replacementOf(last);
    const lastVersion = `its last version was ${last.apiVersion}${note !== undefined && replacement === undefined ? `; ${note}` : ""}`;
    const head = `apiVersion: no matches for kind ${quote(kind)} in version ${quote(apiVersion)}: ${kind} was removed in Kubernetes ${last.removedIn} (${lastVersion})`;
    return [problem(KIND_RULES.removedApi, "/apiVersion", head + (replacement !== undefined ? `; use ${quote(replacement)}` : ""), replacement)];
  }

  private notYetServed(apiVersion: string, kind: string): KindProblem[] | undefined {
    const introduced = this.lifecycle.introduced.find((i) => i.apiVersion === apiVersion && i.kind === kind);
    if (!introduced || compareReleases(introduced.servedFrom, this.version) <= 0) return undefined;
    const served = this.servingApiVersions(kind, groupOf(apiVersion))[0];
    const head = `apiVersion: no matches for kind ${quote(kind)} in version ${quote(apiVersion)}: it is served from Kubernetes ${introduced.servedFrom} (target: ${this.version})`;
    const fix = served !== undefined ? `; Kubernetes ${this.version} serves it as ${quote(served)}` : "";
    return [problem(KIND_RULES.unknownKind, "/apiVersion", head + fix, served)];
  }

  private unknown(apiVersion: string, kind: string, ignoreMissingSchemas: boolean): KindProblem[] {
    const group = groupOf(apiVersion);
    const head = `no matches for kind ${quote(kind)} in version ${quote(apiVersion)}`;
    const elsewhere = this.servingApiVersions(kind, group);
    const builtIn = this.builtInGroups.has(group);
    if (elsewhere.length > 0 && (builtIn || this.looksLikeTypo(apiVersion, elsewhere))) {
      const best = elsewhere[0]!;
      const found = problem(KIND_RULES.unknownKind, "/apiVersion", `apiVersion: ${head} (${kind} is served as ${quote(best)})`, best);
      // One apiVersion serves it, or one of the group written: the others are other APIs (events.k8s.io Event), not a choice.
      if (elsewhere.length === 1 || groupOf(best) === group) found.report.fix = { description: `set apiVersion to ${quote(best)}`, changes: [{ op: "setValue", pointer: "/apiVersion", value: best }] };
      return [found];
    }
    if (!builtIn) {
      return ignoreMissingSchemas ? [] : [problem(KIND_RULES.missingSchema, "/kind", `could not find schema for ${kind}`)];
    }
    return [this.kindTypo(apiVersion, kind, head)];
  }

  /** A custom-looking apiVersion one or two edits away from one serving the kind (`app/v1` for `apps/v1`). */
  private looksLikeTypo(apiVersion: string, candidates: readonly string[]): boolean {
    return nearest(apiVersion, candidates, { maxDistance: 2, partial: false }) !== undefined;
  }

  private kindTypo(apiVersion: string, kind: string, head: string): KindProblem {
    const sameApiVersion = this.release.servedKinds().get(apiVersion) ?? [];
    const here = nearest(kind, sameApiVersion);
    if (here !== undefined) return problem(KIND_RULES.unknownKind, "/kind", `kind: ${head} (did you mean ${quote(here)}?)`, here);
    const anywhere = nearest(kind, this.apiVersionsByKind.keys());
    if (anywhere !== undefined) {
      const served = this.servingApiVersions(anywhere, groupOf(apiVersion))[0]!;
      return problem(KIND_RULES.unknownKind, "/kind", `kind: ${head} (did you mean ${quote(anywhere)}? it is served as ${quote(served)})`, anywhere);
    }
    if (!this.release.servedKinds().has(apiVersion)) {
      const versions = this.servedApiVersionsOfGroup(groupOf(apiVersion));
      const closest = nearest(apiVersion, versions, { maxDistance: 3, partial: false }) ?? versions[0];
      if (closest !== undefined) {
        return problem(KIND_RULES.unknownKind, "/apiVersion", `apiVersion: ${head} (did you mean ${quote(closest)}?)`, closest);
      }
    }
    return problem(KIND_RULES.unknownKind, "/kind", `kind: ${head}`);
  }

  private servedApiVersionsOfGroup(group: string): string[] {
    return [...this.release.servedKinds().keys()].filter((apiVersion) => groupOf(apiVersion) === group).sort((a, b) => stability(b) - stability(a) || (a < b ? -1 : 1));
  }

  /** A warning for an apiVersion this release serves but a later one removes (or that upstream deprecated). */
  private deprecation(apiVersion: string, kind: string): KindProblem[] {
    const curated = DEPRECATED_APIS.find((d) => d.apiVersion === apiVersion && d.kind === kind && compareReleases(d.since, this.version) <= 0);
    if (curated) {
      return [problem(KIND_RULES.deprecatedApi, "/apiVersion", `${apiVersion} ${kind} is deprecated in v${curated.since}+; ${curated.advice}`, curated.replacement, "warning")];
    }
    const removal = this.removedEntry(apiVersion, kind);
    if (!removal || stability(apiVersion) === 0 || compareReleases(removal.removedIn, this.version) <= 0) return [];
    const replacement = removal.replacement ?? undefined;
    const fix = replacement !== undefined ? `; use ${replacement} ${kind}` : "";
    return [problem(KIND_RULES.deprecatedApi, "/apiVersion", `${apiVersion} ${kind} is deprecated, unavailable in v${removal.removedIn}+${fix}`, replacement, "warning")];
  }
}
