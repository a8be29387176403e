// CustomResourceDefinitions must be known before any custom resource is
// checked, wherever they stand in the inputs: a first, cheap pass finds them.
import { loadInputs, parseManifests } from "../load/index.js";
import type { Finding, KubeObject } from "../types.js";

/** Only files that mention the kind are parsed in this pass. */
const MENTIONS_CRD = /\bkind:\s*["']?CustomResourceDefinition\b|"kind"\s*:\s*"CustomResourceDefinition"/;

export function isCrd(object: KubeObject): boolean {
  return object.kind === "CustomResourceDefinition" && String(object.apiVersion ?? "").startsWith("apiextensions.k8s.io/");
}

/** The CRDs among texts already read (the inputs). */
export function crdsInTexts(texts: Iterable<{ text: string; file: string }>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const { text, file } of texts) {
    if (!MENTIONS_CRD.test(text)) continue;
    out.push(...parseManifests(text, file).documents.map((d) => d.object).filter(isCrd));
  }
  return out;
}

/** The CRDs under `--crds` paths, with the problems of reading them. */
export function crdsFromPaths(paths: readonly string[]): { crds: KubeObject[]; findings: Finding[] } {
  if (paths.length === 0) return { crds: [], findings: [] };
  const loaded = loadInputs(paths);
  return { crds: loaded.documents.map((d) => d.object).filter(isCrd), findings: loaded.findings };
}
