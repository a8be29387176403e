// A kind nothing defines (no release schema, no CRD among the inputs or
// --crds) is refused by the API server before validation: its metadata is not
// checked, and with --ignore-missing-schemas it passes as kubeconform lets it.
import { describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";
import { thingCrdYaml } from "../schema/helpers.js";

const CRD = thingCrdYaml("example.com", "Widget", { type: "object" });

type Seen = [rule: string, message: string];

async function seen(text: string, ignoreMissingSchemas: boolean): Promise<Seen[]> {
  const result = await validate({ text, file: "t.yaml" }, { ignoreMissingSchemas });
  return result.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.message]);
}

describe("metadata of kinds nothing serves", () => {
  it.each<[string, string, boolean, Seen[]]>([
    ["an unknown kind without a name: only the missing schema", "apiVersion: example.com/v1\nkind: Widget\nnumber: 1\n", false, [["schema/missing-schema", "could not find schema for Widget"]]],
    ["an unknown kind without a name, missing schemas ignored: nothing", "apiVersion: example.com/v1\nkind: Widget\nnumber: 1\n", true, []],
    ["an unknown kind with a bad name, missing schemas ignored: nothing", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: Bad_Name}\n", true, []],
    [
      "a kind its CRD defines without a name: the API server's Required value",
      `${CRD}---\napiVersion: example.com/v1\nkind: Widget\nspec: {}\n`,
      true,
      [["apiserver/validation", "metadata.name: Required value: name or generateName is required"]],
    ],
    [
      "a built-in kind without a name: the API server's Required value",
      "apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n",
      true,
      [["apiserver/validation", "metadata.name: Required value: name or generateName is required"]],
    ],
  ])("%s", async (_name, text, ignoreMissingSchemas, expected) => {
    expect(await seen(text, ignoreMissingSchemas)).toEqual(expected);
  });
});
