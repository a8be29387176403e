// kubeconform's flags, as its users type them out of habit (one dash, Go
// style): each is answered with what to write for kubeplan, instead of
// commander's reading of `-output` as `-o utput`.

/** kubeconform flag (without dashes) → what kubeplan takes instead. */
const KUBECONFORM_FLAGS: Record<string, string> = {
  output: "-o/--output (text, json, sarif, junit, github, tap, markdown)",
  summary: "--summary",
  strict: "nothing: kubeplan is always strict (an unknown field is an error)",
  n: "KUBEPLAN_THREADS=N in the environment (kubeplan uses every core by default)",
  reject: "--reject",
  skip: "--skip-kinds",
  "kubernetes-version": "--kubernetes-version",
  "ignore-missing-schemas": "--ignore-missing-schemas",
  "ignore-filename-pattern": "--ignore-filename-pattern",
  "schema-location": "--schema-location",
  verbose: "nothing: kubeplan reports every finding (and --quiet only the errors)",
  "exit-on-error": "nothing: kubeplan reports every document",
  "insecure-skip-tls-verify": "nothing: kubeplan reads schemas from disk only",
  cache: "nothing: kubeplan reads schemas from disk only",
  debug: "KUBEPLAN_DEBUG=1 in the environment",
};

/** What a kubeplan command takes: its long option names and its one-letter ones. */
export interface OwnFlags {
  long: ReadonlySet<string>;
  short: ReadonlySet<string>;
}

function isOwn(arg: string, name: string, own: OwnFlags): boolean {
  return arg.startsWith("--") ? own.long.has(name) : name.length === 1 && own.short.has(name);
}

/**
 * A message for the first kubeconform-style flag among a command's
 * arguments that the command does not take itself, or undefined. Everything
 * after `--` is a path.
 */
export function kubeconformFlagHint(args: readonly string[], own: OwnFlags): string | undefined {
  for (const arg of args) {
    if (arg === "--") return undefined;
    const match = /^--?([a-z][a-z-]*)(?:=.*)?$/.exec(arg);
    if (!match) continue;
    const name = match[1]!;
    const hint = KUBECONFORM_FLAGS[name];
    if (hint === undefined || isOwn(arg, name, own)) continue;
    // A kubeplan flag this command does not take: commander's own error says so.
    if (hint.startsWith("--") && !own.long.has(hint.slice(2))) continue;
    return `unknown option '${arg}' (kubeconform's flag): kubeplan takes ${hint}`;
  }
  return undefined;
}
