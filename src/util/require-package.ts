// The packages kubeplan requires by name when a run needs them (ajv for
// CRDs' schemas, cel-js for their rules, re2js for their patterns, asn1js for
// certificates). In the bundle they come from a script of their own
// (dist/bundle/packages.cjs, see bin/bundle.js), run with V8's code cache:
// loading them from node_modules compiles them anew on every run.
import { createRequire } from "node:module";

/** Given to the bundle by bin/load-bundle.js: a package from packages.cjs, or undefined when it holds none of that name. */
declare const kubeplanRequirePackage: ((name: string) => unknown) | undefined;

const requireFromHere = createRequire(import.meta.url);

/** What `require(name)` returns for one of the packages of bin/bundle.js's PACKAGES. */
export function requirePackage<T>(name: string): T {
  const bundled = typeof kubeplanRequirePackage === "function" ? kubeplanRequirePackage(name) : undefined;
  return (bundled ?? requireFromHere(name)) as T;
}
