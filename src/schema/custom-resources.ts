// Custom resource kinds declared by the CustomResourceDefinitions of the
// inputs: what they are called, where they live, and the schema of each
// served version.
import type { KubeObject } from "../types.js";
import { customResourceSchema } from "./crd-schema.js";
import type { SchemaNode } from "./schema-node.js";

export interface CustomResourceVersion {
  /** `<group>/<version>` */
  apiVersion: string;
  kind: string;
  namespaced: boolean;
  /** The CRD's name (`backups.example.com`), for messages. */
  crdName: string;
  served: boolean;
  /** The resource's schema; undefined when the CRD gives none (anything goes). */
  schema?: SchemaNode;
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

/** The versions a CRD declares; malformed parts are skipped (the CRD's own validation reports them). */
export function customResourceVersions(crd: KubeObject): CustomResourceVersion[] {
  const spec = isRecord(crd.spec) ? crd.spec : {};
  const names = isRecord(spec.names) ? spec.names : {};
  const group = text(spec.group);
  const kind = text(names.kind);
  if (!group || !kind) return [];
  const namespaced = spec.scope !== "Cluster";
  const crdName = text(crd.metadata?.name) ?? `${text(names.plural) ?? kind.toLowerCase()}.${group}`;
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isRecord) : [];
  // apiextensions.k8s.io/v1beta1 declared one `version` and one `validation` schema.
  if (versions.length === 0 && text(spec.version)) {
    versions.push({ name: spec.version, served: true, schema: spec.validation });
  }
  return versions.flatMap((version) => {
    const name = text(version.name);
    if (!name) return [];
    const entry: CustomResourceVersion = { apiVersion: `${group}/${name}`, kind, namespaced, crdName, served: version.served !== false };
    const schema = isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined;
    if (isRecord(schema)) entry.schema = customResourceSchema(schema);
    return [entry];
  });
}

/** The custom resource kinds known to one validator. */
export class CustomResourceCatalog {
  private readonly byApiVersionKind = new Map<string, CustomResourceVersion>();
  private readonly byGroupKind = new Map<string, CustomResourceVersion[]>();

  add(crd: KubeObject): void {
    for (const version of customResourceVersions(crd)) {
      this.byApiVersionKind.set(`${version.apiVersion} ${version.kind}`, version);
      const groupKind = `${version.apiVersion.split("/")[0]} ${version.kind}`;
      const list = this.byGroupKind.get(groupKind) ?? [];
      this.byGroupKind.set(groupKind, [...list.filter((v) => v.apiVersion !== version.apiVersion), version]);
    }
  }

  find(apiVersion: string, kind: string): CustomResourceVersion | undefined {
    return this.byApiVersionKind.get(`${apiVersion} ${kind}`);
  }

  /** Versions declared for the same group and kind, whatever the version asked. */
  versionsOf(apiVersion: string, kind: string): CustomResourceVersion[] {
    return this.byGroupKind.get(`${apiVersion.split("/")[0]} ${kind}`) ?? [];
  }
}
