// Attack: make findings disappear or point at the wrong line. The stream is
// cut at `---` lines first, as kubectl cuts it, so a broken document damages
// only itself; lines stay right after a syntax error, binary junk or lone
// carriage returns; what go-yaml refuses is refused; a quantity too large for
// Kubernetes is capped as upstream caps it, not dropped.
import { describe, expect, test } from "vitest";
import { expectHandled, findingsOf, kubeplan, ruleLines, workspace } from "./attack.js";

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata:\n  n: 1\n`;

const BROKEN: Array<{ name: string; broken: string; finding: string }> = [
  // go-yaml reads the quoted scalar on to the next quote, two lines down, and stops at the x after it.
  { name: "an unterminated quote", broken: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "open}\ndata:\n  n: "x\n', finding: "yaml/syntax@11" },
  { name: "a flow collection left open", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\ndata: [\n", finding: "yaml/syntax@10" },
  { name: "binary junk", broken: "\u0000\u0001\u00ff\u00fe junk \u001b[31m\n\u007f\u0085\n", finding: "yaml/syntax@7" },
  { name: "an escape go-yaml refuses", broken: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: esc}\ndata:\n  path: "a\\/b"\n', finding: "yaml/syntax@11" },
  { name: "a bad indentation", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: y\n", finding: "yaml/syntax@11" },
  { name: "a document separator with text after it", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: sep}\n--- junk\n", finding: "yaml/syntax@10" },
];

describe("a broken document is one finding at its line; the others keep theirs", { timeout: 300_000 }, () => {
  test.each(BROKEN)("$name", ({ broken, finding }) => {
    // Three good documents around the broken one, each with a finding of its own.
    const text = `${configMap("a")}---\n${broken}---\n${configMap("b")}---\n${configMap("c")}`;
    const lines = text.split("\n");
    const last = lines.length - 1;
    const cwd = workspace({ "stream.yaml": text });
    for (const command of ["validate", "plan"]) {
      const run = kubeplan([command, "stream.yaml", "-o", "json"], cwd);
      expectHandled(run, 1);
      expect(ruleLines(run)).toEqual(["schema/type@5", finding, `schema/type@${last - 6}`, `schema/type@${last}`]);
    }
  });

  test("lone carriage returns and CRLF line ends: lines counted at line feeds", () => {
    const text = "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: crlf}\r\ndata:\r\n  n: 1\r\n---\r\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cr}\ndata:\r  n: 1\n";
    const run = kubeplan(["validate", "-", "-o", "json"], workspace(), text);
    expectHandled(run, 1);
    expect(findingsOf(run).map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(["schema/type@5:6", "schema/type@10:12"]);
  });
});

describe("a quantity beyond what Kubernetes holds is capped, never dropped", { timeout: 120_000 }, () => {
  test("1e1000000 CPU and a yottabyte of memory are requested, and the pod stays Pending", () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: huge}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests: {cpu: 1e1000000, memory: 99999999999999999999999999999Ei}\n";
    const node = 'apiVersion: v1\nkind: Node\nmetadata: {name: n1, resourceVersion: "1"}\nstatus:\n  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}\n';
    const run = kubeplan(["plan", "pod.yaml", "--cluster", "node.yaml", "-o", "json"], workspace({ "pod.yaml": pod, "node.yaml": node }));
    expectHandled(run, 0);
    const { pods } = JSON.parse(run.stdout) as { pods: Array<{ node: string | null; reason: string; resources: { requests: Record<string, string> } }> };
    expect(pods[0]!.resources.requests).toEqual({ cpu: "9223372036854775807", memory: "9223372036854775807" });
    expect(pods[0]!.node).toBeNull();
    expect(pods[0]!.reason).toContain("Insufficient cpu");
  });
});

describe("encodings kubectl reads", { timeout: 120_000 }, () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n  n: 1\n";
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const utf16be = Buffer.from(utf16le.map((_, i) => utf16le[i ^ 1]!));
  test.each([
    ["UTF-16 little-endian with its byte order mark", utf16le, ["schema/type@5"]],
    ["UTF-16 big-endian with its byte order mark", utf16be, ["schema/type@5"]],
    ["UTF-8 with its byte order mark", Buffer.from(`\ufeff${text}`), ["schema/type@5"]],
    // Without a byte order mark go-yaml reads UTF-8, and refuses the NUL bytes.
    ["UTF-16 without its byte order mark", Buffer.from(text, "utf16le"), ["yaml/syntax@1"]],
  ])("%s", (_, bytes, expected) => {
    const run = kubeplan(["validate", "app.yaml", "-o", "json"], workspace({ "app.yaml": bytes }));
    expectHandled(run, 1);
    expect(ruleLines(run)).toEqual(expected);
  });
});
