// kubeconform's flags, typed out of habit, get the kubeplan flag to use.
import { describe, expect, it } from "vitest";
import { kubeconformFlagHint } from "../../src/kubeconform-flags.js";
import { runCli } from "./run-cli.js";

const VALIDATE = { long: new Set(["output", "summary", "quiet", "kubernetes-version", "ignore-missing-schemas", "reject"]), short: new Set(["o"]) };
const PLAN = { long: new Set(["output", "namespace", "cluster"]), short: new Set(["o", "n"]) };

describe("kubeconformFlagHint", () => {
  it.each([
    [["-output", "json"], VALIDATE, "unknown option '-output' (kubeconform's flag): kubeplan takes -o/--output (text, json, sarif, junit, github, tap, markdown)"],
    [["k8s/", "-summary"], VALIDATE, "unknown option '-summary' (kubeconform's flag): kubeplan takes --summary"],
    [["-strict"], VALIDATE, "unknown option '-strict' (kubeconform's flag): kubeplan takes nothing: kubeplan is always strict (an unknown field is an error)"],
    [["--strict"], VALIDATE, "unknown option '--strict' (kubeconform's flag): kubeplan takes nothing: kubeplan is always strict (an unknown field is an error)"],
    [["-n", "4"], VALIDATE, "unknown option '-n' (kubeconform's flag): kubeplan takes KUBEPLAN_THREADS=N in the environment (kubeplan uses every core by default)"],
    [["-reject=Secret"], VALIDATE, "unknown option '-reject=Secret' (kubeconform's flag): kubeplan takes --reject"],
    [["-kubernetes-version", "1.30"], VALIDATE, "unknown option '-kubernetes-version' (kubeconform's flag): kubeplan takes --kubernetes-version"],
  ])("%j is answered", (args, own, hint) => {
    expect(kubeconformFlagHint(args, own)).toBe(hint);
  });

  it.each([
    [["--output", "json", "k8s/"], VALIDATE],
    [["-o", "json"], VALIDATE],
    [["-ojson"], VALIDATE],
    [["--summary", "--reject", "Secret"], VALIDATE],
    [["-n", "shop"], PLAN],
    [["--summary"], PLAN],
    [["--", "-summary"], VALIDATE],
    [["k8s/", "-"], VALIDATE],
  ])("%j is left to the command", (args, own) => {
    expect(kubeconformFlagHint(args, own)).toBeUndefined();
  });

  it("the command line answers before parsing, exit 1", () => {
    const run = runCli(["validate", "samples/typos", "-output", "json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("kubeplan: unknown option '-output' (kubeconform's flag): kubeplan takes -o/--output (text, json, sarif, junit, github, tap, markdown)\n");
  });
});
