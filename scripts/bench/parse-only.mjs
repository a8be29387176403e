// The floor: read the same files and parse them with `yaml` alone, as a whole
// process, so that start-up counts the same way for both sides. Directories are
// searched recursively for *.yaml, *.yml and *.json, as kubeplan does.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith("."))
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return files(child);
      return /\.(ya?ml|json)$/.test(name) ? [child] : [];
    });
}

let documents = 0;
for (const path of process.argv.slice(2).flatMap(files)) {
  for (const doc of parseAllDocuments(readFileSync(path, "utf8"))) {
    if (doc.contents === null) continue;
    doc.toJS();
    documents++;
  }
}
process.stdout.write(`${documents}\n`);
