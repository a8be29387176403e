// CustomResourceDefinitions must be known before any custom resource is
// checked, wherever they stand in the inputs: a first, cheap pass finds them.
import { loadInputs, parseManifests, type ParsedFile, type ReadOptions } from "../load/index.js";
import type { Inventory } from "../inventory.js";
import type { Finding, KubeObject } from "../types.js";
import { notAManifest } from "./not-manifests.js";
import { appendAll } from "../util/append.js";

/** Only files that mention the kind are parsed in this pass. */
const MENTIONS_CRD = /\bkind:\s*["']?CustomResourceDefinition\b|"kind"\s*:\s*"CustomResourceDefinition"/;

export function isCrd(object: KubeObject): boolean {
  return object.kind === "CustomResourceDefinition" && String(object.apiVersion ?? "").startsWith("apiextensions.k8s.io/");
}

export interface ParsedInput {
  file: string;
  parsed: ParsedFile;
}

export function mentionsCrd(text: string): boolean {
  return MENTIONS_CRD.test(text);
}

/** Parses the texts that mention CRDs; their CRDs, and the parsed files (checked without parsing them again). */
export function crdsInTexts(texts: Iterable<{ text: string; file: string }>): { crds: KubeObject[]; parsed: ParsedInput[] } {
  const crds: KubeObject[] = [];
  const parsed: ParsedInput[] = [];
  for (const { text, file } of texts) {
    if (!mentionsCrd(text)) continue;
    const result = parseManifests(text, file);
    parsed.push({ file, parsed: result });
    appendAll(crds, result.documents.map((d) => d.object).filter(isCrd));
  }
  return { crds, parsed };
}

/**
 * The CRDs under `--crds` paths, with the problems of reading them. Files and
 * documents that are not CRDs are passed over: a kustomization beside the CRDs
 * of a project (config/crd/) is no error.
 */
export function crdsFromPaths(paths: readonly string[], options: ReadOptions = {}): { crds: KubeObject[]; findings: Finding[] } {
  if (paths.length === 0) return { crds: [], findings: [] };
  const loaded = loadInputs(paths, options);
  const findings = loaded.findings.filter((f) => notAManifest(f.file) === undefined && !f.rule.startsWith("document/missing-"));
  return { crds: loaded.documents.map((d) => d.object).filter(isCrd), findings };
}

/** The kind a CRD makes cluster-scoped, if it is one that does. */
export function clusterScopedKind(crd: KubeObject): string | undefined {
  const spec = crd.spec as { scope?: unknown; names?: { kind?: unknown } } | undefined;
  return isCrd(crd) && spec?.scope === "Cluster" && typeof spec.names?.kind === "string" ? spec.names.kind : undefined;
}

/** Custom resources of a cluster-scoped CRD have no namespace. */
export function markCrdScope(inventory: Inventory, crd: KubeObject): void {
  const kind = clusterScopedKind(crd);
  if (kind !== undefined) inventory.markClusterScoped(kind);
}
