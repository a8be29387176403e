// How V8 compiles a validate run. A run is short and runs a wide spread of
// code (every check of every kind met) a few thousand times: inlining callees
// into the optimized code costs V8's optimizing compiler, on a background
// thread, nearly as much CPU as the run itself on 10,000 documents, and saves less
// than it costs (without it, 10,000 documents take a fifth less CPU; a function
// that stays hot runs under a tenth slower). The flags are set before any of
// kubeplan's code is compiled: V8 uses a code cache only under the flags it
// was made with (bin/load-bundle.js).

/** The commands that run under flags of their own, and the name of their code caches. */
const SHORT_RUNS = new Set(["validate"]);

/** Sets V8's flags for the command (`args[0]`); returns the name of its caches, or undefined for the default flags. */
function setCompilerFlags(args) {
  if (!SHORT_RUNS.has(args[0])) return undefined;
  // V8's flags are the whole process's, worker threads included.
  require("node:v8").setFlagsFromString("--no-turbo-inlining");
  return "short-runs";
}

module.exports = { setCompilerFlags };
