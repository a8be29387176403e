// kubectl's `-o yaml` (cli-runtime's YAMLPrinter): each object as
// sigs.k8s.io/yaml writes it, `---` before every object after the first.
import type { KubeObject } from "../../types.js";
import { goYamlMarshal } from "./go-yaml.js";

export function printYaml(objects: readonly KubeObject[]): string {
  return objects.map((object, i) => (i > 0 ? "---\n" : "") + goYamlMarshal(object)).join("");
}
