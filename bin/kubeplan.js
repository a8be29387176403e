#!/usr/bin/env node
import { readFileSync } from "node:fs";

/** `kubeplan --version` alone is answered from package.json: nothing else needs loading. */
function versionOnly(args) {
  return args.length === 1 && (args[0] === "--version" || args[0] === "-V");
}

if (versionOnly(process.argv.slice(2))) {
  const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${version}\n`);
} else {
  const { buildIfNeeded } = await import("./build-if-needed.js");
  try {
    buildIfNeeded();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const { main } = await import("../dist/cli.js");
  process.exitCode = await main(process.argv);
}
