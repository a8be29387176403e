// Whether a command works on a few small files, told from the paths on its
// command line before anything of kubeplan loads. Such a run compiles a
// small part of validate's code and a run over directories much more: each
// keeps code caches of its own (bin/compiler-flags.js), so that a small run
// does not load the code a large one needed.
const { statSync } = require("node:fs");

/** Up to this many bytes of files named one by one make a small run. */
const SMALL_INPUT_BYTES = 64 * 1024;

/** Whether the arguments after the command name files only (no directory, no standard input), SMALL_INPUT_BYTES at most in all. */
function smallInputs(args) {
  let files = 0;
  let bytes = 0;
  for (const arg of args.slice(1)) {
    if (arg === "-") return false;
    if (arg.startsWith("-")) continue;
    let stat;
    try {
      stat = statSync(arg, { throwIfNoEntry: false });
    } catch {
      continue;
    }
    // What names nothing is an option's value (`-o json`).
    if (stat === undefined) continue;
    if (!stat.isFile()) return false;
    files++;
    bytes += stat.size;
  }
  return files > 0 && bytes <= SMALL_INPUT_BYTES;
}

module.exports = { SMALL_INPUT_BYTES, smallInputs };
