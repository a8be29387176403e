// kubectl's `-o yaml` (cli-runtime's YAMLPrinter): each object as
// sigs.k8s.io/yaml writes it, `---` before every object after the first.
// `kubectl run --expose` prints one more `---` of its own after the Service.
import type { KubeObject } from "../../types.js";
import { goYamlMarshal } from "./go-yaml.js";

export function printYaml(objects: readonly KubeObject[], extraSeparatorAfter?: number): string {
  return objects.map((object, i) => (i > 0 ? "---\n" : "") + goYamlMarshal(object) + (extraSeparatorAfter === i + 1 ? "---\n" : "")).join("");
}
