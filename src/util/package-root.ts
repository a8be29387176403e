// The package's own files (package.json, schemas/) are found from wherever its
// code runs: src/ under test, dist/ as compiled, or a chunk of dist/bundle/.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The directory holding kubeplan's package.json: the nearest one above this module. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return (root = dir);
}
