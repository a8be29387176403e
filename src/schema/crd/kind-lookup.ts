// What to say about an apiVersion+kind that no built-in API and no CRD
// serves, when the CRDs of the inputs explain it: a version the CRD does not
// declare or serve, a typo of a kind of the CRD's group (`Certifcate` →
// `Certificate`), or a known kind under another group (a typo, or the
// group the project used before).
import type { Report } from "../../types.js";
import { groupOfApiVersion, type CustomResourceCatalog, type CustomResourceVersion } from "../custom-resources.js";
import { nearest } from "../../util/suggest.js";

export interface CustomKindProblem {
  report: Report;
}

const quote = (text: string) => JSON.stringify(text);
const stability = (apiVersion: string) => (/\/v\d+$/.test(apiVersion) ? 2 : apiVersion.includes("beta") ? 1 : 0);

function byStability(versions: CustomResourceVersion[]): CustomResourceVersion[] {
  return [...versions].sort((a, b) => stability(b.apiVersion) - stability(a.apiVersion) || (a.apiVersion < b.apiVersion ? -1 : 1));
}

function problem(pointer: string, message: string, suggestion?: string): CustomKindProblem {
  return { report: suggestion === undefined ? { pointer, message } : { pointer, message, suggestion } };
}

/** The kind is declared, not in this version (or not served in it). */
function undeclaredVersion(apiVersion: string, kind: string, declared: CustomResourceVersion[]): CustomKindProblem {
  const served = byStability(declared.filter((v) => v.served)).map((v) => v.apiVersion);
  const head = `apiVersion: no matches for kind ${quote(kind)} in version ${quote(apiVersion)}`;
  if (served.length === 0) return problem("/apiVersion", `${head} (CustomResourceDefinition ${declared[0]!.crdName} serves no version of it)`);
  return problem("/apiVersion", `${head} (CustomResourceDefinition ${declared[0]!.crdName} serves ${served.map(quote).join(", ")})`, served[0]);
}

/** A kind that is not in a group the CRDs declare: a typo of one of its kinds, or of another group's kind. */
function unknownKindOfGroup(catalog: CustomResourceCatalog, apiVersion: string, kind: string): CustomKindProblem {
  const head = `kind: no matches for kind ${quote(kind)} in version ${quote(apiVersion)}`;
  const here = nearest(kind, catalog.kinds(groupOfApiVersion(apiVersion)));
  if (here !== undefined) return problem("/kind", `${head} (did you mean ${quote(here)}?)`, here);
  const anywhere = nearest(kind, catalog.kinds());
  const servedAs = anywhere !== undefined ? byStability(catalog.servedVersionsOfKind(anywhere))[0] : undefined;
  if (anywhere !== undefined && servedAs) {
    return problem("/kind", `${head} (did you mean ${quote(anywhere)}? it is served as ${quote(servedAs.apiVersion)})`, anywhere);
  }
  return problem("/kind", head);
}

/** The project a group names first, in letters and digits (`cert-manager.io`, `certmanager.k8s.io`: certmanager). */
const project = (apiVersion: string) => (groupOfApiVersion(apiVersion).split(".")[0] ?? "").replace(/[^a-z0-9]/gi, "").toLowerCase();

/**
 * A known kind under another group: one or two edits away from the one
 * serving it (`certmanager.io/v1`), or an old group the project moved from
 * (`certmanager.k8s.io/v1alpha1` → `cert-manager.io/v1`). Another project's
 * kind of the same name (Istio's Gateway for Gateway API's) says nothing.
 */
function servedElsewhere(catalog: CustomResourceCatalog, apiVersion: string, kind: string): CustomKindProblem | undefined {
  const served = byStability(catalog.servedVersionsOfKind(kind)).map((v) => v.apiVersion);
  const closest = nearest(apiVersion, served, { maxDistance: 2, partial: false }) ?? served.find((candidate) => project(candidate) === project(apiVersion));
  if (closest === undefined) return undefined;
  return problem("/apiVersion", `apiVersion: no matches for kind ${quote(kind)} in version ${quote(apiVersion)} (${kind} is served as ${quote(closest)})`, closest);
}

/**
 * The problem of a custom-looking apiVersion+kind that no CRD declares, when
 * the CRDs explain it; undefined when they do not (built-in kinds and
 * schemas missing altogether are the kind catalog's business).
 */
export function customKindProblem(catalog: CustomResourceCatalog, apiVersion: string, kind: string): CustomKindProblem | undefined {
  const declared = catalog.versionsOf(apiVersion, kind);
  if (declared.length > 0) return undeclaredVersion(apiVersion, kind, declared);
  if (catalog.hasGroup(groupOfApiVersion(apiVersion))) return unknownKindOfGroup(catalog, apiVersion, kind);
  return servedElsewhere(catalog, apiVersion, kind);
}
