// The baseline: read the same files and parse them with `yaml` alone, as a
// whole process, so that startup counts the same way for both sides.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const dir = process.argv[2];
let documents = 0;
for (const name of readdirSync(dir).sort()) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, name), "utf8"))) {
    doc.toJS();
    documents++;
  }
}
process.stdout.write(`${documents}\n`);
