// Shared helpers of the diff tests: fixtures as the loader reads them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { planChanges, type DiffInput } from "../../src/diff/index.js";
import { loadText } from "../../src/load/index.js";
import type { KubeObject } from "../../src/types.js";

const here = dirname(fileURLToPath(import.meta.url));

export function fixturePath(name: string): string {
  return join(here, "fixtures", name);
}

/** The objects of a YAML text, as the loader gives them (Lists flattened). */
export function objectsOf(text: string, file = "test.yaml"): KubeObject[] {
  const loaded = loadText(text, file);
  if (loaded.findings.length > 0) throw new Error(`fixture ${file} does not load: ${loaded.findings.map((f) => f.message).join("; ")}`);
  return loaded.documents.map((d) => d.object);
}

export function fixtureObjects(name: string): KubeObject[] {
  return objectsOf(readFileSync(fixturePath(name), "utf8"), name);
}

/** Plans `desired` (YAML) against `current` (YAML) with the defaults of the tests. */
export function planYaml(desired: string, current: string, options: Partial<DiffInput> = {}) {
  return planChanges({
    desired: objectsOf(desired).map((object) => ({ object })),
    current: objectsOf(current),
    kubernetesVersion: "1.36",
    ...options,
  });
}

/** A copy without kubectl's last-applied annotation (objects created by `kubectl create` or an operator). */
export function withoutLastApplied(objects: KubeObject[]): KubeObject[] {
  return objects.map((object) => {
    const copy = structuredClone(object);
    delete copy.metadata?.annotations?.["kubectl.kubernetes.io/last-applied-configuration"];
    return copy;
  });
}
