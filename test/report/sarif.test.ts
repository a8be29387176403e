import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSarif } from "../../src/report/sarif.js";
import type { ValidateResult } from "../../src/types.js";
import { APP, BROKEN, context, fixtureResult, LIST, MISSING } from "./fixture.js";

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

const schema = JSON.parse(readFileSync(new URL("./fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8")) as object;
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function schemaErrors(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> };
    logicalLocations?: Array<Record<string, string>>;
  }>;
  suppressions?: unknown[];
  properties?: Record<string, string>;
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version?: string; informationUri?: string; rules: Array<Record<string, unknown>> } };
    columnKind: string;
    results: SarifResult[];
    properties?: Record<string, unknown>;
  }>;
}

function render(result: ValidateResult = fixtureResult()): SarifLog {
  return JSON.parse(renderSarif(result, context)) as SarifLog;
}

describe("renderSarif", () => {
  it("is valid against the official SARIF 2.1.0 schema", () => {
    expect(schemaErrors(render())).toEqual([]);
  });

  it("the schema check itself rejects what SARIF forbids", () => {
    const log = render();
    (log.runs[0]!.results[0] as unknown as { level: string }).level = "info";
    delete (log as Partial<SarifLog>).version;
    expect(schemaErrors(log)).toEqual(
      expect.arrayContaining([" must have required property 'version'", "/runs/0/results/0/level must be equal to one of the allowed values"]),
    );
  });

  it("has one run of the kubeplan driver with the catalogue as its rule table", () => {
    const log = render();
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.properties).toEqual({ kubernetesVersion: "1.36" });
    const { driver } = run.tool;
    expect([driver.name, driver.version, driver.informationUri]).toEqual(["kubeplan", "0.1.0", "https://example.com/kubeplan"]);
    // The catalogue in its order, then the rule only a finding names.
    expect(driver.rules.map((r) => r.id)).toEqual([
      "input/unreadable",
      "yaml/syntax",
      "document/missing-kind",
      "schema/enum",
      "workload/no-resources",
      "workload/latest-tag",
      "secret/base64",
      "metadata/recommended-labels",
      "service/selector",
    ]);
  });

  it("describes each rule as GitHub code scanning requires", () => {
    const rules = render().runs[0]!.tool.driver.rules;
    const byId = new Map(rules.map((r) => [r.id, r]));
    expect(byId.get("schema/enum")).toEqual({
      id: "schema/enum",
      shortDescription: { text: "A value outside the closed set Kubernetes accepts, with the nearest accepted value." },
      fullDescription: { text: "A value outside the closed set Kubernetes accepts, with the nearest accepted value." },
      help: {
        text: "A value outside the closed set Kubernetes accepts, with the nearest accepted value.\n\nDocumentation: https://example.com/kubeplan/rules#schema-enum",
      },
      helpUri: "https://example.com/kubeplan/rules#schema-enum",
      defaultConfiguration: { level: "error" },
    });
    // A relative helpUri is not a URI SARIF accepts: left out.
    expect(byId.get("workload/no-resources")).not.toHaveProperty("helpUri");
    expect(byId.get("workload/no-resources")!.defaultConfiguration).toEqual({ level: "warning" });
    expect(byId.get("metadata/recommended-labels")!.defaultConfiguration).toEqual({ level: "note" });
    // Not in the catalogue: described by its id, its level from the finding.
    expect(byId.get("service/selector")).toEqual({
      id: "service/selector",
      shortDescription: { text: "service/selector" },
      fullDescription: { text: "service/selector" },
      help: { text: "service/selector" },
      defaultConfiguration: { level: "error" },
    });
  });

  it("has one result per finding, suppressed ones included, sorted by file, line and column", () => {
    const results = render().runs[0]!.results;
    const rows = results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return [r.ruleId, r.level, artifactLocation.uri, region.startLine, region.startColumn];
    });
    expect(rows).toEqual([
      ["workload/no-resources", "warning", APP, 12, 11],
      ["workload/latest-tag", "warning", APP, 13, 18],
      ["schema/enum", "error", APP, 14, 9],
      ["service/selector", "error", APP, 31, 5],
      ["metadata/recommended-labels", "note", BROKEN, 3, 3],
      ["yaml/syntax", "error", BROKEN, 9, 14],
      ["secret/base64", "warning", LIST, 15, 13],
      ["document/missing-kind", "error", LIST, 20, 5],
      ["input/unreadable", "error", MISSING, 1, 1],
    ]);
  });

  it("points every result at its rule by index and at its file relative to %SRCROOT%", () => {
    const run = render().runs[0]!;
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.locations).toHaveLength(1);
      expect(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe("%SRCROOT%");
    }
  });

  it("writes the full result of a finding: message, region, object, path and suggestion", () => {
    const result = render().runs[0]!.results.find((r) => r.ruleId === "schema/enum");
    expect(result).toEqual({
      ruleId: "schema/enum",
      ruleIndex: 3,
      level: "error",
      message: {
        text: 'spec.template.spec.containers[0].imagePullPolicy: "always" is not one of Always, IfNotPresent, Never (did you mean "Always"?)',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "k8s/app.yaml", uriBaseId: "%SRCROOT%" },
            region: { startLine: 14, startColumn: 9, endLine: 14 },
          },
          logicalLocations: [{ fullyQualifiedName: "apps/v1/Deployment/team-a/web", kind: "resource", name: "web" }],
        },
      ],
      properties: { path: "/spec/template/spec/containers/0/imagePullPolicy", suggestion: "Always" },
    });
  });

  it("marks suppressed findings with an accepted in-source suppression, and only them", () => {
    const results = render().runs[0]!.results;
    const suppressed = results.filter((r) => r.suppressions !== undefined);
    expect(suppressed.map((r) => r.ruleId)).toEqual(["workload/latest-tag"]);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: "inSource", state: "accepted" }]);
  });

  it("names the object of a finding, and none for findings about no object", () => {
    const results = render().runs[0]!.results;
    const objects = results.map((r) => [r.ruleId, r.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName ?? null]);
    expect(objects).toEqual([
      ["workload/no-resources", "apps/v1/Deployment/team-a/web"],
      ["workload/latest-tag", "apps/v1/Deployment/team-a/web"],
      ["schema/enum", "apps/v1/Deployment/team-a/web"],
      ["service/selector", "v1/Service/team-a/web"],
      ["metadata/recommended-labels", "v1/Namespace//team-a"],
      ["yaml/syntax", null],
      ["secret/base64", "v1/Secret/team-a/b"],
      ["document/missing-kind", null],
      ["input/unreadable", null],
    ]);
  });

  it("keeps messages as they are: JSON escapes quotes and line breaks", () => {
    const text = renderSarif(fixtureResult(), context);
    const syntax = render().runs[0]!.results.find((r) => r.ruleId === "yaml/syntax")!;
    expect(syntax.message.text).toBe(
      "YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:\n\n  image: nginx: 1.25\n             ^",
    );
    expect(text).toContain('"text": "YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:\\n\\n  image');
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("is deterministic: same bytes for the same result, whatever the order of its findings", () => {
    const shuffled = fixtureResult();
    shuffled.findings.reverse();
    expect(renderSarif(shuffled, context)).toBe(renderSarif(fixtureResult(), context));
    expect(renderSarif(fixtureResult(), context)).toBe(renderSarif(fixtureResult(), context));
  });

  it("leaves out what it does not know instead of writing invalid SARIF", () => {
    const log = JSON.parse(renderSarif(fixtureResult(), { rules: [], toolVersion: "", informationUri: "not a uri" })) as SarifLog;
    expect(log.runs[0]!.tool.driver).not.toHaveProperty("version");
    expect(log.runs[0]!.tool.driver).not.toHaveProperty("informationUri");
    expect(schemaErrors(log)).toEqual([]);
  });

  it("never throws on a damaged result, and still writes valid SARIF", () => {
    const damaged = {
      kubernetesVersion: 1.36,
      findings: [
        null,
        { severity: "fatal", rule: 7, message: { text: "x" }, file: "a b/c%d.yaml", line: -3, column: "9", path: null },
        { severity: "warning", rule: "x/y", message: "m", file: "/abs/dir/x.yaml", line: 2.5, column: 0, path: "/a" },
      ],
      files: "nope",
    } as unknown as ValidateResult;
    const log = JSON.parse(renderSarif(damaged, context)) as SarifLog;
    expect(schemaErrors(log)).toEqual([]);
    const rows = log.runs[0]!.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return [r.ruleId, r.level, r.message.text, artifactLocation, region.startLine, region.startColumn];
    });
    expect(rows).toEqual([
      // Sorted by file name: "/" < "<" < "a".
      ["x/y", "warning", "m", { uri: "file:///abs/dir/x.yaml" }, 1, 1],
      ["unknown", "error", "unknown", { uri: "%3Cunknown%3E", uriBaseId: "%SRCROOT%" }, 1, 1],
      ["7", "error", '{"text":"x"}', { uri: "a%20b/c%25d.yaml", uriBaseId: "%SRCROOT%" }, 1, 1],
    ]);
    expect(() => renderSarif(undefined as unknown as ValidateResult, undefined as unknown as typeof context)).not.toThrow();
  });
});
