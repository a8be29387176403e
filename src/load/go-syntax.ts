// Go's `%#v` of the value go-yaml v2 decodes from a YAML node into an
// interface{}, as kubectl's YAML errors print keys and values: maps as
// `map[interface {}]interface {}{...}` with their entries sorted as fmt sorts
// them, lists as `[]interface {}{...}`, strings quoted, a uint64 in hex, nil
// inside a collection as `interface {}(nil)`. The text is cut after a limit,
// and so is the work: each node walked writes to it.
import { isAlias, isMap, isNode, isScalar, isSeq, visit, type Document, type Node, type Pair } from "yaml";
import { goQuote } from "../util/go-quote.js";
import { formatFloatG } from "../util/go-strconv.js";
import { compareStrings } from "../util/order.js";
import { goDecoded, type GoScalar } from "./go-scalars.js";
import { FLOAT_TAG } from "./go-tags.js";

/** The nodes of the document by anchor, as defined before the node printed (an alias names the last one). */
export type Anchors = ReadonlyMap<string, Node>;

/** The most entries of one map sorted for printing; a map with more prints as `...`. */
const MOST_SORTED = 10_000;

/** fmt's order of the dynamic types of a map's keys, as kubectl's binary sorts them (nil first). */
const TYPE_ORDER: Record<GoScalar["type"], number> = { nil: 0, string: 1, uint64: 2, int: 3, float64: 4, bool: 5 };

/** A scalar node's Go value; a node with no scalar value of its own (a collection) is not one. */
export function scalarOf(node: unknown): GoScalar | undefined {
  if (node === null || node === undefined) return { type: "nil" };
  if (!isScalar(node)) return undefined;
  // `!!float 1` is a float64 whatever its text.
  if (node.tag === FLOAT_TAG && typeof node.value === "number") return { type: "float64", value: node.value };
  return goDecoded(node.value, typeof node.source === "string" ? node.source : undefined);
}

function scalarText(scalar: GoScalar, inside: boolean): string {
  switch (scalar.type) {
    case "nil":
      return inside ? "interface {}(nil)" : "<nil>";
    case "string":
      return goQuote(scalar.value);
    case "bool":
      return String(scalar.value);
    case "int":
      return String(scalar.value);
    case "uint64":
      return `0x${scalar.value.toString(16)}`;
    case "float64":
      return formatFloatG(scalar.value);
  }
}

/** internal/fmtsort's order of two keys (collections cannot be keys: go-yaml refuses them first). */
function compareKeys(a: GoScalar, b: GoScalar): number {
  if (a.type !== b.type) return TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
  switch (a.type) {
    case "string":
      return compareStrings(a.value, (b as typeof a).value);
    case "int":
    case "uint64": {
      const other = (b as typeof a).value;
      return a.value < other ? -1 : a.value > other ? 1 : 0;
    }
    case "float64": {
      const other = (b as typeof a).value;
      if (Number.isNaN(a.value)) return Number.isNaN(other) ? 0 : -1;
      if (Number.isNaN(other)) return 1;
      return a.value - other;
    }
    case "bool":
      return Number(a.value) - Number((b as typeof a).value);
    default:
      return 0;
  }
}

/** A Go map's identity of a key: entries with the same key replace each other, as go-yaml's decoding does. */
function keyIdentity(key: GoScalar): string {
  return key.type === "nil" ? "nil" : `${key.type}:${String(key.value)}`;
}

/** A plain `<<` key: go-yaml merges the mapping or mappings of its value in. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === "PLAIN" && (typeof key.value === "symbol" || key.value === "<<");
}

/** Writes Go syntax up to a limit; `full` turns false when the limit is reached. */
class GoWriter {
  out = "";
  full = false;
  constructor(
    private readonly limit: number,
    private readonly anchors: Map<string, Node>,
  ) {}

  write(text: string): boolean {
    this.out += text;
    if (this.out.length >= this.limit) this.full = true;
    return !this.full;
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? this.anchors.get(node.source) : node;
  }

  /** The entries of a mapping as go-yaml decodes them: merge keys (`<<`) merged in, a repeated key's last value kept. */
  private entries(map: { items: Pair[] }): Array<[GoScalar, unknown]> | undefined {
    const byKey = new Map<string, [GoScalar, unknown]>();
    const add = (source: { items: Pair[] }, depth: number): boolean => {
      for (const pair of source.items) {
        const key = this.resolve(pair.key);
        if (isMergeKey(key) && depth < 8) {
          const value = this.resolve(pair.value);
          const merged = isMap(value) ? [value] : isSeq(value) ? [...value.items].reverse().map((item) => this.resolve(item)) : [];
          for (const source of merged) if (isMap(source) && !add(source, depth + 1)) return false;
          continue;
        }
        const scalar = scalarOf(key);
        if (!scalar) return false;
        byKey.set(keyIdentity(scalar), [scalar, pair.value]);
        if (byKey.size > MOST_SORTED) return false;
      }
      return true;
    };
    if (!add(map, 0)) return undefined;
    return [...byKey.values()].sort((a, b) => compareKeys(a[0], b[0]));
  }

  /** Writes a node; returns false once the limit is reached. */
  node(raw: unknown, inside: boolean, depth = 0): boolean {
    const node = this.resolve(raw);
    if (depth > 100) return this.write("...") && false;
    if (isMap(node)) {
      const entries = this.entries(node);
      if (!entries) return this.write("map[interface {}]interface {}{...}") && false;
      if (!this.write("map[interface {}]interface {}{")) return false;
      for (let i = 0; i < entries.length; i++) {
        const [key, value] = entries[i]!;
        if ((i > 0 && !this.write(", ")) || !this.write(`${scalarText(key, true)}:`) || !this.node(value, true, depth + 1)) return false;
      }
      return this.write("}");
    }
    if (isSeq(node)) {
      if (!this.write("[]interface {}{")) return false;
      for (let i = 0; i < node.items.length; i++) {
        if ((i > 0 && !this.write(", ")) || !this.node(node.items[i], true, depth + 1)) return false;
      }
      return this.write("}");
    }
    return this.write(scalarText(scalarOf(node) ?? { type: "nil" }, inside));
  }
}

/**
 * Go's `%#v` of the value of `node`, cut after `limit` characters (then
 * ending in `...`). `anchors`: the anchors defined before the node.
 */
export function goSyntaxOfNode(node: unknown, anchors: Anchors, limit = 200): string {
  const known = new Map(anchors);
  // The node's own anchors, in document order: printing goes in fmt's order.
  if (isNode(node)) {
    visit(node, (_key, inner) => {
      if (isNode(inner) && inner.anchor) known.set(inner.anchor, inner);
    });
  }
  const writer = new GoWriter(limit, known);
  writer.node(node, false);
  return writer.full ? `${writer.out.slice(0, limit)}...` : writer.out;
}

/** Every anchor of a document, the last definition of a name kept. */
export function anchorsOf(doc: Document): Anchors {
  const anchors = new Map<string, Node>();
  visit(doc, (_key, node) => {
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
  });
  return anchors;
}
