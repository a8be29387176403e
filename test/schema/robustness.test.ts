// Malformed objects never make the schema layer throw: wrong types anywhere,
// odd keys, deep nesting. Each still gets findings rather than a crash.
import { describe, expect, test } from "vitest";
import type { KubeObject, ManifestDocument } from "../../src/types.js";
import { createSchemaValidator } from "../../src/schema/index.js";
import { documentsOf } from "./helpers.js";

/** A document without source positions, for objects YAML could not easily produce. */
function bare(object: KubeObject): ManifestDocument {
  return { file: "x.yaml", index: 0, pointerPrefix: "", object, locate: () => ({ line: 1, column: 1 }) };
}

const WEIRD_VALUES: unknown[] = [null, 0, -1.5, true, "", "text", [], [null], [[1]], {}, { "": "" }, { __proto__: 1 }, { constructor: 1 }];

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = { [`k${i}`]: [value] };
  return value;
}

describe("robustness", () => {
  const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
  const kinds: Array<[string, string]> = [
    ["apps/v1", "Deployment"],
    ["v1", "Pod"],
    ["v1", "Service"],
    ["v1", "Secret"],
    ["apiextensions.k8s.io/v1", "CustomResourceDefinition"],
    ["batch/v1", "CronJob"],
  ];
  const fields = ["metadata", "spec", "status", "data", "template", "containers", "unknown"];

  test.each(kinds)("%s %s with a weird value at every top-level field", (apiVersion, kind) => {
    for (const field of fields) {
      for (const value of WEIRD_VALUES) {
        expect(() => validator.validate(bare({ apiVersion, kind, [field]: value }))).not.toThrow();
      }
    }
  });

  test("weird values deep in a pod spec", () => {
    for (const value of WEIRD_VALUES) {
      const pod = { apiVersion: "v1", kind: "Pod", spec: { containers: [{ name: "a", image: "b", env: value, resources: { limits: value }, ports: [value] }], volumes: value, affinity: value } };
      expect(() => validator.validate(bare(pod as KubeObject))).not.toThrow();
    }
  });

  test("deep nesting under an open object and under a strict one", () => {
    expect(() => validator.validate(bare({ apiVersion: "apps/v1", kind: "ControllerRevision", data: nested(200) } as KubeObject))).not.toThrow();
    const findings = validator.validate(bare({ apiVersion: "v1", kind: "Pod", spec: nested(50) } as KubeObject));
    expect(findings.map((f) => f.rule)).toEqual(["schema/required", "schema/unknown-field"]);
  });

  test("odd field names are reported, not executed", () => {
    const [document] = documentsOf(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  constructor: x\n  "a/b~c": 1\n`);
    expect(validator.validate(document!).map((f) => [f.path, f.message])).toEqual([
      ["/metadata/constructor", 'metadata.constructor: unknown field "constructor"'],
      ["/metadata/a~1b~0c", 'metadata[a/b~c]: unknown field "a/b~c"'],
    ]);
  });

  test("non-string apiVersion or kind is left to the loader's checks", () => {
    expect(validator.validate(bare({ apiVersion: 5, kind: ["Pod"] } as unknown as KubeObject))).toEqual([]);
  });
});
