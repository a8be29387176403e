import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const WHAT_IF = ["what-if", "--cluster", "samples/cluster"];

interface WhatIfJson {
  changes: Array<{ action: string; kind: string; namespace: string; name: string; patch: Array<{ value?: { spec?: { ports?: unknown[]; selector?: unknown } } }> }>;
  pods: Array<{ name: string; owner: string | null; node: string | null }>;
  commands: Array<{ command: string; output: string[]; notes: string[]; error?: string }>;
}

function whatIfJson(commands: string[]): { code: number; result: WhatIfJson } {
  const run = runCli([...WHAT_IF, "-o", "json", "--", ...commands]);
  return { code: run.code, result: JSON.parse(run.stdout) as WhatIfJson };
}

describe("kubeplan what-if", () => {
  it("runs the commands in order, a later one seeing what an earlier one made, then plans them", () => {
    const { code, result } = whatIfJson(["kubectl", "run", "nginx", "--image=nginx", "--", "kubectl", "expose", "pod", "nginx", "--type=NodePort", "--port=80"]);
    expect(code).toBe(0);
    expect(result.commands.map((c) => c.output)).toEqual([["pod/nginx created"], ["service/nginx exposed"]]);
    expect(result.commands[1]!.notes).toEqual(["node port 30086 allocated for port 80/TCP (the API server picks a free port at random in 30086-32767: it may differ)"]);
    expect(result.changes.map((c) => `${c.action} ${c.kind} ${c.namespace}/${c.name}`)).toEqual(["create Pod default/nginx", "create Service default/nginx"]);
    const service = result.changes[1]!.patch[0]!.value!.spec!;
    expect(service.ports).toEqual([{ nodePort: 30086, port: 80, protocol: "TCP", targetPort: 80 }]);
    expect(service.selector).toEqual({ run: "nginx" });
    expect(result.pods).toEqual([expect.objectContaining({ name: "nginx", owner: null, node: "worker-a1" })]);
  });

  it.each([
    [["--detailed-exitcode", "--", "kubectl", "create", "namespace", "team"], 2],
    [["--", "kubectl", "create", "namespace", "team"], 0],
    [["--detailed-exitcode", "--", "kubectl", "create", "namespace", "team", "--dry-run=client"], 0],
    [["--", "kubectl", "create", "namespace", "shop"], 1],
  ])("exit code of what-if %j", (args, code) => {
    expect(runCli([...WHAT_IF, ...args]).code).toBe(code);
  });

  it("stops at a failed command with kubectl's error, and plans what the commands before it leave", () => {
    const run = runCli([...WHAT_IF, "--", "kubectl", "create", "namespace", "team", "--", "kubectl", "create", "namespace", "team", "--", "kubectl", "create", "namespace", "never"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        "1. kubectl create namespace team",
        "   namespace/team created",
        "2. kubectl create namespace team",
        '   Error from server (AlreadyExists): namespaces "team" already exists',
        "The commands stop at the failed one: the plan shows what the commands before it leave.",
      ].join("\n"),
    );
    expect(run.stdout).toContain("Plan: 1 to add, 0 to change, 0 to replace, 0 to destroy.");
  });

  it.each([
    [["kubectl", "get", "pods"], "kubectl get: not supported by what-if; it supports kubectl run, create, expose, scale"],
    [["kubectl", "create", "ingress", "web"], "kubectl create ingress web: not supported by what-if; it supports kubectl create configmap|cronjob|deployment|"],
    [["kubectl", "run", "x", "--image=nginx", "-it"], "kubectl run: --stdin is not supported by what-if: a what-if attaches to nothing: nothing runs"],
    [["kubectl", "run", "x", "--image=nginx", "--bogus"], "kubectl run: unknown flag: --bogus (the flags what-if supports here: -n/--namespace, --dry-run,"],
    [["kubectl", "run", "x", "--image=nginx", "-o", "json"], "kubectl run: -o json is not supported by what-if: use -o yaml or -o name"],
    [["run", "x"], 'what-if: each command starts with "kubectl" (got "run")'],
  ])("refuses %j clearly", (command, message) => {
    const run = runCli([...WHAT_IF, "--", ...command]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kubeplan: ${message}`);
  });

  it("masks Secret values in the YAML kubectl would print unless --show-secrets", () => {
    const command = ["--", "kubectl", "create", "secret", "generic", "db", "--from-literal=password=hunter2", "-o", "yaml"];
    expect(runCli([...WHAT_IF, ...command]).stdout).not.toContain("aHVudGVyMg==");
    expect(runCli([...WHAT_IF, "--show-secrets", ...command]).stdout).toContain("password: aHVudGVyMg==");
  });
});
