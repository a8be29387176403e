// How V8 compiles a validate run. A run is short and runs a wide spread of
// code (every check of every kind met) a few thousand times: inlining callees
// into the optimized code costs V8's optimizing compiler, on a background
// thread, nearly as much CPU as the run itself on 10,000 documents, and saves less
// than it costs (without it, 10,000 documents take a fifth less CPU; a function
// that stays hot runs under a tenth slower).
import { setFlagsFromString } from "node:v8";

/** Set before the documents are checked; V8's flags are the whole process's, worker threads included. */
export function compileForShortRuns(): void {
  setFlagsFromString("--no-turbo-inlining");
}
