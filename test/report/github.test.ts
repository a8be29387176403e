import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, renderGithub } from "../../src/report/github.js";
import type { Finding, ValidateResult } from "../../src/types.js";
import { context, fixtureResult } from "./fixture.js";

const EXPECTED = [
  '::warning file=k8s/app.yaml,line=12,col=11,title=workload/no-resources::spec.template.spec.containers[0]: container "web" has no resources.requests: it is BestEffort <QoS> & the first to be evicted',
  '::error file=k8s/app.yaml,line=14,col=9,title=schema/enum::spec.template.spec.containers[0].imagePullPolicy: "always" is not one of Always, IfNotPresent, Never (did you mean "Always"?)',
  '::error file=k8s/app.yaml,line=31,col=5,title=service/selector::spec.selector: app=web, tier=frontend matches no pod template: 0%25 of the pods "would" be selected',
  '::notice file=k8s/broken.yaml,line=3,col=3,title=metadata/recommended-labels::metadata.labels: add "app.kubernetes.io/name" & "app.kubernetes.io/part-of"',
  "::error file=k8s/broken.yaml,line=9,col=14,title=yaml/syntax::YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:%0A%0A  image: nginx: 1.25%0A             ^",
  "::warning file=k8s/list.yaml,line=15,col=13,title=secret/base64::data[password]: 100%25secret is not base64 # decode fails",
  "::error file=k8s/list.yaml,line=20,col=5,title=document/missing-kind::kind not set",
  '::error file=k8s/missing.yaml,line=1,col=1,title=input/unreadable::cannot read "k8s/missing.yaml": ENOENT: no such file or directory',
].join("\n") + "\n";

function resultWith(findings: Finding[]): ValidateResult {
  return { ...fixtureResult(), findings };
}

function finding(overrides: Partial<Finding>): Finding {
  return { severity: "error", rule: "schema/type", message: "m", file: "a.yaml", line: 2, column: 3, path: "/spec", ...overrides };
}

describe("renderGithub", () => {
  it("writes one workflow command per finding, suppressed ones left out, in file and line order", () => {
    expect(renderGithub(fixtureResult(), context)).toBe(EXPECTED);
  });

  it.each([
    { severity: "error" as const, command: "::error " },
    { severity: "warning" as const, command: "::warning " },
    { severity: "info" as const, command: "::notice " },
  ])("uses $command for $severity", ({ severity, command }) => {
    expect(renderGithub(resultWith([finding({ severity })]), context)).toBe(`${command}file=a.yaml,line=2,col=3,title=schema/type::m\n`);
  });

  it.each([
    { value: "plain", data: "plain", property: "plain" },
    { value: "100%", data: "100%25", property: "100%25" },
    { value: "%0A is literal", data: "%250A is literal", property: "%250A is literal" },
    { value: "a\nb", data: "a%0Ab", property: "a%0Ab" },
    { value: "a\r\nb", data: "a%0D%0Ab", property: "a%0D%0Ab" },
    { value: "k: v, w", data: "k: v, w", property: "k%3A v%2C w" },
    { value: "::error::", data: "::error::", property: "%3A%3Aerror%3A%3A" },
  ])("escapes $value as the runner reads it back", ({ value, data, property }) => {
    expect(escapeData(value)).toBe(data);
    expect(escapeProperty(value)).toBe(property);
  });

  it("escapes the file name and the title as properties, the message as data", () => {
    const odd = finding({ file: ".\\dir, with: commas\\x%.yaml", rule: "x:y,z", message: "a: b,\nc%" });
    expect(renderGithub(resultWith([odd]), context)).toBe(
      "::error file=dir%2C with%3A commas/x%25.yaml,line=2,col=3,title=x%3Ay%2Cz::a: b,%0Ac%25\n",
    );
  });

  it("writes nothing when there is nothing to annotate", () => {
    expect(renderGithub(resultWith([finding({ suppressed: true })]), context)).toBe("");
  });

  it("is deterministic: same bytes whatever the order of the findings", () => {
    const shuffled = fixtureResult();
    shuffled.findings.reverse();
    expect(renderGithub(shuffled, context)).toBe(EXPECTED);
  });

  it("never throws on a damaged result", () => {
    const damaged = { findings: [undefined, { severity: "bad", line: 0, message: ["x"] }] } as unknown as ValidateResult;
    expect(renderGithub(damaged, context)).toBe(
      '::error file=<unknown>,line=1,col=1,title=unknown::\n::error file=<unknown>,line=1,col=1,title=unknown::["x"]\n',
    );
  });
});
