// Custom resources validated with JSON schemas from a catalog on disk, found by
// kubeconform's path templates (--schema-location).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crdFromSchemaLocations, schemaLocationProblem, schemaPath } from "../../src/schema/schema-locations.js";
import { validate } from "../../src/index.js";

/** A JSON schema as openapi2jsonschema writes a CRD's: strict, nullable types as type lists. */
const backupSchema = {
  $schema: "http://json-schema.org/schema#",
  type: "object",
  additionalProperties: false,
  properties: {
    apiVersion: { type: "string" },
    kind: { type: "string" },
    metadata: { type: "object" },
    spec: {
      type: "object",
      additionalProperties: false,
      required: ["schedule"],
      properties: {
        schedule: { type: "string" },
        retentionDays: { type: "integer", minimum: 1 },
        note: { type: ["string", "null"] },
      },
    },
  },
};

function catalog(): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeplan-catalog-"));
  mkdirSync(join(dir, "backup.example.com"));
  writeFileSync(join(dir, "backup.example.com", "backupplan_v1.json"), JSON.stringify(backupSchema));
  return dir;
}

const plan = (spec: string, apiVersion = "backup.example.com/v1", kind = "BackupPlan") => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: nightly, namespace: ops}\nspec: ${spec}\n`;

describe("schema location templates", () => {
  it.each([
    ["the datreeio CRDs-catalog layout", "catalog/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json", "catalog/backup.example.com/backupplan_v1.json"],
    ["kubeconform's own layout under a directory", "schemas", "schemas/v1.36-standalone-strict/backupplan-backup-v1.json"],
    ["a template without spaces", "s/{{.ResourceKind}}{{.KindSuffix}}.json", "s/backupplan-backup-v1.json"],
  ])("%s", (_name, template, expected) => {
    expect(schemaPath(template, "backup.example.com/v1", "BackupPlan", "1.36")).toBe(expected);
  });

  it.each([
    ["a URL", "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json", "kubeplan reads schemas from disk only"],
    ["kubeconform's default", "default", "kubeplan reads schemas from disk only"],
    ["an unknown field", "c/{{ .Kind }}.json", "unknown field .Kind"],
  ])("refuses %s", (_name, location, words) => {
    expect(schemaLocationProblem(location)).toContain(words);
  });

  it("accepts a directory or a template of known fields", () => {
    expect(schemaLocationProblem("catalog/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json")).toBeUndefined();
  });

  it.each([
    ["a kind with a path in it", "backup.example.com/v1", "../../etc/passwd"],
    ["a group with ..", "..example.com/v1", "BackupPlan"],
    ["a core-group apiVersion", "v1", "BackupPlan"],
  ])("reads nothing for %s", (_name, apiVersion, kind) => {
    expect(crdFromSchemaLocations([`${catalog()}/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`], apiVersion, kind, "1.36")).toBeUndefined();
  });
});

describe("validate --schema-location", () => {
  const location = () => `${catalog()}/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`;

  it("accepts a resource valid against its catalog schema", async () => {
    const result = await validate({ text: plan("{schedule: '0 2 * * *', retentionDays: 7, note: null}") }, { schemaLocations: [location()] });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it.each([
    ["a wrong type", "{schedule: '0 2 * * *', retentionDays: seven}", "spec.retentionDays"],
    ["an unknown field", "{schedule: '0 2 * * *', retention: 7}", "spec.retention"],
    ["a missing required field", "{retentionDays: 7}", "spec.schedule"],
    ["a value below its minimum", "{schedule: '0 2 * * *', retentionDays: 0}", "spec.retentionDays"],
  ])("reports %s", async (_name, spec, path) => {
    const result = await validate({ text: plan(spec) }, { schemaLocations: [location()] });
    const errors = result.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(path);
  });

  it("a kind the catalog lacks is a missing schema, as without it", async () => {
    const result = await validate({ text: plan("{}", "backup.example.com/v1", "RestorePlan") }, { schemaLocations: [location()] });
    expect(result.findings.map((f) => f.rule)).toEqual(["schema/missing-schema"]);
  });
});
