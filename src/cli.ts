// Command-line parsing only: it calls the pipeline and picks a renderer.
import { Command, CommanderError, Option } from "commander";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sharedOption, type OutputFormat } from "./cli-options.js";
import { kubeconformFlagHint } from "./kubeconform-flags.js";
import type { PlanRun } from "./plan/index.js";
import { colorEnabled } from "./report/colors.js";
import type { RenderContext } from "./report/context.js";
import type { PlanOptions } from "./plan/index.js";
import { APPLY_MODES, type ApplyMode } from "./diff/apply-mode.js";
import type { RuleInfo, ValidateResult } from "./types.js";
import { ConfigError } from "./config/config-error.js";
import type { KubeplanConfig } from "./config/load-config.js";
import { parseFileSize } from "./load/read-inputs.js";
import { schemaLocationProblem } from "./schema/schema-locations.js";
import { UsageError } from "./usage-error.js";
import type { ValidateOptions } from "./validate/index.js";
import { maxOf } from "./util/append.js";
import { packageRoot } from "./util/package-root.js";


interface PackageInfo {
  version: string;
  homepage?: string;
}

function packageInfo(): PackageInfo {
  return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as PackageInfo;
}

function packageVersion(): string {
  return packageInfo().version;
}

// The stages, the rules and the renderers are loaded when a command runs, not
// to print --version or --help: start-up counts in every pre-commit hook.

async function ruleCatalog(): Promise<RuleInfo[]> {
  return (await import("./validate/catalog.js")).ruleCatalog();
}

/** What the CI formats say of kubeplan: its rules, version and home page (where each rule has an anchor). */
async function renderContext(): Promise<RenderContext> {
  const { version, homepage } = packageInfo();
  return { rules: await ruleCatalog(), toolVersion: version, informationUri: homepage };
}

async function renderJson(value: unknown): Promise<string> {
  return (await import("./report/json.js")).renderJson(value);
}

interface ValidateFlags {
  output: OutputFormat;
  /** false with --no-color. */
  color: boolean;
  config?: string;
  kubernetesVersion?: string;
  ignoreMissingSchemas?: boolean;
  skipKinds?: string[];
  ignoreFilenamePattern?: string[];
  reject?: string[];
  crds?: string[];
  schemaLocation?: string[];
  summary?: boolean;
  quiet?: boolean;
  maxFileSize?: string;
  followExternalSymlinks?: boolean;
}

type Renderer = (result: ValidateResult, context: RenderContext) => string;

/**
 * Where Markdown links to files point: the repository at the commit, from
 * GitHub Actions' environment (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA).
 */
function markdownLinkBase(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
  if (!server || !repository || !sha) return undefined;
  return `${server}/${repository}/blob/${sha}`;
}

/** The CI renderers, loaded only when asked for: every millisecond of start-up counts in a pre-commit hook. */
async function ciRenderer(format: string): Promise<Renderer> {
  switch (format) {
    case "markdown": {
      const { renderMarkdown } = await import("./report/markdown.js");
      return (result) => renderMarkdown(result, { linkBase: markdownLinkBase() });
    }
    case "sarif":
      return (await import("./report/sarif.js")).renderSarif;
    case "junit":
      return (await import("./report/junit.js")).renderJunit;
    case "github":
      return (await import("./report/github.js")).renderGithub;
    default:
      return (await import("./report/tap.js")).renderTap;
  }
}

/** `--quiet` keeps only errors, in every format. */
function onlyErrors(result: ValidateResult): ValidateResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === "error") };
}

async function renderValidate(result: ValidateResult, flags: ValidateFlags): Promise<string> {
  const shown = flags.quiet ? onlyErrors(result) : result;
  if (flags.output === "text" || (flags.summary && flags.output !== "json")) {
    const { renderText } = await import("./report/text.js");
    return renderText(result, { color: colorEnabled(process.stdout, flags.color), quiet: flags.quiet, summaryOnly: flags.summary });
  }
  if (flags.output === "json") {
    return renderJson(flags.summary ? { kubernetesVersion: result.kubernetesVersion, summary: result.summary } : shown);
  }
  return (await ciRenderer(flags.output))(shown, await renderContext());
}

/** `KUBEPLAN_THREADS=N` sets the validation threads (the default: every core). */
function threadsFromEnvironment(): number | undefined {
  const value = Number(process.env.KUBEPLAN_THREADS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** No paths: read the manifests from a pipe, as `helm template … | kubeplan validate` expects. */
function defaultPaths(paths: string[]): string[] {
  if (paths.length > 0) return paths;
  if (process.stdin.isTTY) throw new UsageError("no input: give files or directories, or - to read standard input");
  return ["-"];
}

async function readConfig(flags: { config?: string }): Promise<KubeplanConfig | undefined> {
  const { loadConfig } = await import("./config/load-config.js");
  return loadConfig(flags.config, new Set((await ruleCatalog()).map((r) => r.id)));
}

/** The catalogs to read custom resources' schemas from; a URL or an unknown template field is a usage error. */
function checkedSchemaLocations(locations: string[]): string[] {
  for (const location of locations) {
    const problem = schemaLocationProblem(location);
    if (problem) throw new UsageError(problem);
  }
  return locations;
}

function maxFileSize(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const size = parseFileSize(flag);
  if (size === undefined) throw new UsageError(`--max-file-size ${JSON.stringify(flag)}: expected a size in bytes, or with a unit such as 512Ki, 64Mi, 1Gi`);
  return size;
}

/** Flags win over the config file. */
function validateOptions(flags: ValidateFlags, config: KubeplanConfig | undefined): ValidateOptions {
  return {
    maxFileSize: maxFileSize(flags.maxFileSize),
    followExternalSymlinks: flags.followExternalSymlinks,
    kubernetesVersion: flags.kubernetesVersion ?? config?.kubernetesVersion,
    ignoreMissingSchemas: flags.ignoreMissingSchemas ?? config?.ignoreMissingSchemas,
    skipKinds: [...(config?.skipKinds ?? []), ...(flags.skipKinds ?? [])],
    ignoreFilenamePatterns: flags.ignoreFilenamePattern,
    rejectKinds: flags.reject,
    skipPaths: config?.skipPaths,
    crdPaths: [...(config?.crds ?? []), ...(flags.crds ?? [])],
    schemaLocations: checkedSchemaLocations([...(config?.schemaLocations ?? []), ...(flags.schemaLocation ?? [])]),
    ruleSettings: config?.rules,
    namespace: config?.namespace,
    threads: threadsFromEnvironment(),
  };
}

/** Warnings about the run itself go to stderr, so that every format on stdout stays what its consumer parses. */
function printWarnings(warnings: readonly string[] | undefined): void {
  for (const warning of warnings ?? []) process.stderr.write(`kubeplan: warning: ${warning}\n`);
}

async function runValidate(paths: string[], flags: ValidateFlags): Promise<number> {
  const options = validateOptions(flags, await readConfig(flags));
  const { validate } = await import("./validate/index.js");
  const result = await validate(defaultPaths(paths), options);
  printWarnings(result.warnings);
  process.stdout.write(await renderValidate(result, flags));
  return result.summary.errors > 0 ? 1 : 0;
}

interface PlanFlags extends Omit<ValidateFlags, "summary" | "quiet"> {
  cluster?: string[];
  namespace?: string;
  prune?: boolean;
  pruneSelector?: string;
  showSecrets?: boolean;
  showUnchanged?: boolean;
  diff?: boolean;
  detailedExitcode?: boolean;
  applyMode: ApplyMode;
  fieldManager?: string;
  forceConflicts?: boolean;
}

async function renderPlan(run: PlanRun, flags: PlanFlags): Promise<string> {
  switch (flags.output) {
    case "json":
      return renderJson(run.result);
    case "text": {
      const { renderPlanText } = await import("./report/plan-text.js");
      return renderPlanText(run, { color: colorEnabled(process.stdout, flags.color), showUnchanged: flags.showUnchanged ?? false, unifiedDiff: flags.diff ?? false });
    }
    case "markdown": {
      const { renderPlanMarkdown } = await import("./report/plan-markdown.js");
      return renderPlanMarkdown(run, { linkBase: markdownLinkBase(), unifiedDiff: flags.diff ?? false });
    }
    default:
      // The plan's findings, with the inputs' objects, in a CI format.
      return (await ciRenderer(flags.output))(run.findings, await renderContext());
  }
}

async function runPlan(paths: string[], flags: PlanFlags): Promise<number> {
  const config = await readConfig(flags);
  const options: PlanOptions = {
    ...validateOptions({ ...flags, output: "text" }, config),
    namespace: flags.namespace ?? config?.namespace,
    clusterPaths: flags.cluster ?? [],
    prune: flags.prune,
    pruneSelector: flags.pruneSelector,
    showSecrets: flags.showSecrets,
    showUnchanged: flags.showUnchanged,
    apply: { mode: flags.applyMode, fieldManager: flags.fieldManager, forceConflicts: flags.forceConflicts },
  };
  // The plan stages are loaded only for `plan`: `validate` starts faster without them.
  const { plan } = await import("./plan/index.js");
  const run = await plan(defaultPaths(paths), options);
  printWarnings(run.result.warnings);
  process.stdout.write(await renderPlan(run, flags));
  if (run.result.summary.errors > 0) return 1;
  return flags.detailedExitcode && run.changePlan.hasChanges ? 2 : 0;
}

interface WhatIfFlags extends Omit<PlanFlags, "prune" | "pruneSelector" | "applyMode" | "fieldManager" | "forceConflicts" | "namespace"> {}

async function runWhatIf(words: string[], flags: WhatIfFlags): Promise<number> {
  const config = await readConfig(flags);
  const { whatIf, splitCommands } = await import("./whatif/index.js");
  const report = await import("./report/what-if.js");
  const run = await whatIf(splitCommands(words), {
    ...validateOptions({ ...flags, output: "text" }, config),
    clusterPaths: flags.cluster ?? [],
    showSecrets: flags.showSecrets,
    showUnchanged: flags.showUnchanged,
  });
  printWarnings(run.result.warnings);
  if (flags.output === "json") process.stdout.write(await renderJson(report.whatIfJson(run)));
  else if (flags.output === "text") process.stdout.write(report.renderWhatIfText(run, await renderPlan(run, { ...flags, applyMode: "client" }), colorEnabled(process.stdout, flags.color)));
  else if (flags.output === "markdown") process.stdout.write(report.renderWhatIfMarkdown(run, await renderPlan(run, { ...flags, applyMode: "client" })));
  else process.stdout.write(await renderPlan(run, { ...flags, applyMode: "client" }));
  if (run.result.summary.errors > 0 || !run.completed) return 1;
  return flags.detailedExitcode && run.changePlan.hasChanges ? 2 : 0;
}

interface FixFlags extends Pick<ValidateFlags, "config" | "kubernetesVersion" | "skipKinds" | "crds" | "schemaLocation" | "maxFileSize" | "followExternalSymlinks"> {
  dryRun?: boolean;
}

/**
 * Files are fixed in place; standard input is fixed to standard output (what
 * was done then goes to stderr). With --dry-run, each file's diff is printed
 * instead. Exit 1 when errors are left.
 */
async function runFix(paths: string[], flags: FixFlags): Promise<number> {
  const options = validateOptions({ ...flags, output: "text", color: false }, await readConfig(flags));
  const [{ fixFiles }, report, { escapeControl }] = await Promise.all([import("./fix/index.js"), import("./report/fix-text.js"), import("./report/terminal-safe.js")]);
  const run = await fixFiles(defaultPaths(paths), options);
  const fromStdin = run.files.some((file) => file.file === "<stdin>");
  const log = (text: string) => (fromStdin && !flags.dryRun ? process.stderr : process.stdout).write(text);
  for (const problem of run.problems) process.stderr.write(`kubeplan: ${escapeControl(problem)}\n`);
  for (const file of run.files) {
    if (flags.dryRun) process.stdout.write(report.renderFixDiff(file));
    else if (file.file === "<stdin>") process.stdout.write(file.after);
    else if (file.after !== file.before) writeFileSync(file.file, file.after);
  }
  if (!flags.dryRun) log(report.renderFixesMade(run));
  log(report.renderFixSummary(run, flags.dryRun ?? false));
  return run.problems.length > 0 || run.files.some((file) => file.remaining.some((f) => f.severity === "error")) ? 1 : 0;
}

async function runRules(): Promise<number> {
  const rules = await ruleCatalog();
  const width = maxOf(rules.map((r) => r.id.length));
  const lines = rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name("kubeplan")
    .description("Validate Kubernetes manifests and plan what applying them would do, offline.")
    .version(packageVersion(), "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("validate")
    .description("check manifests against the Kubernetes schemas and semantic rules")
    .argument("[paths...]", "files, directories (searched for *.yaml, *.yml, *.json) or - for standard input")
    .addOption(sharedOption.output())
    .addOption(sharedOption.kubernetesVersion("validate"))
    .addOption(sharedOption.ignoreMissingSchemas())
    .addOption(sharedOption.skipKinds())
    .addOption(sharedOption.reject())
    .addOption(sharedOption.ignoreFilenamePattern())
    .addOption(sharedOption.crds())
    .addOption(sharedOption.schemaLocation())
    .addOption(sharedOption.config())
    .addOption(sharedOption.maxFileSize())
    .addOption(sharedOption.followExternalSymlinks())
    .option("--summary", "print only the summary line")
    .option("--quiet", "print only errors")
    .addOption(sharedOption.noColor())
    .action(async (paths: string[], flags: ValidateFlags) => setExitCode(await runValidate(paths, flags)));

  program
    .command("plan")
    .description("show what applying the manifests would do: admission, scheduling and the changes to the cluster")
    .argument("[paths...]", "files, directories (searched for *.yaml, *.yml, *.json) or - for standard input")
    .addOption(sharedOption.cluster())
    .addOption(sharedOption.output("output format (sarif, junit, github and tap hold the findings)"))
    .addOption(sharedOption.kubernetesVersion("cluster"))
    .option("-n, --namespace <namespace>", "namespace of namespaced objects that don't name one", undefined)
    .addOption(sharedOption.crds())
    .addOption(sharedOption.schemaLocation())
    .addOption(sharedOption.ignoreMissingSchemas())
    .addOption(sharedOption.skipKinds())
    .addOption(sharedOption.reject())
    .addOption(sharedOption.ignoreFilenamePattern())
    .addOption(sharedOption.config())
    .addOption(sharedOption.maxFileSize())
    .addOption(sharedOption.followExternalSymlinks())
    .option("--prune", "delete objects of the snapshot that the manifests no longer define (see --prune-selector)")
    .option("--prune-selector <selector>", "label selector of the objects --prune may delete (default: the app labels of the manifests)")
    .addOption(sharedOption.diff())
    .addOption(sharedOption.showUnchanged())
    .addOption(sharedOption.showSecrets())
    .addOption(new Option("--apply-mode <mode>", "how the manifests are applied: client (kubectl apply), server-side (server-side apply) or replace (kubectl replace)").choices([...APPLY_MODES]).default("client"))
    .option("--field-manager <name>", "the field manager of the apply (default: kubectl's for the mode)")
    .option("--force-conflicts", "server-side apply takes over fields other managers own instead of failing")
    .option("--detailed-exitcode", "exit 0 when nothing changes, 1 on errors, 2 when there are changes")
    .addOption(sharedOption.noColor())
    .action(async (paths: string[], flags: PlanFlags) => setExitCode(await runPlan(paths, flags)));

  program
    .command("what-if")
    .description("plan what kubectl commands (run, create, expose, scale, delete, cordon, uncordon, drain) would do to the cluster snapshot: kubeplan what-if --cluster DIR -- kubectl run nginx --image=nginx [-- kubectl ...]")
    .argument("<command...>", "after --: a kubectl command; several are separated by -- and run in order")
    .addOption(sharedOption.cluster())
    .addOption(sharedOption.output("output format (sarif, junit, github and tap hold the findings)"))
    .addOption(sharedOption.kubernetesVersion("cluster"))
    .addOption(sharedOption.crds())
    .addOption(sharedOption.config())
    .addOption(sharedOption.diff())
    .addOption(sharedOption.showUnchanged())
    .addOption(sharedOption.showSecrets())
    .option("--detailed-exitcode", "exit 0 when nothing changes, 1 on errors or a failed command, 2 when there are changes")
    .addOption(sharedOption.noColor())
    .action(async (words: string[], flags: WhatIfFlags) => setExitCode(await runWhatIf(words, flags)));

  program
    .command("fix")
    .argument("[paths...]", "files or directories (recursive), or - for stdin (the default when piped)")
    .description("fix the certain problems in place: misspelt keys, values of the wrong case, ... keeping comments and layout")
    .option("--dry-run", "print a unified diff of each file instead of writing it")
    .addOption(sharedOption.kubernetesVersion("validate"))
    .addOption(sharedOption.skipKinds())
    .addOption(sharedOption.crds())
    .addOption(sharedOption.schemaLocation())
    .addOption(sharedOption.config())
    .addOption(sharedOption.maxFileSize())
    .addOption(sharedOption.followExternalSymlinks())
    .action(async (paths: string[], flags: FixFlags) => setExitCode(await runFix(paths, flags)));

  program
    .command("rules")
    .description("list every rule with its id, default severity and one line of help")
    .action(async () => setExitCode(await runRules()));

  return program;
}

/** kubeconform's flags (`-output json`, `-summary`, `-strict`) are answered with the kubeplan flag to use. */
function rejectKubeconformFlags(program: Command, args: readonly string[]): void {
  const command = program.commands.find((c) => c.name() === args[0]);
  if (!command) return;
  const long = new Set(command.options.map((o) => o.long?.replace(/^--/, "")).filter((name): name is string => name !== undefined));
  const short = new Set(command.options.map((o) => o.short?.replace(/^-/, "")).filter((name): name is string => name !== undefined));
  const hint = kubeconformFlagHint(args.slice(1), { long, short });
  if (hint) throw new UsageError(hint);
}

/**
 * The YAML parser reads `process.env.LOG_TOKENS` for every token, and Node's
 * `process.env` reads the real environment on each access: a plain copy makes
 * parsing about a fifth faster. The command line never changes its environment.
 */
export function useEnvironmentCopy(): void {
  process.env = { ...process.env };
}

/**
 * `kubeplan validate k8s/ | head`: a reader that stops early closes the pipe.
 * The run then ends as it would have, with its exit code, without a trace.
 */
export function endQuietlyOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") process.exitCode = 1;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  useEnvironmentCopy();
  endQuietlyOnClosedOutput();
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  try {
    rejectKubeconformFlags(program, argv.slice(2));
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`kubeplan: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`kubeplan: internal error: ${message}\n`);
    if (process.env.KUBEPLAN_DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    return 1;
  }
}
