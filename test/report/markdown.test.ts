// `-o markdown` as GitHub renders a comment: GitHub Flavored Markdown with
// raw HTML (<details>), read here with micromark and its GFM extension,
// which follow the same specification as GitHub's cmark-gfm.
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { COMMENT_LIMIT, escapeMarkdown, fencedBlock, renderMarkdown } from "../../src/report/markdown.js";
import type { Finding } from "../../src/types.js";
import { runCli } from "../cli/run-cli.js";
import { BROKEN, fixtureResult, MISSING } from "./fixture.js";

function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

function sections(rendered: string): string[] {
  return [...rendered.matchAll(/<summary>(.*?)<\/summary>/g)].map((m) => m[1]!);
}

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(fixtureResult());
  const rendered = html(markdown);

  it("starts with the summary line", () => {
    expect(markdown.split("\n")[0]).toBe("**kubeplan validate** ✖ 6 documents in 4 files: 5 errors, 2 warnings, 1 info, 1 suppressed (42 ms, Kubernetes 1.36)");
    expect(rendered.startsWith("<p><strong>kubeplan validate</strong> ✖ 6 documents")).toBe(true);
  });

  it("has one collapsible section per object with findings, and one per file for findings about no object", () => {
    expect(sections(rendered)).toEqual([
      "✖ <code>Deployment/team-a/web</code> in <code>k8s/app.yaml</code>: 1 error, 1 warning",
      "✖ <code>Service/team-a/web</code> in <code>k8s/app.yaml</code>: 1 error",
      "✖ <code>k8s/broken.yaml</code>: 1 error",
      "ℹ <code>Namespace/team-a</code> in <code>k8s/broken.yaml</code>: 1 info",
      "✖ <code>k8s/list.yaml</code>: 1 error",
      "⚠ <code>Secret/team-a/b</code> in <code>k8s/list.yaml</code>: 1 warning",
      "✖ <code>k8s/missing.yaml</code>: 1 error",
    ]);
    // The suppressed finding is left out.
    expect(markdown).not.toContain("latest tag");
  });

  it("renders each finding as a list item with its location, message and rule, input kept as text", () => {
    const item = /<li>✖ <strong>error<\/strong> k8s\/app.yaml:31:5 (.*?) <code>service\/selector<\/code><\/li>/.exec(rendered);
    expect(item?.[1]).toBe("spec.selector: app=web, tier=frontend matches no pod template: 0% of the pods &quot;would&quot; be selected");
    // `<QoS> & the first`: HTML escaped, and shown as written.
    expect(rendered).toContain("it is BestEffort &lt;QoS&gt; &amp; the first to be evicted");
    expect(rendered).not.toContain("<QoS>");
  });

  it("links each location to the file at its line when a link base is given", () => {
    const linked = renderMarkdown(fixtureResult(), { linkBase: "https://github.com/o/r/blob/abc123/" });
    expect(html(linked)).toContain('<a href="https://github.com/o/r/blob/abc123/k8s/app.yaml#L31">k8s/app.yaml:31:5</a>');
    expect(linked).toContain(`[${MISSING}:1:1](https://github.com/o/r/blob/abc123/${MISSING}#L1)`);
  });

  it.each([
    ["HTML", '<img src=x onerror="alert(1)"><script>x()</script>', ["<img", "<script"]],
    ["emphasis and code", "**bold** _it_ `code` ~~gone~~", ["<strong>bold", "<em>it", "<code>code", "<del>gone"]],
    ["a link", "[click](https://evil.example)", ['href="https://evil.example"']],
    ["a bare address", "see https://evil.example/x and www.evil.example", ["href="]],
    ["a table row", "| a | b |\n|---|---|\n| c | d |", ["<table"]],
    ["a closing details", "</details></summary><details open>", ["</details></summary>", "<details open>"]],
    ["a terminal escape", "\u001b[2J\u001b]0;title\u0007", ["\u001b", "\u0007"]],
  ])("input is shown, never interpreted: %s", (_name, message, forbidden) => {
    const result = fixtureResult();
    result.findings.push({ severity: "error", rule: "x/y", message, file: BROKEN, line: 2, column: 1, path: "" });
    const out = html(renderMarkdown(result));
    for (const text of forbidden) expect(out).not.toContain(text);
    expect(out.match(/<details>/g)).toHaveLength(7);
  });

  it("escapes mentions and issue references", () => {
    expect(escapeMarkdown("ping @org/team about #12")).toBe("ping \\@org/team about \\#12");
  });

  it("a fenced block cannot be closed from inside", () => {
    const block = fencedBlock("diff", ["a", "```", "<b>x</b>", "````"]);
    expect(block.split("\n")[0]).toBe("`````diff");
    expect(html(block)).toBe('<pre><code class="language-diff">a\n```\n&lt;b&gt;x&lt;/b&gt;\n````\n</code></pre>');
  });

  it("stays within GitHub's comment limit, cut between sections with a note", () => {
    const result = fixtureResult();
    const many: Finding[] = Array.from({ length: 3000 }, (_, i) => ({
      severity: "error",
      rule: "schema/enum",
      message: `spec.value: Unsupported value: "${"x".repeat(40)}${i}"`,
      file: `k8s/file-${String(i).padStart(4, "0")}.yaml`,
      line: 3,
      column: 5,
      path: "/spec/value",
    }));
    result.findings.push(...many);
    const markdown = renderMarkdown(result);
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(markdown).toMatch(/\n\n_\d+ more objects with findings are left out: a comment holds at most 65536 characters\. The job's log has them all\._\n$/);
    // Sections are whole: every one opened is closed.
    expect(markdown.match(/<details>/g)!.length).toBe(markdown.match(/<\/details>/g)!.length);
  });

  it("never writes colour codes", () => {
    expect(markdown).not.toMatch(/\u001b/);
  });
});

describe("kubeplan validate -o markdown", () => {
  it("masks Secret values", () => {
    const secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata:\n  password: 8675309123\nstringData:\n  token: [hunter2hunter2]\n";
    const run = runCli(["validate", "-", "-o", "markdown"], { input: secret });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("<code>Secret/db</code>");
    expect(run.stdout).not.toContain("8675309123");
    expect(run.stdout).not.toContain("hunter2");
  });

  it("links to the commit's files in GitHub Actions", () => {
    const run = runCli(["validate", "samples/typos/enums.yaml", "-o", "markdown"], {
      env: { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "o/r", GITHUB_SHA: "0123abc" },
    });
    expect(run.stdout).toContain("[samples/typos/enums.yaml:18:22](https://github.com/o/r/blob/0123abc/samples/typos/enums.yaml#L18)");
  });
});

describe("kubeplan plan -o markdown", () => {
  const run = runCli(["plan", "samples/app", "--cluster", "samples/cluster", "-o", "markdown"]);
  const rendered = html(run.stdout);

  it("starts with the plan's summary line, then pods, findings and the cluster", () => {
    expect(run.code).toBe(0);
    const [first, , ...rest] = run.stdout.split("\n");
    expect(first).toBe("**kubeplan plan** ✚ Plan: 4 to add, 3 to change, 1 to replace, 0 to destroy.");
    expect(rest.slice(0, 3)).toEqual([
      "Pods: 5 to create: 5 scheduled, 0 pending, 0 denied by admission.<br>",
      "Findings: 0 errors, 3 warnings.<br>",
      "Kubernetes 1.36, cluster snapshot samples/cluster.",
    ]);
  });

  it("has one collapsible section per changed object, its change as a diff", () => {
    const changes = sections(rendered).filter((s) => /^[🟢🟡🔴]/u.test(s));
    expect(changes).toEqual([
      "🟢 create <code>ServiceAccount shop/catalog</code>",
      "🟡 update <code>ConfigMap shop/storefront-config</code>",
      "🟡 update <code>Deployment shop/catalog</code>",
      "🟡 update <code>Deployment shop/storefront</code>",
      "🔴 replace <code>StatefulSet shop/postgres</code>",
      "🟢 create <code>CronJob shop/catalog-reindex</code>",
      "🟢 create <code>HorizontalPodAutoscaler shop/storefront</code>",
      "🟢 create <code>Ingress shop/storefront</code>",
    ]);
    expect(rendered).toContain('<pre><code class="language-diff">   # ConfigMap shop/storefront-config will be updated in place\n   ~ v1 ConfigMap shop/storefront-config\n       ~ data.LOG_LEVEL: &quot;debug&quot; -&gt; &quot;info&quot;\n+       data.FEATURE_RECOMMENDATIONS: &quot;true&quot;');
    expect(run.stdout).not.toMatch(/\u001b/);
  });

  it("masks the values of a changed Secret", () => {
    const secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: catalog-db, namespace: shop}\nstringData:\n  password: n3w-s3cr3t-value\n";
    const out = runCli(["plan", "-", "--cluster", "samples/cluster", "-o", "markdown", "--diff"], { input: secret }).stdout;
    expect(out).toContain("Secret shop/catalog-db");
    expect(out).not.toContain("n3w-s3cr3t-value");
  });
});

describe("kubeplan plan in the CI formats", () => {
  it.each([
    ["sarif", (out: string) => (JSON.parse(out) as { runs: Array<{ results: Array<{ ruleId: string }> }> }).runs[0]!.results.map((r) => r.ruleId)],
    ["github", (out: string) => out.trim().split("\n").map((line) => /title=([^:]+)::/.exec(line)![1]!)],
  ])("-o %s holds the plan's findings", (format, rules) => {
    const run = runCli(["plan", "samples/admission", "-o", format]);
    expect(run.code).toBe(1);
    expect(rules(run.stdout)).toEqual(["admission/ResourceQuota", "admission/LimitRanger"]);
  });

  it("-o junit fails the objects admission denies", () => {
    const run = runCli(["plan", "samples/admission", "-o", "junit"]);
    expect(run.stdout).toMatch(/^<\?xml|^<testsuites/);
    expect(run.stdout.match(/<failure /g)).toHaveLength(2);
    expect(run.stdout).toContain('type="admission/ResourceQuota"');
  });

  it("-o tap has a failing test point per denied object", () => {
    const run = runCli(["plan", "samples/admission", "-o", "tap"]);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("not ok"))).toHaveLength(2);
  });
});

