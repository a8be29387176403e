// Options that several commands take, defined once so that each reads the same
// in every command's help.
import { Option } from "commander";

export const OUTPUT_FORMATS = ["text", "json", "sarif", "junit", "github", "tap", "markdown"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(",").map((s) => s.trim()).filter(Boolean)];
}

const RELEASES = "(1.30 to 1.36; a newer one uses 1.36)";

/** Each shared option, made fresh for each command (commander keeps state on an Option). */
export const sharedOption = {
  output: (description = "output format") => new Option("-o, --output <format>", description).choices(OUTPUT_FORMATS).default("text"),
  /** `target` says what the release is of: what validate checks against, or the cluster plan models. */
  kubernetesVersion: (target: "validate" | "cluster") =>
    new Option(
      "--kubernetes-version <version>",
      target === "cluster" ? `Kubernetes release of the cluster ${RELEASES}` : `Kubernetes release to validate against ${RELEASES}`,
    ),
  cluster: () => new Option("--cluster <path>", "cluster snapshot (kubectl get ... -o yaml output; file or directory; repeatable)").argParser(repeatable),
  ignoreMissingSchemas: () => new Option("--ignore-missing-schemas", "do not report custom resources whose CRD is unknown"),
  skipKinds: () => new Option("--skip-kinds <kinds>", "comma-separated kinds to skip (Kind or apiVersion/Kind)").argParser(list),
  reject: () => new Option("--reject <kinds>", "comma-separated kinds that are an error (Kind or apiVersion/Kind)").argParser(list),
  ignoreFilenamePattern: () => new Option("--ignore-filename-pattern <regexp>", "leave out files whose path matches (repeatable)").argParser(repeatable),
  crds: () =>
    new Option("--crds <path>", "CustomResourceDefinitions to validate custom resources with (file or directory; repeatable)").argParser(repeatable),
  schemaLocation: () =>
    new Option("--schema-location <template>", "JSON schemas of custom resources on disk, as kubeconform's -schema-location (repeatable)").argParser(
      repeatable,
    ),
  config: () => new Option("--config <file>", "config file (default: .kubeplan.yaml found upward from the working directory)"),
  maxFileSize: () => new Option("--max-file-size <size>", "largest file read (default 64Mi)"),
  followExternalSymlinks: () => new Option("--follow-external-symlinks", "follow symbolic links that lead outside the given paths"),
  diff: () => new Option("--diff", "show a unified YAML diff of each changed object"),
  showUnchanged: () => new Option("--show-unchanged", "list the objects that would not change"),
  showSecrets: () => new Option("--show-secrets", "print Secret values instead of masking them"),
  noColor: () => new Option("--no-color", "no colours, even on a terminal or with FORCE_COLOR"),
};
