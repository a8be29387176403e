import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { renderTap } from "../../src/report/tap.js";
import type { Finding, ValidateResult } from "../../src/types.js";
import { APP, context, fixtureResult } from "./fixture.js";

const EXPECTED = `TAP version 13
not ok 1 - k8s/app.yaml (apps/v1/Deployment/team-a/web): spec.template.spec.containers[0].imagePullPolicy: "always" is not one of Always, IfNotPresent, Never (did you mean "Always"?)
  ---
  findings:
    - severity: warning
      rule: workload/no-resources
      message: 'spec.template.spec.containers[0]: container "web" has no resources.requests: it is BestEffort <QoS> & the first to be evicted'
      line: 12
      column: 11
      path: /spec/template/spec/containers/0
    - severity: error
      rule: schema/enum
      message: 'spec.template.spec.containers[0].imagePullPolicy: "always" is not one of Always, IfNotPresent, Never (did you mean "Always"?)'
      line: 14
      column: 9
      path: /spec/template/spec/containers/0/imagePullPolicy
      suggestion: Always
  ...
not ok 2 - k8s/app.yaml (v1/Service/team-a/web): spec.selector: app=web, tier=frontend matches no pod template: 0% of the pods "would" be selected
  ---
  findings:
    - severity: error
      rule: service/selector
      message: 'spec.selector: app=web, tier=frontend matches no pod template: 0% of the pods "would" be selected'
      line: 31
      column: 5
      path: /spec/selector
  ...
ok 3 - k8s/app.yaml (v1/ConfigMap/team-a/settings)
ok 4 - k8s/broken.yaml (v1/Namespace//team-a)
  ---
  findings:
    - severity: info
      rule: metadata/recommended-labels
      message: 'metadata.labels: add "app.kubernetes.io/name" & "app.kubernetes.io/part-of"'
      line: 3
      column: 3
      path: /metadata
  ...
not ok 5 - k8s/broken.yaml: YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14: image: nginx: 1.25 ^
  ---
  findings:
    - severity: error
      rule: yaml/syntax
      message: |-
        YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:
  
          image: nginx: 1.25
                     ^
      line: 9
      column: 14
      path: ""
  ...
ok 6 - k8s/list.yaml (v1/ConfigMap/team-a/a)
ok 7 - k8s/list.yaml (v1/Secret/team-a/b)
  ---
  findings:
    - severity: warning
      rule: secret/base64
      message: "data[password]: 100%secret is not base64 # decode fails"
      line: 15
      column: 13
      path: /items/1/data/password
  ...
not ok 8 - k8s/list.yaml: kind not set
  ---
  findings:
    - severity: error
      rule: document/missing-kind
      message: kind not set
      line: 20
      column: 5
      path: /items/2
  ...
ok 9 - k8s/empty.yaml (empty)
not ok 10 - k8s/missing.yaml: cannot read "k8s/missing.yaml": ENOENT: no such file or directory
  ---
  findings:
    - severity: error
      rule: input/unreadable
      message: 'cannot read "k8s/missing.yaml": ENOENT: no such file or directory'
      line: 1
      column: 1
      path: ""
  ...
1..10
`;

function finding(overrides: Partial<Finding>): Finding {
  return { severity: "error", rule: "schema/type", message: "m", file: APP, line: 5, column: 3, path: "/spec", ...overrides };
}

/** The Deployment of the fixture alone, with these findings. */
function oneDeployment(findings: Finding[]): ValidateResult {
  const result = fixtureResult();
  result.files = [{ file: APP, documents: [result.files[0]!.documents[0]!] }];
  result.findings = findings;
  return result;
}

interface TestPoint {
  ok: boolean;
  number: number;
  description: string;
  diagnostics?: unknown;
}

/** A small TAP 13 reader: test points, their YAML blocks, the plan. */
function readTap(tap: string): { points: TestPoint[]; plan: string } {
  const lines = tap.split("\n");
  expect(lines[0]).toBe("TAP version 13");
  expect(lines.at(-1)).toBe("");
  const points: TestPoint[] = [];
  let i = 1;
  while (i < lines.length - 2) {
    const match = /^(not )?ok (\d+) - (.*)$/.exec(lines[i]!);
    expect(match, `line ${i + 1}: ${lines[i]}`).not.toBeNull();
    const point: TestPoint = { ok: !match![1], number: Number(match![2]), description: match![3]! };
    i++;
    if (lines[i] === "  ---") {
      const end = lines.indexOf("  ...", i);
      point.diagnostics = parseYaml(lines.slice(i + 1, end).map((l) => l.slice(2)).join("\n"));
      i = end + 1;
    }
    points.push(point);
  }
  return { points, plan: lines.at(-2)! };
}

describe("renderTap", () => {
  it("renders the fixture exactly", () => {
    expect(renderTap(fixtureResult(), context)).toBe(EXPECTED);
  });

  it("numbers the points from 1 and ends with the plan", () => {
    const { points, plan } = readTap(renderTap(fixtureResult(), context));
    expect(points.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(plan).toBe("1..10");
    expect(points.map((p) => p.ok)).toEqual([false, false, true, true, false, true, true, false, true, false]);
  });

  it("gives each point's findings back, exactly, in its YAML block", () => {
    const { points } = readTap(renderTap(fixtureResult(), context));
    expect(points[4]!.diagnostics).toEqual({
      findings: [
        {
          severity: "error",
          rule: "yaml/syntax",
          message: "YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:\n\n  image: nginx: 1.25\n             ^",
          line: 9,
          column: 14,
          path: "",
        },
      ],
    });
    expect(points[6]!.diagnostics).toEqual({
      findings: [
        {
          severity: "warning",
          rule: "secret/base64",
          message: "data[password]: 100%secret is not base64 # decode fails",
          line: 15,
          column: 13,
          path: "/items/1/data/password",
        },
      ],
    });
    // No findings, no block.
    expect(points[2]!.diagnostics).toBeUndefined();
  });

  it.each([
    {
      name: "several errors: all their messages, joined",
      findings: [finding({ line: 7, message: "second" }), finding({ message: "first" }), finding({ severity: "warning", message: "only a warning" })],
      line: "not ok 1 - k8s/app.yaml (apps/v1/Deployment/team-a/web): first; second",
    },
    {
      name: "# and \\ in a message, escaped so that no directive starts",
      findings: [finding({ message: "value # TODO later \\d+" })],
      line: "not ok 1 - k8s/app.yaml (apps/v1/Deployment/team-a/web): value \\# TODO later \\\\d+",
    },
    {
      name: "only warnings: ok, messages in the YAML block only",
      findings: [finding({ severity: "warning", message: "w" })],
      line: "ok 1 - k8s/app.yaml (apps/v1/Deployment/team-a/web)",
    },
  ])("$name", ({ findings, line }) => {
    const tap = renderTap(oneDeployment(findings), context);
    expect(tap.split("\n")[1]).toBe(line);
  });

  it("reports a warning about no object as a passing point of its own", () => {
    const result = oneDeployment([finding({ rule: "yaml/duplicate-key", severity: "warning", line: 1, message: "before the object" })]);
    result.files[0]!.documents[0]!.line = 3;
    const { points } = readTap(renderTap(result, context));
    expect(points.map((p) => [p.ok, p.description])).toEqual([
      [true, "k8s/app.yaml: before the object"],
      [true, "k8s/app.yaml (apps/v1/Deployment/team-a/web)"],
    ]);
  });

  it("renders an empty result as a plan of no tests", () => {
    const empty: ValidateResult = { ...fixtureResult(), files: [], findings: [] };
    expect(renderTap(empty, context)).toBe("TAP version 13\n1..0\n");
  });

  it("is deterministic: same bytes whatever the order of the findings", () => {
    const shuffled = fixtureResult();
    shuffled.findings.reverse();
    expect(renderTap(shuffled, context)).toBe(EXPECTED);
  });

  it("never throws on a damaged result", () => {
    const damaged = { findings: { length: 3 }, files: [{ file: APP, documents: [{}] }] } as unknown as ValidateResult;
    expect(renderTap(damaged, context)).toBe("TAP version 13\nok 1 - k8s/app.yaml (///)\n1..1\n");
  });
});
