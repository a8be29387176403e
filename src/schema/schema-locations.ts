// JSON schemas of custom resources from a catalog on disk (`--schema-location`),
// as kubeconform finds them: a path template in kubeconform's syntax
// (`{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`, the layout
// of the datreeio CRDs-catalog), filled in for the resource's kind. The schema
// found is the openAPIV3Schema of a CRD converted to JSON Schema; it is read
// back into an openAPIV3Schema and validated as a CRD's would be. Nothing is
// fetched: a URL is refused when the option is read.
import { readFileSync, statSync } from "node:fs";
import type { KubeObject } from "../types.js";
import { isRecord, type JsonRecord } from "../util/object-access.js";

/** The template kubeconform appends to a location that does not name a .json file. */
const DEFAULT_LAYOUT = "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

const FIELDS = ["NormalizedKubernetesVersion", "StrictSuffix", "ResourceKind", "ResourceAPIVersion", "Group", "KindSuffix"] as const;
type Field = (typeof FIELDS)[number];

const PLACEHOLDER = /\{\{\s*\.(\w+)\s*\}\}/g;

/** A schema file larger than this is not a CRD's schema. */
const MAX_SCHEMA_BYTES = 16 * 1024 * 1024;

/** Nesting deeper than this is not followed when converting a schema. */
const MAX_DEPTH = 64;

/** What a manifest's kind, group and version may be to become part of a path: no separators, no `..`. */
const PATH_SAFE = /^[A-Za-z0-9]([A-Za-z0-9-]|\.(?!\.))*$/;

/** Why a location cannot be used, in words for a usage error; undefined when it can. */
export function schemaLocationProblem(location: string): string | undefined {
  if (location === "default" || /^https?:\/\//i.test(location)) {
    return `--schema-location ${JSON.stringify(location)}: kubeplan reads schemas from disk only; download the catalog and give its directory or path template`;
  }
  for (const match of location.matchAll(PLACEHOLDER)) {
    if (!FIELDS.includes(match[1] as Field)) return `--schema-location ${JSON.stringify(location)}: unknown field .${match[1]}; the template knows ${FIELDS.map((f) => "." + f).join(", ")}`;
  }
  return undefined;
}

/** kubeconform's schemaPath: the template filled in for one kind. */
export function schemaPath(location: string, apiVersion: string, kind: string, kubernetesVersion: string): string {
  const template = location.endsWith("json") ? location : location.replace(/\/+$/, "") + DEFAULT_LAYOUT;
  const [group = "", version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : [apiVersion, undefined];
  const groupHead = (group.split(".")[0] ?? "").toLowerCase();
  const values: Record<Field, string> = {
    NormalizedKubernetesVersion: `v${kubernetesVersion}`,
    StrictSuffix: "-strict",
    ResourceKind: kind.toLowerCase(),
    ResourceAPIVersion: version ?? group,
    Group: group,
    KindSuffix: "-" + groupHead + (version !== undefined ? "-" + version.toLowerCase() : ""),
  };
  return template.replace(PLACEHOLDER, (_all, field: string) => values[field as Field] ?? "");
}

/** A JSON Schema node (as openapi2jsonschema writes them) back as a structural openAPIV3Schema node. */
function toOpenAPI(node: unknown, depth: number): unknown {
  if (!isRecord(node) || depth > MAX_DEPTH) return node;
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema" || key === "$id" || key === "id") continue;
    if (key === "type" && Array.isArray(value)) {
      const types = value.filter((t) => t !== "null");
      if (types.length === 1) out.type = types[0];
      if (value.includes("null")) out.nullable = true;
      continue;
    }
    // Strictness is kubeplan's own (unknown fields are always reported); false is not a structural schema.
    if (key === "additionalProperties" && value === false) continue;
    if (key === "properties" && isRecord(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, toOpenAPI(child, depth + 1)]));
    } else if (["items", "additionalProperties", "not"].includes(key)) out[key] = toOpenAPI(value, depth + 1);
    else if (["allOf", "anyOf", "oneOf"].includes(key) && Array.isArray(value)) out[key] = value.map((child) => toOpenAPI(child, depth + 1));
    else out[key] = value;
  }
  return out;
}

/** A CRD that serves this kind with the catalog's schema (scope unknown: namespaced, as kubeconform assumes nothing either). */
function syntheticCrd(apiVersion: string, kind: string, schema: unknown, source: string): KubeObject {
  const [group = "", version = ""] = apiVersion.split("/", 2);
  const plural = kind.toLowerCase() + "s";
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.${group}`, annotations: { "kubeplan.io/schema-location": source } },
    spec: {
      group,
      scope: "Namespaced",
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      versions: [{ name: version, served: true, storage: true, schema: { openAPIV3Schema: toOpenAPI(schema, 0) } }],
    },
  };
}

function readSchema(path: string): unknown {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_SCHEMA_BYTES) return undefined;
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The first catalog schema found for a custom resource's kind, as a CRD to
 * validate it with; undefined when no location has one (or the kind is not in a group).
 */
export function crdFromSchemaLocations(locations: readonly string[], apiVersion: string, kind: string, kubernetesVersion: string): KubeObject | undefined {
  const parts = apiVersion.split("/");
  // Manifests are untrusted: only plain names are put into a path.
  if (parts.length !== 2 || ![...parts, kind].every((part) => PATH_SAFE.test(part))) return undefined;
  for (const location of locations) {
    const path = schemaPath(location, apiVersion, kind, kubernetesVersion);
    const schema = readSchema(path);
    if (isRecord(schema)) return syntheticCrd(apiVersion, kind, schema, path);
  }
  return undefined;
}
