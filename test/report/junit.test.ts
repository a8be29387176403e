import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../src/report/junit.js";
import type { Finding, ValidateResult } from "../../src/types.js";
import { APP, context, fixtureResult } from "./fixture.js";

interface Problem {
  "@_message": string;
  "@_type": string;
  "#text": string;
}
interface TestCase {
  "@_name": string;
  "@_classname": string;
  "@_file": string;
  failure?: Problem[];
  error?: Problem[];
  "system-out"?: string[];
}
interface TestSuite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_errors": string;
  "@_skipped": string;
  testcase?: TestCase[];
}
interface Report {
  testsuites: { "@_name": string; "@_tests": string; "@_failures": string; "@_errors": string; testsuite: TestSuite[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  // Numeric character references (&#10; in attributes) are standard XML; this parser decodes them only with this option.
  htmlEntities: true,
  alwaysCreateTextNode: true,
  isArray: (name) => ["testsuite", "testcase", "failure", "error", "system-out"].includes(name),
});

function parse(xml: string): Report {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Report;
}

const EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="kubeplan" tests="9" failures="2" errors="3">
  <testsuite name="k8s/app.yaml" tests="3" failures="2" errors="0" skipped="0">
    <testcase name="Deployment/team-a/web" classname="k8s/app.yaml" file="k8s/app.yaml">
      <failure message="spec.template.spec.containers[0].imagePullPolicy: &quot;always&quot; is not one of Always, IfNotPresent, Never (did you mean &quot;Always&quot;?) [schema/enum]" type="schema/enum">k8s/app.yaml:14:9 spec.template.spec.containers[0].imagePullPolicy: "always" is not one of Always, IfNotPresent, Never (did you mean "Always"?) [schema/enum]</failure>
      <system-out>k8s/app.yaml:12:11 warning spec.template.spec.containers[0]: container "web" has no resources.requests: it is BestEffort &lt;QoS&gt; &amp; the first to be evicted [workload/no-resources]</system-out>
    </testcase>
    <testcase name="Service/team-a/web" classname="k8s/app.yaml" file="k8s/app.yaml">
      <failure message="spec.selector: app=web, tier=frontend matches no pod template: 0% of the pods &quot;would&quot; be selected [service/selector]" type="service/selector">k8s/app.yaml:31:5 spec.selector: app=web, tier=frontend matches no pod template: 0% of the pods "would" be selected [service/selector]</failure>
    </testcase>
    <testcase name="ConfigMap/team-a/settings" classname="k8s/app.yaml" file="k8s/app.yaml"/>
  </testsuite>
  <testsuite name="k8s/broken.yaml" tests="2" failures="0" errors="1" skipped="0">
    <testcase name="Namespace/team-a" classname="k8s/broken.yaml" file="k8s/broken.yaml">
      <system-out>k8s/broken.yaml:3:3 info metadata.labels: add "app.kubernetes.io/name" &amp; "app.kubernetes.io/part-of" [metadata/recommended-labels]</system-out>
    </testcase>
    <testcase name="yaml/syntax at 9:14" classname="k8s/broken.yaml" file="k8s/broken.yaml">
      <error message="YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:&#10;&#10;  image: nginx: 1.25&#10;             ^ [yaml/syntax]" type="yaml/syntax">k8s/broken.yaml:9:14 YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:

  image: nginx: 1.25
             ^ [yaml/syntax]</error>
    </testcase>
  </testsuite>
  <testsuite name="k8s/list.yaml" tests="3" failures="0" errors="1" skipped="0">
    <testcase name="ConfigMap/team-a/a" classname="k8s/list.yaml" file="k8s/list.yaml"/>
    <testcase name="Secret/team-a/b" classname="k8s/list.yaml" file="k8s/list.yaml">
      <system-out>k8s/list.yaml:15:13 warning data[password]: 100%secret is not base64 # decode fails [secret/base64]</system-out>
    </testcase>
    <testcase name="document/missing-kind at 20:5" classname="k8s/list.yaml" file="k8s/list.yaml">
      <error message="kind not set [document/missing-kind]" type="document/missing-kind">k8s/list.yaml:20:5 kind not set [document/missing-kind]</error>
    </testcase>
  </testsuite>
  <testsuite name="k8s/empty.yaml" tests="0" failures="0" errors="0" skipped="0"/>
  <testsuite name="k8s/missing.yaml" tests="1" failures="0" errors="1" skipped="0">
    <testcase name="input/unreadable at 1:1" classname="k8s/missing.yaml" file="k8s/missing.yaml">
      <error message="cannot read &quot;k8s/missing.yaml&quot;: ENOENT: no such file or directory [input/unreadable]" type="input/unreadable">k8s/missing.yaml:1:1 cannot read "k8s/missing.yaml": ENOENT: no such file or directory [input/unreadable]</error>
    </testcase>
  </testsuite>
</testsuites>
`;

function finding(overrides: Partial<Finding>): Finding {
  return { severity: "error", rule: "schema/type", message: "m", file: APP, line: 5, column: 3, path: "/spec", ...overrides };
}

function oneDeployment(findings: Finding[]): ValidateResult {
  const result = fixtureResult();
  result.files = [result.files[0]!];
  result.findings = findings;
  return result;
}

describe("renderJunit", () => {
  it("renders the fixture exactly", () => {
    expect(renderJunit(fixtureResult(), context)).toBe(EXPECTED);
  });

  it("parses back with totals that add up", () => {
    const { testsuites } = parse(renderJunit(fixtureResult(), context));
    expect([testsuites["@_name"], testsuites["@_tests"], testsuites["@_failures"], testsuites["@_errors"]]).toEqual(["kubeplan", "9", "2", "3"]);
    const suites = testsuites.testsuite.map((s) => [s["@_name"], s["@_tests"], s["@_failures"], s["@_errors"], s["@_skipped"]]);
    expect(suites).toEqual([
      ["k8s/app.yaml", "3", "2", "0", "0"],
      ["k8s/broken.yaml", "2", "0", "1", "0"],
      ["k8s/list.yaml", "3", "0", "1", "0"],
      ["k8s/empty.yaml", "0", "0", "0", "0"],
      ["k8s/missing.yaml", "1", "0", "1", "0"],
    ]);
    for (const suite of testsuites.testsuite) {
      const cases = suite.testcase ?? [];
      expect(cases).toHaveLength(Number(suite["@_tests"]));
      expect(cases.filter((c) => c.failure)).toHaveLength(Number(suite["@_failures"]));
      expect(cases.filter((c) => c.error)).toHaveLength(Number(suite["@_errors"]));
      for (const c of cases) expect([c["@_classname"], c["@_file"]]).toEqual([suite["@_name"], suite["@_name"]]);
    }
  });

  it("names a test case after its object, or after the problem for a finding about no object", () => {
    const { testsuites } = parse(renderJunit(fixtureResult(), context));
    const names = testsuites.testsuite.map((s) => (s.testcase ?? []).map((c) => c["@_name"]));
    expect(names).toEqual([
      ["Deployment/team-a/web", "Service/team-a/web", "ConfigMap/team-a/settings"],
      ["Namespace/team-a", "yaml/syntax at 9:14"],
      ["ConfigMap/team-a/a", "Secret/team-a/b", "document/missing-kind at 20:5"],
      [],
      ["input/unreadable at 1:1"],
    ]);
  });

  it("gives back the messages with their quotes, <, &, % and line breaks", () => {
    const { testsuites } = parse(renderJunit(fixtureResult(), context));
    const [deployment] = testsuites.testsuite[0]!.testcase!;
    expect(deployment!["system-out"]).toEqual([
      { "#text": 'k8s/app.yaml:12:11 warning spec.template.spec.containers[0]: container "web" has no resources.requests: it is BestEffort <QoS> & the first to be evicted [workload/no-resources]' },
    ]);
    const syntax = testsuites.testsuite[1]!.testcase![1]!;
    expect(syntax.error![0]!["@_message"]).toBe(
      "YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:\n\n  image: nginx: 1.25\n             ^ [yaml/syntax]",
    );
    expect(syntax.error![0]!["#text"]).toBe(
      "k8s/broken.yaml:9:14 YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:\n\n  image: nginx: 1.25\n             ^ [yaml/syntax]",
    );
  });

  it("leaves suppressed findings out", () => {
    expect(renderJunit(fixtureResult(), context)).not.toContain("workload/latest-tag");
    const onlySuppressed = oneDeployment([finding({ suppressed: true })]);
    const { testsuites } = parse(renderJunit(onlySuppressed, context));
    expect(testsuites["@_failures"]).toBe("0");
  });

  it.each([
    {
      name: "several errors: one failure listing them all, the first in its message",
      findings: [finding({ line: 9, message: "b", rule: "r/2" }), finding({ line: 5, message: "a", rule: "r/1" }), finding({ line: 7, severity: "warning", message: "w", rule: "r/3" })],
      failure: { "@_message": "a [r/1] (and 1 more)", "@_type": "r/1", "#text": "k8s/app.yaml:5:3 a [r/1]\nk8s/app.yaml:9:3 b [r/2]" },
      out: "k8s/app.yaml:7:3 warning w [r/3]",
    },
    {
      name: "only warnings and infos: passes, with them in system-out",
      findings: [finding({ severity: "info", message: "i", rule: "r/i" }), finding({ line: 6, severity: "warning", message: "w", rule: "r/w" })],
      failure: undefined,
      out: "k8s/app.yaml:5:3 info i [r/i]\nk8s/app.yaml:6:3 warning w [r/w]",
    },
  ])("$name", ({ findings, failure, out }) => {
    const { testsuites } = parse(renderJunit(oneDeployment(findings), context));
    const deployment = testsuites.testsuite[0]!.testcase![0]!;
    expect(deployment.failure?.[0]).toEqual(failure);
    expect(deployment["system-out"]).toEqual([{ "#text": out }]);
  });

  it("writes no character XML forbids: control characters and lone surrogates become U+FFFD", () => {
    const xml = renderJunit(oneDeployment([finding({ message: "bell\u0007 nul\u0000 esc\u001b[31m lone\uD800 pair\uD83D\uDE00 cr\r\nok" })]), context);
    const { testsuites } = parse(xml);
    expect(testsuites.testsuite[0]!.testcase![0]!.failure![0]!["#text"]).toBe(
      "k8s/app.yaml:5:3 bell\uFFFD nul\uFFFD esc\uFFFD[31m lone\uFFFD pair\uD83D\uDE00 cr\r\nok [schema/type]",
    );
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it("is deterministic: same bytes for the same result, whatever the order of its findings", () => {
    const shuffled = fixtureResult();
    shuffled.findings.reverse();
    expect(renderJunit(shuffled, context)).toBe(EXPECTED);
  });

  it("renders an empty result as an empty, valid report", () => {
    const empty: ValidateResult = {
      kubernetesVersion: "1.36",
      findings: [],
      files: [],
      summary: { files: 0, documents: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, skipped: 0, durationMs: 0 },
    };
    const xml = renderJunit(empty, context);
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubeplan" tests="0" failures="0" errors="0">\n</testsuites>\n`);
    parse(xml);
  });

  it("never throws on a damaged result", () => {
    const damaged = { findings: [42, { rule: "x/y", file: APP, line: "7" }], files: [null, { file: APP, documents: [{ kind: 3 }] }] } as unknown as ValidateResult;
    const { testsuites } = parse(renderJunit(damaged, context));
    expect(testsuites.testsuite.map((s) => s["@_name"])).toEqual(["<unknown>", APP]);
    expect(testsuites.testsuite[1]!.testcase!.map((c) => [c["@_name"], c.failure?.[0]?.["#text"]])).toEqual([
      ["3/(unnamed)", "k8s/app.yaml:1:1  [x/y]"],
    ]);
  });
});
