// What a validation worker thread runs when kubeplan runs from its bundle:
// dist/bundle/worker.cjs with its code cache (bin/load-bundle.js), instead of
// compiling the worker's code anew in every thread of every run.
const { workerData } = require("node:worker_threads");
// At once, or the main thread's young generation grows meanwhile (bin/compiler-flags.js).
require("./compiler-flags.js").setCompilerFlagsAgain(workerData.variant);
require("./load-bundle.js").loadWorker(workerData.dir, workerData.variant);
