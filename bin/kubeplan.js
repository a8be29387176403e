#!/usr/bin/env node
import { buildIfNeeded } from "./build-if-needed.js";

try {
  buildIfNeeded();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const { main } = await import("../dist/cli.js");
process.exitCode = await main(process.argv);
