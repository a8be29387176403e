// Standard input is read the quick (js-yaml) way like any file, unless it
// holds a `# Source:` comment: only the token way reads the comments that
// name Helm's templates. The choice is made for each `---` chunk.
import { describe, expect, it, vi } from "vitest";
import { parseManifestsFast, parseManifestsFull } from "../../src/load/documents.js";
import * as quickYaml from "../../src/load/quick-yaml.js";

vi.mock("../../src/load/quick-yaml.js", async (original) => {
  const real = await original<typeof quickYaml>();
  return { ...real, readDocumentsQuick: vi.fn(real.readDocumentsQuick) };
});

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n`;

// [name, file, text, whether the js-yaml way is tried, the documents' files]
const CASES: Array<[string, string, string, boolean, string[]]> = [
  ["a file", "in.yaml", `${configMap("a")}---\n${configMap("b")}`, true, ["in.yaml", "in.yaml"]],
  ["standard input", "<stdin>", `${configMap("a")}---\n${configMap("b")}`, true, ["<stdin>", "<stdin>"]],
  ["standard input with other comments", "<stdin>", `# Sources vary\n${configMap("a")}`, true, ["<stdin>"]],
  ["helm's output on standard input", "<stdin>", `---\n# Source: web/templates/a.yaml\n${configMap("a")}---\n# Source: web/templates/b.yaml\n${configMap("b")}`, false, ["web/templates/a.yaml", "web/templates/b.yaml"]],
  ["a Source comment without a space", "<stdin>", `---\n#Source: web/templates/a.yaml\n${configMap("a")}`, false, ["web/templates/a.yaml"]],
  ["standard input, a Source comment in one chunk", "<stdin>", `---\n# Source: web/templates/a.yaml\n${configMap("a")}---\n${configMap("b")}`, true, ["web/templates/a.yaml", "<stdin>"]],
  ["helm's output in a file", "out.yaml", `---\n# Source: web/templates/a.yaml\n${configMap("a")}`, true, ["out.yaml"]],
];

describe("which way standard input is read", () => {
  it.each(CASES)("%s", (_name, file, text, quick, files) => {
    vi.mocked(quickYaml.readDocumentsQuick).mockClear();
    const fast = parseManifestsFast(text, file)!;
    expect(vi.mocked(quickYaml.readDocumentsQuick).mock.calls.length > 0).toBe(quick);
    expect(fast.documents.map((d) => d.file)).toEqual(files);
    const full = parseManifestsFull(text, file);
    expect(fast.documents.map((d) => [d.file, d.object, d.locate("/metadata/name")])).toEqual(full.documents.map((d) => [d.file, d.object, d.locate("/metadata/name")]));
    expect(fast.findings).toEqual(full.findings);
  });
});
