// loadKindSchema: the resolved schema the diff stage walks to align lists.
import { describe, expect, test } from "vitest";
import { loadKindSchema } from "../../src/schema/index.js";

interface Node {
  type?: string | string[];
  format?: string;
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: boolean | Node;
  [extension: string]: unknown;
}

function at(schema: object | undefined, ...path: string[]): Node {
  let node = schema as Node;
  for (const step of path) node = (step === "[]" ? node.items : node.properties?.[step]) as Node;
  return node;
}

describe("loadKindSchema", () => {
  const deployment = loadKindSchema("1.36", "apps/v1", "Deployment");

  test("list merge keys are kept", () => {
    const containers = at(deployment, "spec", "template", "spec", "containers");
    expect(containers["x-kubernetes-patch-merge-key"]).toBe("name");
    expect(containers["x-kubernetes-patch-strategy"]).toBe("merge");
    expect(containers["x-kubernetes-list-map-keys"]).toEqual(["name"]);
    expect(containers["x-kubernetes-list-type"]).toBe("map");
    expect(at(deployment, "spec", "template", "spec", "containers", "[]", "ports")["x-kubernetes-list-map-keys"]).toEqual(["containerPort", "protocol"]);
    expect(at(deployment, "spec", "selector")["x-kubernetes-map-type"]).toBe("atomic");
  });

  test("references are resolved and shared", () => {
    expect(at(deployment, "metadata", "name")).toEqual({ type: "string" });
    expect(at(deployment, "spec", "template", "metadata")).toBe(at(deployment, "metadata"));
    expect(at(deployment, "spec", "template", "spec", "containers", "[]", "resources", "limits").additionalProperties).toEqual({ type: ["string", "number"], format: "quantity" });
  });

  test("objects are strict, maps are open", () => {
    expect(at(deployment, "spec").additionalProperties).toBe(false);
    expect(at(deployment, "metadata", "labels").additionalProperties).toEqual({ type: "string" });
  });

  test("cached: the same object on each call", () => {
    expect(loadKindSchema("v1.36", "apps/v1", "Deployment")).toBe(deployment);
  });

  test("recursive CRD schemas point back at themselves", () => {
    const crd = loadKindSchema("1.36", "apiextensions.k8s.io/v1", "CustomResourceDefinition");
    const schema = at(crd, "spec", "versions", "[]", "schema", "openAPIV3Schema");
    expect(at(schema, "properties").additionalProperties).toBe(schema);
  });

  test("unknown kinds have no schema", () => {
    expect(loadKindSchema("1.36", "v1", "Deployment")).toBeUndefined();
    expect(loadKindSchema("1.36", "example.com/v1", "Widget")).toBeUndefined();
  });
});
