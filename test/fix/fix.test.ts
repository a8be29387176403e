// `kubeplan fix`: the certain fixes made in place, everything else kept byte
// for byte; a fix that does not lower the findings is not made; a second run
// changes nothing; --dry-run prints the diff; standard input goes to stdout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixText } from "../../src/fix/fix-text.js";
import type { Finding } from "../../src/types.js";

import { runCli } from "../cli/run-cli.js";

const service = (port: string) => `# The shop's front door.
apiVersion: v1
kind: Service
metadata:
  name: web   # as the Deployment names it
spec:
  type: clusterIP
  ports:
    - name: http
      port: 80
${port}
  selector: {app: web}
`;

const deployment = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: "nginx:1.27"
${container}
`;

const headless = service("      targetPort: 8080").replace("clusterIP", "ClusterIP").replace("spec:\n", "spec:\n  clusterIP: None\n");
const valid = service("      targetPort: 8080").replace("clusterIP", "ClusterIP");

describe("fixText", () => {
  it.each<[string, string, string, string[]]>([
    [
      "a misspelt key and an enum's case, comments and flow style kept",
      service("      tartPort: 'http'   # named port"),
      service("      targetPort: 'http'   # named port").replace("clusterIP", "ClusterIP"),
      ['spec.type: Unsupported value: "clusterIP"', 'spec.ports[0].tartPort: unknown field "tartPort"'],
    ],
    [
      "a quoted enum value stays quoted",
      deployment('          imagePullPolicy: "always"'),
      deployment('          imagePullPolicy: "Always"'),
      ["imagePullPolicy"],
    ],
    ["a valid file is left as it is", valid, valid, []],
    [
      "a rename made even when its value is wrong for the field (that error is left)",
      deployment("          imagePullPolicyy: [Always]"),
      deployment("          imagePullPolicy: [Always]"),
      ["imagePullPolicyy"],
    ],
    [
      "not made: a value that leaves as many errors (the API server refuses a headless NodePort Service)",
      headless.replace("ClusterIP", "nodePort"),
      headless.replace("ClusterIP", "nodePort"),
      [],
    ],
    [
      "not made: a suggestion of where a field belongs (no certain fix)",
      deployment("          replicas: 2"),
      deployment("          replicas: 2"),
      [],
    ],
  ])("%s", async (name, input, expected, fixedMessages) => {
    const fixed = await fixText(input, "web.yaml", {});
    expect(fixed.text).toBe(expected);
    // A fix refused was offered all the same (else the case proves nothing).
    if (name.includes("leaves as many")) expect(fixed.remaining.some((f) => f.fix)).toBe(true);
    expect(fixed.applied).toHaveLength(fixedMessages.length);
    fixedMessages.forEach((message, i) => expect(fixed.applied[i]!.finding.message).toContain(message));
    // A second run changes nothing.
    const again = await fixText(fixed.text, "web.yaml", {});
    expect(again.text).toBe(fixed.text);
    expect(again.applied).toEqual([]);
  });
});

describe("fixText on realistic files", () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
  it.each<[string, string, number]>([
    ["fields moved where they belong: a Service's type, a Deployment's replicas, a pod's image into its one container", "misplaced", 0],
    ["YAML 1.1 booleans and numbers quoted as written, a key and value split (then its misspelt key renamed)", "yaml-11", 2],
    ["removed apiVersions converted: Ingress backends and pathType, v2beta1 HPA metrics, PDB, CronJob; not where the meaning would change", "removed-apis", 7],
  ])("%s", async (_name, base, left) => {
    const fixed = await fixText(fixture(`${base}.yaml`), `${base}.yaml`, {});
    expect(fixed.text).toBe(fixture(`${base}.fixed.yaml`));
    expect(fixed.remaining).toHaveLength(left);
    const again = await fixText(fixed.text, `${base}.yaml`, {});
    expect(again.text).toBe(fixed.text);
    expect(again.applied).toEqual([]);
  });
});

/** The parts of a SARIF log these tests read. */
interface SarifFixes {
  runs: Array<{
    results: Array<{
      locations: Array<{ physicalLocation: { region: { startLine: number } } }>;
      fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ replacements: unknown[] }> }>;
    }>;
  }>;
}

describe("the new fixes in JSON and SARIF", () => {
  const fixture = (name: string) => `test/fix/fixtures/${name}.yaml`;
  it.each<[string, Array<[number, string]>]>([
    ["misplaced", [[6, "move to spec.type"], [18, "move to spec.replicas"], [28, "move to spec.template.spec.containers[0].image"]]],
    ["removed-apis", [[2, 'convert to "networking.k8s.io/v1"'], [26, 'convert to "networking.k8s.io/v1"'], [39, 'convert to "autoscaling/v2"'], [76, 'convert to "policy/v1"'], [86, 'convert to "batch/v1"']]],
  ])("%s", (name, expected) => {
    const json = JSON.parse(runCli(["validate", "-o", "json", fixture(name)]).stdout) as { findings: Finding[] };
    expect(json.findings.filter((f) => f.fix).map((f) => [f.line, f.fix!.description])).toEqual(expected);
    const sarif = JSON.parse(runCli(["validate", "-o", "sarif", fixture(name)]).stdout) as SarifFixes;
    const results = sarif.runs[0]!.results.filter((r) => r.fixes);
    expect(results.map((r) => [r.locations[0]!.physicalLocation.region.startLine, r.fixes![0]!.description.text])).toEqual(expected);
    // Each SARIF fix carries every edit of the JSON fix.
    const edits = json.findings.filter((f) => f.fix).map((f) => f.fix!.edits.length);
    expect(results.map((r) => r.fixes![0]!.artifactChanges[0]!.replacements.length)).toEqual(edits);
  });
});

describe("kubeplan fix", () => {
  const dir = mkdtempSync(join(tmpdir(), "kubeplan-fix-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const broken = service("      tartPort: 8080");
  const fixed = valid;
  const cli = (args: string[], input?: string) => runCli(args, { cwd: dir, input });

  it("fixes files in place and lists what it fixed", () => {
    const file = "in-place.yaml";
    writeFileSync(join(dir, file), broken);
    const run = cli(["fix", file]);
    expect(readFileSync(join(dir, file), "utf8")).toBe(fixed);
    expect(run.stdout.split("\n")).toEqual([
      `${file}:7:9 fixed: spec.type: Unsupported value: "clusterIP": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort" (did you mean "ClusterIP"?) [apiserver/validation]`,
      `${file}:11:7 fixed: spec.ports[0].tartPort: unknown field "tartPort" (did you mean "targetPort"?) [schema/unknown-field]`,
      "fixed 2 problems in 1 file; 1 problem left (kubeplan validate shows them)",
      "",
    ]);
    // The problem left is a warning (the Service selects no pod of the inputs).
    expect(run.code).toBe(0);
    // The second run: nothing to do.
    expect(cli(["fix", file]).stdout).toBe("nothing to fix; 1 problem left (kubeplan validate shows them)\n");
    expect(readFileSync(join(dir, file), "utf8")).toBe(fixed);
  });

  it("--dry-run prints the diff and writes nothing", () => {
    const file = "dry-run.yaml";
    writeFileSync(join(dir, file), broken);
    const run = cli(["fix", "--dry-run", file]);
    expect(readFileSync(join(dir, file), "utf8")).toBe(broken);
    expect(run.stdout).toBe(
      [
        `--- a/${file}`,
        `+++ b/${file}`,
        "@@ -4,9 +4,9 @@",
        " metadata:",
        "   name: web   # as the Deployment names it",
        " spec:",
        "-  type: clusterIP",
        "+  type: ClusterIP",
        "   ports:",
        "     - name: http",
        "       port: 80",
        "-      tartPort: 8080",
        "+      targetPort: 8080",
        "   selector: {app: web}",
        "would fix 2 problems in 1 file; 1 problem left (kubeplan validate shows them)",
        "",
      ].join("\n"),
    );
  });

  it("fixes standard input to standard output, what it did on stderr; errors left exit 1", () => {
    const input = broken.replace("port: 80", "port: eighty");
    const run = cli(["fix", "-"], input);
    expect(run.stdout).toBe(fixed.replace("port: 80", "port: eighty"));
    expect(run.stderr).toMatch(/^<stdin>:7:9 fixed: spec\.type: .*\n.*\nfixed 2 problems in 1 file; 2 problems left \(kubeplan validate shows them\)\n$/);
    expect(run.code).toBe(1);
  });

  it("masks a Secret's values in the diff", () => {
    const file = "secret.yaml";
    writeFileSync(join(dir, file), "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringDta: {password: hunter22}\n");
    const run = cli(["fix", "--dry-run", file]);
    expect(run.stdout).toContain("+stringData: {password: ***}");
    expect(run.stdout).not.toContain("hunter22");
  });
});
