// Node's modules that only some runs need, loaded when first used: loading
// crypto, net, os or worker_threads costs every start-up a few milliseconds,
// and most runs check no certificate, IP address or CRD and start no thread.
import { createRequire } from "node:module";

const requireBuiltin = createRequire(import.meta.url);

export const crypto = (): typeof import("node:crypto") => requireBuiltin("node:crypto");
export const net = (): typeof import("node:net") => requireBuiltin("node:net");
export const os = (): typeof import("node:os") => requireBuiltin("node:os");
export const workerThreads = (): typeof import("node:worker_threads") => requireBuiltin("node:worker_threads");
