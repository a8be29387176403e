// YAML and JSON files that live beside manifests but are not Kubernetes
// objects: Kustomize and Helm inputs, CI and Compose files, package files.
// Recognised by name and place (never by reading them), each is skipped with
// one info finding instead of errors about a missing apiVersion or a Helm
// template's `{{ }}`.
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** File names that are never manifests, with what they are. */
const BY_NAME: ReadonlyArray<[RegExp, string]> = [
  [/^(kustomization\.ya?ml|Kustomization)$/, "a Kustomize kustomization (render it: kustomize build DIR | kubeplan validate -)"],
  [/^Chart\.(ya?ml|lock)$/, "a Helm chart's metadata"],
  [/^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/, "a Compose file"],
  [/^\.pre-commit-(config|hooks)\.ya?ml$/, "a pre-commit configuration"],
  [/^\.kubeplan\.ya?ml$/, "kubeplan's configuration"],
  [/^(package|package-lock|npm-shrinkwrap|composer|tsconfig(\.[\w.-]+)?|jsconfig)\.json$/, "a package or compiler configuration"],
  [/^\.gitlab-ci\.ya?ml$/, "a GitLab CI configuration"],
];

function hasChart(directory: string): boolean {
  return existsSync(join(directory, "Chart.yaml")) || existsSync(join(directory, "Chart.yml"));
}

/** The directories from the file's up to the root of the path as given. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let dir = dirname(path); !out.includes(dir); dir = dirname(dir)) out.push(dir);
  return out;
}

/** What the file is when it is not a manifest, or undefined. */
export function notAManifest(path: string): string | undefined {
  if (path === "-") return undefined;
  const name = basename(path);
  for (const [pattern, what] of BY_NAME) if (pattern.test(name)) return what;
  const slashed = path.replace(/\\/g, "/");
  if (/(^|\/)\.github\/workflows\/[^/]+$/.test(slashed)) return "a GitHub Actions workflow";
  const directory = dirname(path);
  if (/^values([.-][\w.-]*)?\.ya?ml$/.test(name) && hasChart(directory)) return "a Helm chart's values";
  // A chart's templates/ (and their subdirectories): Go templates, not YAML yet.
  for (const dir of ancestors(path)) {
    if (basename(dir) === "templates" && hasChart(dirname(dir))) {
      return "a Helm template (render the chart: helm template NAME CHART | kubeplan validate -)";
    }
  }
  return undefined;
}
