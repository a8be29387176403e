// How V8 compiles a validate run, and sizes its heap. A run is short and runs a wide spread of
// code (every check of every kind met) a few thousand times: inlining callees
// into the optimized code costs V8's optimizing compiler, on a background
// thread, nearly as much CPU as the run itself on 10,000 documents, and saves less
// than it costs (without it, 10,000 documents take a fifth less CPU; a function
// that stays hot runs under a tenth slower). Nor is a function optimized until
// it has run about 18 times as long as V8 waits by default (the interrupt
// budget): most of a run's functions are warm for a moment (one kind's checks,
// the YAML reader's rarer paths) and their optimized code would be done when
// the run is; on the kubernetes/examples manifests this takes a third off the
// CPU, and over a tenth on 10,000 documents. And the young generation of the
// heap keeps the size it starts with (1 MB a semi-space) instead of doubling
// as objects survive: a run's garbage is mostly short-lived, so a small young
// generation is collected as cheaply, and each page of memory a process first
// touches costs the kernel more than a collection of it (a tenth less CPU and
// a fifth less memory on 10,000 documents). Bytecode is kept, not flushed as
// it ages: a code cache is written from the functions that still have theirs
// (bin/load-bundle.js). The flags are set before any of kubeplan's code is
// compiled: V8 uses a code cache only under the flags it was made with.
// V8 sets the growth factor back to 2, its least, whenever it sets up a heap,
// a worker thread's too, and flags are the whole process's: from then on the
// main thread's young generation grew too (a third more memory on 10,000
// documents on two threads), and a code cache made or checked then was
// another set of flags' (two threads wrote caches one thread refused, and
// the other way round). So a validation worker sets it again first thing,
// and each code cache is read and made only once it is set again
// (setCompilerFlagsAgain).

/** The commands that run under flags of their own, and the name of their code caches. */
const SHORT_RUNS = new Set(["validate"]);

const { smallInputs } = require("./input-scale.js");

/** The flag a heap's set-up undoes. */
const YOUNG_GENERATION = "--semi-space-growth-factor=1";

/**
 * Sets V8's flags for the command (`args[0]`); returns the name of its
 * caches, or undefined for the default flags. A run over a few small files
 * has caches of its own (bin/input-scale.js).
 */
function setCompilerFlags(args) {
  if (!SHORT_RUNS.has(args[0])) return undefined;
  // V8's flags are the whole process's, worker threads included.
  require("node:v8").setFlagsFromString(`--no-turbo-inlining --interrupt-budget=1200000 ${YOUNG_GENERATION} --no-flush-bytecode`);
  return smallInputs(args) ? "short-runs.few-files" : "short-runs";
}

/** For a command that runs under flags of its own (`variant` set, in any thread): the flag a worker's heap set-up may have undone since. */
function setCompilerFlagsAgain(variant) {
  if (variant !== undefined) require("node:v8").setFlagsFromString(YOUNG_GENERATION);
}

module.exports = { setCompilerFlags, setCompilerFlagsAgain };
