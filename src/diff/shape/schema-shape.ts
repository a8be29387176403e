// Reads list and map merge semantics out of a JSON schema (the kind's schema
// generated from the OpenAPI spec, or a CRD's openAPIV3Schema): the
// `x-kubernetes-list-map-keys`, `x-kubernetes-patch-merge-key`,
// `x-kubernetes-list-type` and `x-kubernetes-map-type` annotations.
import { isRecord, type JsonRecord } from "../../util/object-access.js";
import type { ShapeNode } from "../types.js";

type Schema = JsonRecord;

/** Resolves a `$ref` that does not point inside the root document (e.g. a shared definitions file). */
export type RefResolver = (ref: string) => object | undefined;

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
}

const LOCAL_REF = /^#\/(definitions|\$defs|components\/schemas)\/(.+)$/;

class SchemaShape implements ShapeNode {
  readonly listKeys?: readonly string[];
  readonly listType?: "atomic" | "set" | "map";
  readonly mapType?: "atomic" | "granular";
  readonly isMap: boolean;
  readonly retainKeys: boolean;
  private readonly children = new Map<string, ShapeNode | undefined>();
  private itemNode: ShapeNode | undefined | null = null;

  constructor(
    private readonly schema: Schema,
    private readonly context: ShapeContext,
  ) {
    const listKeys = stringList(schema["x-kubernetes-list-map-keys"]);
    const mergeKey = schema["x-kubernetes-patch-merge-key"];
    this.listKeys = listKeys ?? (typeof mergeKey === "string" ? [mergeKey] : undefined);
    const listType = schema["x-kubernetes-list-type"];
    if (listType === "atomic" || listType === "set" || listType === "map") this.listType = listType;
    else if (this.listKeys) this.listType = "map";
    const mapType = schema["x-kubernetes-map-type"];
    if (mapType === "atomic" || mapType === "granular") this.mapType = mapType;
    this.isMap = isRecord(schema.additionalProperties) && !isRecord(schema.properties);
    const strategy = schema["x-kubernetes-patch-strategy"];
    this.retainKeys = typeof strategy === "string" && strategy.split(",").includes("retainKeys");
  }

  field(name: string): ShapeNode | undefined {
    if (this.children.has(name)) return this.children.get(name);
    const properties = this.schema.properties;
    let child: ShapeNode | undefined;
    if (isRecord(properties) && isRecord(properties[name])) child = this.context.node(properties[name] as Schema);
    else if (isRecord(this.schema.additionalProperties)) child = this.item();
    this.children.set(name, child);
    return child;
  }

  item(): ShapeNode | undefined {
    if (this.itemNode === null) {
      const items = this.schema.items ?? this.schema.additionalProperties;
      this.itemNode = isRecord(items) ? this.context.node(items) : undefined;
    }
    return this.itemNode;
  }
}

/** Dereferences schemas of one document, and keeps one node per schema object. */
class ShapeContext {
  private readonly nodes = new WeakMap<Schema, ShapeNode>();

  constructor(
    private readonly root: Schema,
    private readonly resolveRef?: RefResolver,
  ) {}

  node(schema: Schema): ShapeNode {
    let node = this.nodes.get(schema);
    if (!node) {
      node = new SchemaShape(this.effective(schema), this);
      this.nodes.set(schema, node);
    }
    return node;
  }

  /** Follows `$ref` and single-entry `allOf`, keeping the annotations written next to them. */
  private effective(schema: Schema, depth = 0): Schema {
    if (depth > 32) return schema;
    let target: Schema | undefined;
    if (typeof schema.$ref === "string") target = this.resolve(schema.$ref);
    else if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && isRecord(schema.allOf[0])) target = schema.allOf[0] as Schema;
    if (!target) return schema;
    const resolved = this.effective(target, depth + 1);
    const own = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$ref" && key !== "allOf"));
    return { ...resolved, ...own };
  }

  private resolve(ref: string): Schema | undefined {
    const local = LOCAL_REF.exec(ref);
    if (local) {
      const [, section, name] = local as unknown as [string, string, string];
      const container = section === "components/schemas" ? (this.root.components as Schema | undefined)?.schemas : this.root[section];
      const found = isRecord(container) ? container[name] : undefined;
      if (isRecord(found)) return found;
    }
    const external = this.resolveRef?.(ref);
    return isRecord(external) ? external : undefined;
  }
}

/** The shape of a resolved JSON schema; `$ref`s resolve against its `definitions`/`$defs`, then `resolveRef`. */
export function shapeFromSchema(schema: object, resolveRef?: RefResolver): ShapeNode {
  const root = schema as Schema;
  return new ShapeContext(root, resolveRef).node(root);
}
