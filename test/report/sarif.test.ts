import { Ajv, type AnySchema } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_RESULTS, renderSarif } from "../../src/report/sarif.js";
import type { Finding, ValidateResult } from "../../src/types.js";
import { runCli } from "../cli/run-cli.js";
import { APP, BROKEN, context, fixtureResult, LIST, MISSING } from "./fixture.js";
import { GITHUB_CODE_SCANNING, SARIF_2_1_0_ERRATA_01 } from "./sarif-schema.js";

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

function compile(schema: AnySchema, draft2020 = false) {
  // Not meta-validated: upload-sarif's copy has an `anyOf` among region's properties, which its validator ignores.
  const options = { allErrors: true, strict: false, validateSchema: false };
  const ajv = draft2020 ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  return ajv.compile(schema);
}

const validateSarif = compile(SARIF_2_1_0_ERRATA_01);

function errorsOf(validate: ReturnType<typeof compile>, log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function schemaErrors(log: unknown): string[] {
  return errorsOf(validateSarif, log);
}

/**
 * A downloaded copy of a published SARIF schema: OASIS's (draft-04, read as
 * draft-07: only its id keyword differs for this schema) or the one GitHub's
 * upload-sarif bundles (2020-12).
 */
function publishedSchema(path: string): ReturnType<typeof compile> {
  const schema = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  if (String(schema.$schema).includes("2020-12")) return compile(schema, true);
  const { id, $schema: _draft, ...rest } = schema;
  return compile({ ...rest, $id: id ?? rest.$id, $schema: "http://json-schema.org/draft-07/schema#" });
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
    invocations?: unknown[];
    columnKind: string;
    results: SarifResult[];
    properties?: Record<string, unknown>;
  }>;
}

function render(result: ValidateResult = fixtureResult()): SarifLog {
  return JSON.parse(renderSarif(result, context)) as SarifLog;
}

describe("renderSarif", () => {
  it("is valid SARIF 2.1.0 as published with errata 01", () => {
    expect(schemaErrors(render())).toEqual([]);
  });

  const published = process.env.SARIF_SCHEMA;
  if (!published) console.log("sarif.test.ts: SARIF_SCHEMA not set: the check against a downloaded copy of the published schema is skipped");
  it.skipIf(!published)("is valid against the published schema file named by SARIF_SCHEMA", () => {
    const validate = publishedSchema(published!);
    expect(errorsOf(validate, render())).toEqual([]);
    const broken = render();
    (broken.runs[0]!.results[1]!.suppressions as Array<Record<string, string>>)[0]!.state = "accepted";
    expect(errorsOf(validate, broken).length).toBeGreaterThan(0);
  });

  it.each([
    ["a level SARIF does not have", (log: SarifLog) => ((log.runs[0]!.results[0] as unknown as { level: string }).level = "info"), "/runs/0/results/0/level must be equal to one of the allowed values"],
    ["no version", (log: SarifLog) => delete (log as Partial<SarifLog>).version, " must have required property 'version'"],
    ["the 2019 drafts' suppression state", (log: SarifLog) => ((log.runs[0]!.results[1]!.suppressions as Array<Record<string, string>>)[0]!.state = "accepted"), "/runs/0/results/1/suppressions/0 must NOT have additional properties"],
    ["a suppression status outside the enum", (log: SarifLog) => ((log.runs[0]!.results[1]!.suppressions as Array<Record<string, string>>)[0]!.status = "approved"), "/runs/0/results/1/suppressions/0/status must be equal to one of the allowed values"],
    ["a region without a start", (log: SarifLog) => delete (log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region as Record<string, number>).startLine, "/runs/0/results/0/locations/0/physicalLocation/region must match a schema in anyOf"],
    ["a fix without changes", (log: SarifLog) => (log.runs[0]!.results[2]!.fixes = [{ description: { text: "x" }, artifactChanges: [] }]), "/runs/0/results/2/fixes/0/artifactChanges must NOT have fewer than 1 items"],
    ["a relative helpUri", (log: SarifLog) => (log.runs[0]!.tool.driver.rules[3]!.helpUri = "README.md#schema-enum"), '/runs/0/tool/driver/rules/3/helpUri must match format "uri"'],
  ])("the schema check itself rejects %s", (_name, damage, error) => {
    const log = render();
    damage(log);
    expect(schemaErrors(log)).toContain(error);
  });

  it("has one run of the kubeplan driver with the catalogue as its rule table", () => {
    const log = render();
    expect(log.$schema).toBe("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
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

  it("describes each rule as GitHub code scanning shows it: descriptions, help in text and Markdown, a link, a level, tags", () => {
    const rules = render().runs[0]!.tool.driver.rules;
    const byId = new Map(rules.map((r) => [r.id, r]));
    const description = "A value outside the closed set Kubernetes accepts, with the nearest accepted value.";
    expect(byId.get("schema/enum")).toEqual({
      id: "schema/enum",
      shortDescription: { text: description },
      fullDescription: { text: description },
      help: {
        text: [
          description,
          "Default severity: error. To silence it for one object, annotate it with kubeplan.io/ignore: schema/enum; for every object, set rules: {schema/enum: off} in .kubeplan.yaml.",
          "Documentation: https://example.com/kubeplan/rules#schema-enum",
        ].join("\n\n"),
        markdown: [
          description,
          "Default severity: **error**. To silence it for one object:",
          "```yaml\nmetadata:\n  annotations:\n    kubeplan.io/ignore: schema/enum\n```",
          "or for every object, in `.kubeplan.yaml`:",
          "```yaml\nrules:\n  schema/enum: off\n```",
          "[Documentation of `schema/enum`](https://example.com/kubeplan/rules#schema-enum)",
        ].join("\n\n"),
      },
      helpUri: "https://example.com/kubeplan/rules#schema-enum",
      defaultConfiguration: { level: "error" },
      properties: { tags: ["kubernetes", "schema"] },
    });
    // A rule without an absolute helpUri links to its anchor on the home page.
    expect(byId.get("workload/no-resources")!.helpUri).toBe("https://example.com/kubeplan#workload-no-resources");
    expect(byId.get("workload/no-resources")!.defaultConfiguration).toEqual({ level: "warning" });
    expect(byId.get("metadata/recommended-labels")!.defaultConfiguration).toEqual({ level: "note" });
    // Not in the catalogue: described by its id, its level from the finding.
    expect(byId.get("service/selector")).toMatchObject({
      id: "service/selector",
      shortDescription: { text: "service/selector" },
      helpUri: "https://example.com/kubeplan#service-selector",
      defaultConfiguration: { level: "error" },
    });
    for (const rule of rules) {
      expect((rule.help as { text: string }).text, rule.id as string).not.toBe((rule.shortDescription as { text: string }).text);
      expect((rule.properties as { tags: string[] }).tags.length).toBeLessThanOrEqual(GITHUB_CODE_SCANNING.maxTagsPerRule);
      expect((rule.fullDescription as { text: string }).text.length).toBeLessThanOrEqual(GITHUB_CODE_SCANNING.maxFullDescription);
    }
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

  it("writes the full result of a finding: message, region, object, fingerprint, fix, path and suggestion", () => {
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
      partialFingerprints: { "kubeplanFinding/v1": expect.stringMatching(/^[0-9a-f]{32}$/) },
      fixes: [expect.objectContaining({ description: { text: 'replace with "Always"' } })],
      properties: { path: "/spec/template/spec/containers/0/imagePullPolicy", suggestion: "Always" },
    });
  });

  it("marks suppressed findings with an accepted in-source suppression (status, as errata 01 names it), and only them", () => {
    const results = render().runs[0]!.results;
    const suppressed = results.filter((r) => r.suppressions !== undefined);
    expect(suppressed.map((r) => r.ruleId)).toEqual(["workload/latest-tag"]);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: "inSource", status: "accepted", justification: "kubeplan.io/ignore annotation or .kubeplan.yaml" }]);
  });

  it("gives every result a fingerprint that stays when lines move and differs between findings", () => {
    const fingerprints = (result: ValidateResult) => render(result).runs[0]!.results.map((r) => r.partialFingerprints!["kubeplanFinding/v1"]!);
    const before = fingerprints(fixtureResult());
    expect(before.every((f) => /^[0-9a-f]{32}$/.test(f))).toBe(true);
    expect(new Set(before).size).toBe(before.length);
    // Three lines added above the Deployment's findings: same fingerprints.
    const moved = fixtureResult();
    for (const finding of moved.findings) if (finding.file === APP && finding.line < 24) finding.line += 3;
    moved.files[0]!.documents[1]!.line += 3;
    expect(fingerprints(moved)).toEqual(before);
    // Another field of the same object: another fingerprint.
    const other = fixtureResult();
    other.findings.find((f) => f.rule === "schema/enum")!.path = "/spec/template/spec/containers/1/imagePullPolicy";
    expect(fingerprints(other)).not.toEqual(before);
  });

  it("tells apart two findings of one rule on one field", () => {
    const result = fixtureResult();
    const twin = { ...result.findings.find((f) => f.rule === "schema/enum")!, message: "another message" };
    result.findings.push(twin);
    const enums = render(result).runs[0]!.results.filter((r) => r.ruleId === "schema/enum");
    expect(enums).toHaveLength(2);
    expect(enums[0]!.partialFingerprints).not.toEqual(enums[1]!.partialFingerprints);
  });

  it("offers the fix of a did-you-mean as a replacement of the written value", () => {
    const results = render().runs[0]!.results;
    expect(results.filter((r) => r.fixes).map((r) => r.ruleId)).toEqual(["schema/enum"]);
    expect(results.find((r) => r.ruleId === "schema/enum")!.fixes).toEqual([
      {
        description: { text: 'replace with "Always"' },
        artifactChanges: [
          {
            artifactLocation: { uri: APP, uriBaseId: "%SRCROOT%" },
            replacements: [{ deletedRegion: { startLine: 14, startColumn: 9, endLine: 14, endColumn: 15 }, insertedContent: { text: "Always" } }],
          },
        ],
      },
    ]);
  });

  it("keeps within GitHub's results per run, the most severe first, and says how many are left out", () => {
    const result = fixtureResult();
    const warning: Finding = { severity: "warning", rule: "workload/no-resources", message: "m", file: APP, line: 12, column: 11, path: "/spec" };
    for (let i = 0; i < MAX_RESULTS; i++) result.findings.push({ ...warning, line: 100 + i });
    const log = render(result);
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(GITHUB_CODE_SCANNING.maxResultsPerRun);
    // Every error is kept; warnings and notes fill what is left.
    expect(run.results.filter((r) => r.level === "error")).toHaveLength(5);
    expect(run.results.some((r) => r.level === "note")).toBe(false);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: "warning", message: { text: "9 less severe findings are left out: GitHub code scanning accepts at most 25000 results per run." } },
        ],
      },
    ]);
    expect(schemaErrors(log)).toEqual([]);
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

describe("kubeplan validate -o sarif", () => {
  it("writes what code scanning accepts for a typo and a suppressed finding: fix, suppression status, fingerprints, help links", () => {
    const manifest = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: web",
      "  annotations:",
      "    kubeplan.io/ignore: apiserver/validation",
      "spec:",
      "  selector: {matchLabels: {app: web}}",
      "  template:",
      "    metadata: {labels: {app: other}}",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: nginx:1.27",
      "          imagePulPolicy: Always",
      "",
    ].join("\n");
    const run = runCli(["validate", "-", "-o", "sarif"], { input: manifest });
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(schemaErrors(log)).toEqual([]);
    const [results] = [log.runs[0]!.results];
    const suppressed = results.find((r) => r.ruleId === "apiserver/validation")!;
    expect(suppressed.suppressions).toEqual([expect.objectContaining({ kind: "inSource", status: "accepted" })]);
    const typo = results.find((r) => r.ruleId === "schema/unknown-field")!;
    expect(typo.fixes).toEqual([
      expect.objectContaining({
        artifactChanges: [expect.objectContaining({ replacements: [{ deletedRegion: { startLine: 15, startColumn: 11, endLine: 15, endColumn: 25 }, insertedContent: { text: "imagePullPolicy" } }] })],
      }),
    ]);
    for (const result of results) expect(Object.keys(result.partialFingerprints ?? {})).toEqual(["kubeplanFinding/v1"]);
    const typoRule = log.runs[0]!.tool.driver.rules.find((r) => r.id === "schema/unknown-field")!;
    expect(typoRule.helpUri).toMatch(/^https:\/\/.+#schema-unknown-field$/);
  });
});
