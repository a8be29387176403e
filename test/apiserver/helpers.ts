// Runs the API server's create path on YAML text, the way `validate` does, and
// returns its findings in brief.
import { loadText } from "../../src/load/index.js";
import type { Finding } from "../../src/types.js";
import { createPathFindings } from "../../src/validate/create-path.js";
import { compareFindings } from "../../src/validate/findings.js";
import { brief, yaml, type Brief } from "../rules/helpers.js";

export { yaml };

export function createPathOf(text: string, kubernetesVersion = "1.36"): Finding[] {
  const { documents, findings } = loadText(text, "test.yaml");
  if (findings.length > 0) throw new Error("test YAML does not load: " + findings.map((f) => f.message).join("; "));
  return documents.flatMap((document) => createPathFindings(document, [], { kubernetesVersion })).sort(compareFindings);
}

/** The create path's findings in brief (severity, line, column, message, suggestion). */
export function createPath(text: string, kubernetesVersion = "1.36"): Brief[] {
  return brief(createPathOf(text, kubernetesVersion));
}

/** Only the messages, for tables that do not test positions. */
export function createPathMessages(text: string, kubernetesVersion = "1.36"): string[] {
  return createPathOf(text, kubernetesVersion).map((finding) => finding.message);
}
