// Custom resource kinds declared by the CustomResourceDefinitions of the
// inputs: what they are called, where they live, and the schema of each
// version (read when a custom resource of that version is met).
import type { KubeObject } from "../types.js";
import { CustomResourceSchema } from "./crd/resource-schema.js";

export interface CustomResourceVersion {
  /** `<group>/<version>` */
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  /** The CRD's name (`backups.example.com`), for messages. */
  crdName: string;
  served: boolean;
  /** The resource's schema; undefined when the CRD gives none (anything goes). */
  schema?: CustomResourceSchema;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function isCustomResourceDefinition(object: KubeObject): boolean {
  return object.kind === "CustomResourceDefinition" && typeof object.apiVersion === "string" && object.apiVersion.startsWith("apiextensions.k8s.io/");
}

export const groupOfApiVersion = (apiVersion: string): string => (apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "");

/** The versions a CRD declares; malformed parts are skipped (the CRD's own validation reports them). */
export function customResourceVersions(crd: KubeObject): CustomResourceVersion[] {
  const spec = isRecord(crd.spec) ? crd.spec : {};
  const names = isRecord(spec.names) ? spec.names : {};
  const group = text(spec.group);
  const kind = text(names.kind);
  if (!group || !kind) return [];
  const namespaced = spec.scope !== "Cluster";
  const crdName = text(isRecord(crd.metadata) ? crd.metadata.name : undefined) ?? `${text(names.plural) ?? kind.toLowerCase()}.${group}`;
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isRecord) : [];
  // apiextensions.k8s.io/v1beta1 declared one `version` and one `validation` schema for all versions.
  const sharedSchema = isRecord(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  if (versions.length === 0 && text(spec.version)) versions.push({ name: spec.version, served: true });
  return versions.flatMap((version) => {
    const name = text(version.name);
    if (!name) return [];
    const entry: CustomResourceVersion = { apiVersion: `${group}/${name}`, kind, namespaced, crdName, served: version.served !== false };
    const schema = isRecord(version.schema) ? version.schema.openAPIV3Schema : sharedSchema;
    if (isRecord(schema)) entry.schema = new CustomResourceSchema(schema);
    return [entry];
  });
}

/** The custom resource kinds known to one validator. */
export class CustomResourceCatalog {
  private readonly byApiVersionKind = new Map<string, CustomResourceVersion>();
  private readonly byGroupKind = new Map<string, CustomResourceVersion[]>();
  private readonly byGroup = new Map<string, Set<string>>();

  add(crd: KubeObject): void {
    for (const version of customResourceVersions(crd)) {
      this.byApiVersionKind.set(`${version.apiVersion} ${version.kind}`, version);
      const group = groupOfApiVersion(version.apiVersion);
      const groupKind = `${group} ${version.kind}`;
      const list = this.byGroupKind.get(groupKind) ?? [];
      this.byGroupKind.set(groupKind, [...list.filter((v) => v.apiVersion !== version.apiVersion), version]);
      if (!this.byGroup.has(group)) this.byGroup.set(group, new Set());
      this.byGroup.get(group)!.add(version.kind);
    }
  }

  find(apiVersion: string, kind: string): CustomResourceVersion | undefined {
    return this.byApiVersionKind.get(`${apiVersion} ${kind}`);
  }

  /** Versions declared for the same group and kind, whatever the version asked. */
  versionsOf(apiVersion: string, kind: string): CustomResourceVersion[] {
    return this.byGroupKind.get(`${groupOfApiVersion(apiVersion)} ${kind}`) ?? [];
  }

  /** Whether some CRD declares kinds in this API group. */
  hasGroup(group: string): boolean {
    return this.byGroup.has(group);
  }

  /** Kinds declared in one group, or in all groups. */
  kinds(group?: string): string[] {
    if (group !== undefined) return [...(this.byGroup.get(group) ?? [])];
    return [...new Set([...this.byGroup.values()].flatMap((kinds) => [...kinds]))];
  }

  /** The served versions of a kind in any group, the most stable first. */
  servedVersionsOfKind(kind: string): CustomResourceVersion[] {
    return [...this.byGroupKind.entries()]
      .filter(([key]) => key.endsWith(` ${kind}`))
      .flatMap(([, versions]) => versions.filter((v) => v.served));
  }
}
