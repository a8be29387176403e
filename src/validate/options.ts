// What `validate` can be told, from the command line, the config file or the library API.
import type { ReadOptions } from "../load/read-inputs.js";
import type { KubeObject, Severity } from "../types.js";

export type RuleSetting = Severity | "off";

export interface ValidateOptions extends ReadOptions {
  /** Target Kubernetes release ("1.30" .. "1.36"); the newest when absent. */
  kubernetesVersion?: string;
  /** Custom resources whose CRD is nowhere are not errors. */
  ignoreMissingSchemas?: boolean;
  /** Kinds to skip entirely: `Secret`, or with their apiVersion, `apps/v1/Deployment`. */
  skipKinds?: readonly string[];
  /** Files to leave out, as glob patterns relative to the working directory (`charts/**`). */
  skipPaths?: readonly string[];
  /** Files to leave out, as regular expressions matched against their path (kubeconform's -ignore-filename-pattern). */
  ignoreFilenamePatterns?: readonly string[];
  /** Kinds that are an error wherever they appear: `Secret`, or `v1/Secret` (kubeconform's -reject). */
  rejectKinds?: readonly string[];
  /** CustomResourceDefinition files or directories (`--crds`), besides the CRDs among the inputs. */
  crdPaths?: readonly string[];
  /** JSON-schema catalogs of custom resources on disk, as kubeconform's -schema-location templates. */
  schemaLocations?: readonly string[];
  /** Namespace of namespaced objects that don't name one. */
  namespace?: string;
  /** Per-rule severity overrides (`off` drops the rule's findings). */
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Threads that validate: 1 disables workers, 2 runs the create path on a second, more share the files. Defaults to defaultThreads(). */
  threads?: number;
}

/** What every thread needs to check files: the options and the CRDs found before checking. */
export interface CheckOptions extends ValidateOptions {
  crds: readonly KubeObject[];
}

export function shouldSkip(skipKinds: readonly string[] | undefined, apiVersion: string, kind: string): boolean {
  if (!skipKinds || skipKinds.length === 0) return false;
  return skipKinds.includes(kind) || skipKinds.includes(`${apiVersion}/${kind}`);
}
