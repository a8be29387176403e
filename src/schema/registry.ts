// Reads schemas/ lazily: a release's small index first, then only the
// definition packages and precompiled validators of the kinds met.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { SchemaNode } from "./schema-node.js";
import { packageRoot } from "../util/package-root.js";

const SCHEMAS_DIR = join(packageRoot(), "schemas") + "/";
const requireFromHere = createRequire(import.meta.url);

/** Given to the bundle by bin/load-bundle.js: loads a script with the code V8 compiled for it on earlier runs. */
declare const kubeplanLoadScript: ((file: string) => unknown) | undefined;

/** A validators file's export: in the bundle with its code cache, elsewhere as a module. */
function requireValidators(file: string): unknown {
  return typeof kubeplanLoadScript === "function" ? kubeplanLoadScript(file) : requireFromHere(file);
}

export interface KindEntry {
  /** Definition name, e.g. `io.k8s.api.apps.v1.Deployment`. */
  definition: string;
  namespaced: boolean;
  /** Precompiled validators file, relative to schemas/. */
  validators: string;
}

interface ReleaseIndexFile {
  kubernetesVersion: string;
  kinds: Record<string, Record<string, [string, boolean, string]>>;
  packages: Record<string, string>;
}

export interface RemovedApi {
  apiVersion: string;
  kind: string;
  removedIn: string;
  /** The apiVersion that serves the kind instead; null when the API is gone. */
  replacement: string | null;
  /** What to do instead when there is no replacement. */
  note?: string;
  source: string;
}

export interface ApiLifecycle {
  removed: RemovedApi[];
  introduced: Array<{ apiVersion: string; kind: string; servedFrom: string }>;
}

/** Validator functions as ajv standalone code exports them. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> | null;
}

export type FormatChecks = Record<string, { validate: (value: never) => boolean }>;

const jsonCache = new Map<string, unknown>();

function readSchemasJson<T>(file: string): T {
  let value = jsonCache.get(file);
  if (value === undefined) {
    value = JSON.parse(readFileSync(SCHEMAS_DIR + file, "utf8"));
    jsonCache.set(file, value);
  }
  return value as T;
}

export function loadLifecycle(): ApiLifecycle {
  return readSchemasJson<ApiLifecycle>("lifecycle.json");
}

const validatorModules = new Map<string, Record<string, CompiledValidator>>();

/** The validators of a precompiled file, created once per process (files are shared by releases). */
export function loadValidators(file: string, formats: FormatChecks): Record<string, CompiledValidator> {
  let validators = validatorModules.get(file);
  if (!validators) {
    const create = requireValidators(SCHEMAS_DIR + file) as (formats: FormatChecks) => Record<string, CompiledValidator>;
    validators = create(formats);
    validatorModules.set(file, validators);
  }
  return validators;
}

/** One release's view of schemas/. */
export class ReleaseSchemas {
  private readonly index: ReleaseIndexFile;
  private readonly definitions = new Map<string, SchemaNode>();
  private served: Map<string, string[]> | undefined;

  constructor(readonly kubernetesVersion: string) {
    this.index = readSchemasJson<ReleaseIndexFile>(`v${kubernetesVersion}.json`);
  }

  kind(apiVersion: string, kind: string): KindEntry | undefined {
    const byKind = Object.hasOwn(this.index.kinds, apiVersion) ? this.index.kinds[apiVersion] : undefined;
    const entry = byKind && Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
    if (!entry) return undefined;
    return { definition: entry[0], namespaced: entry[1], validators: entry[2] };
  }

  /** apiVersion → kinds served by this release. */
  servedKinds(): ReadonlyMap<string, readonly string[]> {
    if (!this.served) {
      this.served = new Map();
      for (const [apiVersion, kinds] of Object.entries(this.index.kinds)) this.served.set(apiVersion, Object.keys(kinds));
    }
    return this.served;
  }

  /** A definition's schema (its `$ref`s name other definitions); undefined when unknown. */
  definition(name: string): SchemaNode | undefined {
    const cached = this.definitions.get(name);
    if (cached) return cached;
    const pkg = name.slice(0, name.lastIndexOf("."));
    const file = Object.hasOwn(this.index.packages, pkg) ? this.index.packages[pkg] : undefined;
    if (!file) return undefined;
    const definitions = readSchemasJson<Record<string, SchemaNode>>(file);
    const short = name.slice(pkg.length + 1);
    const schema = Object.hasOwn(definitions, short) ? definitions[short] : undefined;
    if (schema) this.definitions.set(name, schema);
    return schema;
  }
}

const releases = new Map<string, ReleaseSchemas>();

export function releaseSchemas(kubernetesVersion: string): ReleaseSchemas {
  let release = releases.get(kubernetesVersion);
  if (!release) {
    release = new ReleaseSchemas(kubernetesVersion);
    releases.set(kubernetesVersion, release);
  }
  return release;
}
