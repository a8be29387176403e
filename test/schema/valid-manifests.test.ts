// Realistic manifests that the API server accepts must give no schema finding,
// in every supported release: a false positive costs users more than a miss.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SUPPORTED_VERSIONS } from "../../src/schema/index.js";
import { findingsOf } from "./helpers.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "valid");
const files = readdirSync(FIXTURES).filter((file) => file.endsWith(".yaml")).sort();

describe("valid manifests", () => {
  test("there are fixtures", () => {
    expect(files).toEqual(["extensions.yaml", "platform.yaml", "web-app.yaml"]);
  });

  const cases = SUPPORTED_VERSIONS.flatMap((version) => files.map((file) => ({ version, file })));
  test.each(cases)("$file against Kubernetes $version", ({ version, file }) => {
    const findings = findingsOf(readFileSync(join(FIXTURES, file), "utf8"), { version });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([]);
  });
});
