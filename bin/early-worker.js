// The validation worker of a run over large inputs, started as the process
// starts. A worker thread takes a tenth of a second or more to start Node and
// load worker.cjs; started here, it does so while the main thread loads the
// command line and reads the inputs, instead of after. The run takes it
// (src/validate/parallel.ts), or ends it if it needs no second thread after
// all (most of the inputs define CRDs, or files are skipped).
const { availableParallelism } = require("node:os");
const { largeInputs, smallInputs } = require("./input-scale.js");

/** The threads validate runs on: KUBEPLAN_THREADS, or one per core (src/cli.ts, src/validate/parallel.ts). */
function validateThreads() {
  const value = Number(process.env.KUBEPLAN_THREADS);
  return Number.isInteger(value) && value > 0 ? value : availableParallelism();
}

/**
 * For `validate` over large inputs on more than one thread, starts the
 * worker that runs `entry` with `workerData`; returns it with whether it has
 * ended (`exited`), or undefined when the run will not want it.
 */
function startEarlyWorker(args, entry, workerData) {
  if (args[0] !== "validate" || validateThreads() < 2 || smallInputs(args) || !largeInputs(args)) return undefined;
  const { Worker } = require("node:worker_threads");
  const started = { worker: new Worker(entry, { workerData }), exited: false };
  // Never what keeps the process alive: a run that does not take it exits all the same.
  started.worker.unref();
  started.worker.once("exit", () => (started.exited = true));
  // An error that ends it is met by the run that takes it: its requests fail.
  started.worker.on("error", () => undefined);
  return started;
}

module.exports = { startEarlyWorker };
