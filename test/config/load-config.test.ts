import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { globToRegExp, matchesAnyGlob } from "../../src/config/glob.js";
import { ConfigError, findConfigFile, parseConfig } from "../../src/config/load-config.js";

const RULES = new Set(["references/missing", "schema/unknown-field", "names/format"]);

describe("parseConfig", () => {
  it("reads every key", () => {
    const config = parseConfig(
      [
        'kubernetesVersion: "1.33"',
        "crds: [crds/]",
        "schemaLocations: ['catalog/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json']",
        "ignoreMissingSchemas: true",
        "skipKinds: [Secret, apps/v1/Deployment]",
        "skipPaths: ['charts/**']",
        "namespace: shop",
        "rules:",
        "  references/missing: off",
        "  names/format: warning",
      ].join("\n"),
      ".kubeplan.yaml",
      RULES,
    );
    expect(config).toEqual({
      file: ".kubeplan.yaml",
      kubernetesVersion: "1.33",
      crds: ["crds"],
      schemaLocations: ["catalog/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"],
      ignoreMissingSchemas: true,
      skipKinds: ["Secret", "apps/v1/Deployment"],
      skipPaths: ["charts/**"],
      namespace: "shop",
      rules: { "references/missing": "off", "names/format": "warning" },
    });
  });

  it.each([
    ["kubernetesVersion: 1.30", 'c.yaml: kubernetesVersion: quote the version ("1.30"): YAML reads 1.30 as the number 1.3'],
    ["kubernetesVersion: 1.33  # the cluster's", 'c.yaml: kubernetesVersion: quote the version ("1.33"): YAML reads it as a number'],
    ["crds: []\nkubernetesVersion:\t1.20", 'c.yaml: kubernetesVersion: quote the version ("1.20"): YAML reads 1.20 as the number 1.2'],
  ])("asks to quote a version YAML reads as a number, as written: %j", (text, message) => {
    expect(() => parseConfig(text, "c.yaml", RULES)).toThrow(message);
  });

  it.each([
    ["kubernetesVerison: '1.33'", 'c.yaml: unknown key "kubernetesVerison" (did you mean "kubernetesVersion"?); known keys are kubernetesVersion, crds, schemaLocations, ignoreMissingSchemas, skipKinds, skipPaths, rules, namespace'],
    ["rules:\n  references/missng: off", 'c.yaml: rules.references/missng: unknown rule (did you mean "references/missing"?); `kubeplan rules` lists them'],
    ["rules:\n  names/format: loud", 'c.yaml: rules.names/format: must be one of off, info, warning, error, got "loud"'],
    ["rules: [a]", "c.yaml: rules: must map rule ids to one of off, info, warning, error"],
    ["skipKinds: 3", "c.yaml: skipKinds: must be a list of strings"],
    ["ignoreMissingSchemas: maybe", "c.yaml: ignoreMissingSchemas: must be true or false"],
    ["kubernetesVersion: [1]", 'c.yaml: kubernetesVersion: must be a version such as "1.33"'],
    ["- a\n- b", "c.yaml: must be a mapping of settings"],
    ["a: [b", "c.yaml: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 6:"],
  ])("rejects %j", (text, message) => {
    expect(() => parseConfig(text, "c.yaml", RULES)).toThrow(new ConfigError(message));
  });
});

describe("findConfigFile", () => {
  it("looks upward from the working directory", () => {
    const root = mkdtempSync(join(tmpdir(), "kubeplan-config-"));
    mkdirSync(join(root, "a", "b"), { recursive: true });
    writeFileSync(join(root, ".kubeplan.yaml"), "{}\n");
    expect(findConfigFile(join(root, "a", "b"))).toBe(join(root, ".kubeplan.yaml"));
  });
});

describe("skipPaths globs", () => {
  it.each([
    ["charts/**", "charts/web/templates/a.yaml", true],
    ["charts/**", "chart/a.yaml", false],
    ["charts/", "charts/web/a.yaml", true],
    ["*.json", "a.json", true],
    ["*.json", "dir/a.json", false],
    ["**/tests/*.yaml", "x/y/tests/a.yaml", true],
    ["**/tests/*.yaml", "tests/a.yaml", true],
    ["a?.yaml", "ab.yaml", true],
    ["a.yaml", "aXyaml", false],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(matchesAnyGlob(path, [globToRegExp(pattern)])).toBe(expected);
  });
});
