// The cost of a CEL rule as cel-go's checker estimates it (checker/cost.go,
// with Kubernetes' library estimates from k8s.io/apiserver pkg/cel/library/cost.go),
// over the AST @marcbachmann/cel-js parses. Only the maximum is kept: the
// API server compares it with its limits. Given the types of the schema it
// is the static estimate the API server refuses CRDs by; given the types of
// an actual value it bounds what evaluating the rule on that value costs.
import type { ASTNode } from "@marcbachmann/cel-js";
import { DYN, type CelType } from "./types.js";

const MAX_UINT64 = 18446744073709551615;
const STRING_TRAVERSAL = 0.1;
const REGEX_STRING_LENGTH = 0.25;
const LIST_CREATE = 10;
const MAP_CREATE = 30;

interface Estimate {
  cost: number;
  /** Largest size of the result (characters, items, entries); 1 for scalars. */
  size: number;
  type: CelType;
}

const clamp = (value: number): number => (value > MAX_UINT64 || !Number.isFinite(value) ? MAX_UINT64 : value);
const add = (...values: number[]): number => clamp(values.reduce((a, b) => a + b, 0));
const factor = (size: number, f: number): number => clamp(Math.ceil(size * f));
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : clamp(a * b));

const scalar = (cost: number, kind: CelType["kind"] = "dyn"): Estimate => ({ cost, size: 1, type: { kind, maxElements: 1, minSerializedSize: 1 } });
const sized = (cost: number, size: number, kind: CelType["kind"]): Estimate => ({ cost, size, type: { kind, maxElements: size, minSerializedSize: 1 } });

function literal(node: ASTNode): Estimate {
  const value = node.args as unknown;
  if (typeof value === "string") return sized(0, [...value].length, "string");
  if (value instanceof Uint8Array) return sized(0, value.length, "bytes");
  return scalar(0, typeof value === "bigint" ? "int" : typeof value === "number" ? "double" : typeof value === "boolean" ? "bool" : "dyn");
}

/** A map's keys: Kubernetes declares them as a string type of no size, so the estimate counts them as empty. */
const KEY: CelType = { kind: "string", maxElements: 0, minSerializedSize: 2 };

const fromType = (type: CelType, cost: number): Estimate => ({ cost, size: type.maxElements, type });

/** The type of a field of an object or of a map's values. */
function member(type: CelType, name: string | undefined): CelType {
  if (name !== undefined && type.fields?.has(name)) return type.fields.get(name)!;
  return type.elem ?? DYN;
}

class Coster {
  private readonly scopes: Array<Map<string, CelType>> = [];

  constructor(
    private readonly variables: Map<string, CelType>,
    private readonly sizes: Sizes,
  ) {}

  private lookup(name: string): CelType | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i]!.get(name);
    return this.variables.get(name);
  }

  private withScope<T>(bindings: Map<string, CelType>, run: () => T): T {
    this.scopes.push(bindings);
    try {
      return run();
    } finally {
      this.scopes.pop();
    }
  }

  estimate(node: ASTNode): Estimate {
    switch (node.op) {
      case "value":
        return literal(node);
      case "id":
        return fromType(this.lookup(node.args as string) ?? DYN, 1);
      case ".":
      case ".?": {
        const [operand, field] = node.args as [ASTNode, string];
        const inner = this.estimate(operand);
        return fromType(member(inner.type, field), add(inner.cost, 1));
      }
      case "[]":
      case "[?]": {
        const [operand, index] = node.args as [ASTNode, ASTNode];
        const inner = this.estimate(operand);
        const key = this.estimate(index);
        const name = index.op === "value" && typeof index.args === "string" ? (index.args as string) : undefined;
        return fromType(member(inner.type, name), add(inner.cost, key.cost, 1));
      }
      case "list": {
        const items = (node.args as ASTNode[]).map((item) => this.estimate(item));
        const elem = items.reduce<CelType | undefined>((a, b) => (a && a.maxElements >= b.size ? a : { ...b.type, maxElements: b.size }), undefined);
        return { cost: add(LIST_CREATE, ...items.map((i) => i.cost)), size: items.length, type: { kind: "list", maxElements: items.length, minSerializedSize: 2, ...(elem ? { elem } : {}) } };
      }
      case "map": {
        const entries = (node.args as Array<[ASTNode, ASTNode]>).flatMap(([k, v]) => [this.estimate(k), this.estimate(v)]);
        return { cost: add(MAP_CREATE, ...entries.map((e) => e.cost)), size: entries.length / 2, type: { kind: "map", maxElements: entries.length / 2, minSerializedSize: 2 } };
      }
      case "&&":
      case "||": {
        const [a, b] = (node.args as [ASTNode, ASTNode]).map((arg) => this.estimate(arg)) as [Estimate, Estimate];
        return scalar(add(a.cost, b.cost), "bool");
      }
      case "?:": {
        const [c, t, f] = (node.args as [ASTNode, ASTNode, ASTNode]).map((arg) => this.estimate(arg)) as [Estimate, Estimate, Estimate];
        const larger = t.size >= f.size ? t : f;
        return { cost: add(c.cost, Math.max(t.cost, f.cost)), size: Math.max(t.size, f.size), type: larger.type };
      }
      case "!_":
      case "-_": {
        const inner = this.estimate(node.args as ASTNode);
        return { ...inner, cost: add(inner.cost, 1) };
      }
      case "call":
        return this.call(node.args[0] as string, undefined, node.args[1] as ASTNode[]);
      case "rcall":
        return this.call(node.args[0] as string, node.args[1] as ASTNode, node.args[2] as ASTNode[]);
      default:
        return this.binary(node.op, node.args as [ASTNode, ASTNode]);
    }
  }

  private binary(op: string, args: [ASTNode, ASTNode]): Estimate {
    const [a, b] = args.map((arg) => this.estimate(arg)) as [Estimate, Estimate];
    const argCost = add(a.cost, b.cost);
    const isText = (e: Estimate) => e.type.kind === "string" || e.type.kind === "bytes";
    switch (op) {
      case "==":
      case "!=":
        return scalar(add(factor(Math.min(a.size, b.size), STRING_TRAVERSAL), argCost), "bool");
      case "<":
      case "<=":
      case ">":
      case ">=":
        return scalar(add(isText(a) ? factor(Math.min(a.size, b.size), STRING_TRAVERSAL) : 1, argCost), "bool");
      case "in":
        return scalar(add(b.type.kind === "list" ? b.size : 1, argCost), "bool");
      case "+": {
        const size = add(a.size, b.size);
        if (isText(a)) return { cost: add(factor(size, STRING_TRAVERSAL), argCost), size, type: { ...a.type, maxElements: size } };
        if (a.type.kind === "list") return { cost: add(1, argCost), size, type: { ...a.type, maxElements: size } };
        return { ...a, cost: add(1, argCost) };
      }
      default:
        return { ...a, size: 1, cost: add(1, argCost) };
    }
  }

  /** A macro over a list or map: the range, then its body once per element. */
  private comprehension(name: string, target: ASTNode, args: ASTNode[]): Estimate | undefined {
    const vars = args.slice(0, -1);
    if (!vars.every((v) => v.op === "id")) return undefined;
    const range = this.estimate(target);
    const elem = range.type.elem ?? DYN;
    const key: CelType = range.type.kind === "list" ? { kind: "int", maxElements: 1, minSerializedSize: 1 } : KEY;
    const bindings = new Map<string, CelType>();
    // One variable: the element (a map's key); two: the index (key) and the element (value).
    const twoVariables = name === "transformList" || name === "transformMap" || name === "transformMapEntry" ? vars.length === 2 : vars.length === 2 && (name === "all" || name === "exists" || name === "exists_one");
    if (twoVariables) {
      bindings.set(vars[0]!.args as string, key);
      bindings.set(vars[1]!.args as string, elem);
    } else if (vars.length >= 1) {
      bindings.set(vars[0]!.args as string, range.type.kind === "list" ? elem : key);
    }
    const bodyArgs = twoVariables ? args.slice(2) : args.slice(1);
    const bodies = this.withScope(bindings, () => bodyArgs.map((arg) => this.estimate(arg)));
    const body = add(...bodies.map((b) => b.cost));
    // Per element: the loop condition and step cel-go's macros expand to; then the result.
    const perElement: Record<string, number> = { all: 3, exists: 4, exists_one: 2, map: 12, filter: 13, transformList: 12, transformMap: 12, transformMapEntry: 12 };
    const init = name === "map" || name === "filter" || name.startsWith("transform") ? LIST_CREATE : 0;
    const result = name === "exists_one" ? 2 : 1;
    const cost = add(range.cost, init, result, times(range.size, add(body, perElement[name] ?? 3)));
    if (name === "all" || name === "exists" || name === "exists_one") return scalar(cost, "bool");
    const last = bodies[bodies.length - 1]!;
    return { cost, size: range.size, type: { kind: range.type.kind === "list" || name === "map" || name === "filter" ? "list" : "map", maxElements: range.size, minSerializedSize: 2, elem: name === "filter" ? elem : last.type } };
  }

  private call(parsedName: string, target: ASTNode | undefined, args: ASTNode[]): Estimate {
    // has( and matches( reach cel-js renamed (source.ts).
    const name = parsedName.replace(/^__/, "");
    if (target && ["all", "exists", "exists_one", "map", "filter", "transformList", "transformMap", "transformMapEntry"].includes(name) && args.length >= 2) {
      const estimate = this.comprehension(name, target, args);
      if (estimate) return estimate;
    }
    if (name === "has" && !target) {
      // A presence test costs its operand only: Kubernetes sets PresenceTestHasCost(false).
      const selection = args[0]!;
      const operand = selection.op === "." || selection.op === ".?" ? (selection.args as [ASTNode, string])[0] : selection;
      return scalar(this.estimate(operand).cost, "bool");
    }
    if (name === "bind" && target?.op === "id" && target.args === "cel" && args.length === 3 && args[0]!.op === "id") {
      const value = this.estimate(args[1]!);
      const body = this.withScope(new Map([[args[0]!.args as string, value.type]]), () => this.estimate(args[2]!));
      return { ...body, cost: add(value.cost, body.cost) };
    }
    const self = target ? this.estimate(target) : undefined;
    const params = args.map((arg) => this.estimate(arg));
    const argCost = add(self?.cost ?? 0, ...params.map((p) => p.cost));
    return libraryCall(name, self, params, argCost, this.sizes);
  }
}

/** What a function call costs beyond its arguments, and the size of its result. */
function libraryCall(name: string, target: Estimate | undefined, args: Estimate[], argCost: number, sizes: Sizes): Estimate {
  const first = args[0];
  const subject = target ?? first;
  const text = (size: number) => sized(argCost, size, "string");
  switch (name) {
    case "isSorted": case "sum": case "max": case "min": case "indexOf": case "lastIndexOf":
      if (target && target.type.kind === "list") {
        const elem = target.type.elem;
        const elemCost = elem && (elem.kind === "string" || elem.kind === "bytes") ? add(1, factor(elem.maxElements, STRING_TRAVERSAL)) : 1;
        return scalar(add(times(target.size, elemCost), argCost), elem?.kind ?? "dyn");
      }
      if (target) return scalar(add(factor(target.size, STRING_TRAVERSAL), argCost), "int");
      break;
    case "url":
      if (first) return { ...sized(add(factor(first.size, STRING_TRAVERSAL), argCost), first.size, "dyn") };
      break;
    case "lowerAscii": case "upperAscii": case "substring": case "trim": case "reverse": case "quote":
      if (subject) return { ...text(subject.size), cost: add(factor(subject.size, STRING_TRAVERSAL), argCost) };
      break;
    case "replace":
      if (target) return { ...text(target.size), cost: add(factor(target.size, 2 * STRING_TRAVERSAL), argCost) };
      break;
    case "split":
      if (target) return { cost: add(factor(target.size, 2 * STRING_TRAVERSAL), argCost), size: target.size, type: { kind: "list", maxElements: target.size, minSerializedSize: 2, elem: { kind: "string", maxElements: target.size, minSerializedSize: 2 } } };
      break;
    case "join":
      if (target) {
        const size = add(times(target.size, target.type.elem?.maxElements ?? 1), times(first?.size ?? 0, Math.max(0, target.size - 1)));
        return { ...text(size), cost: add(factor(size, STRING_TRAVERSAL), argCost) };
      }
      break;
    case "matches": case "find": case "findAll":
      if (target && first) {
        const cost = times(factor(add(target.size, 1), STRING_TRAVERSAL), factor(first.size, REGEX_STRING_LENGTH));
        if (name === "matches") return scalar(add(cost, argCost), "bool");
        return { cost: add(cost, argCost), size: target.size, type: name === "find" ? { kind: "string", maxElements: target.size, minSerializedSize: 2 } : { kind: "list", maxElements: target.size, minSerializedSize: 2, elem: { kind: "string", maxElements: target.size, minSerializedSize: 2 } } };
      }
      if (!target && first && args[1]) return scalar(add(times(factor(add(first.size, 1), STRING_TRAVERSAL), factor(args[1].size, REGEX_STRING_LENGTH)), argCost), "bool");
      break;
    case "startsWith": case "endsWith":
      if (first) return scalar(add(factor(first.size, STRING_TRAVERSAL), argCost), "bool");
      break;
    case "contains":
      if (target && first && target.type.kind !== "list") return scalar(add(times(factor(target.size, STRING_TRAVERSAL), factor(first.size, STRING_TRAVERSAL)), argCost), "bool");
      if (!target && args.length === 2) return scalar(add(times(args[0]!.size, args[1]!.size), argCost), "bool");
      break;
    case "equivalent": case "intersects":
      if (args.length === 2) return scalar(add(times(args[0]!.size, args[1]!.size), argCost), "bool");
      break;
    case "cidr": case "isIP": case "isCIDR": case "ip": case "quantity": case "isQuantity": case "semver": case "isSemver":
      if (first) return scalar(add(factor(first.size, STRING_TRAVERSAL), argCost));
      break;
    case "validate":
      if (first) return scalar(add(factor(factor(first.size, STRING_TRAVERSAL), 128 * REGEX_STRING_LENGTH), argCost));
      break;
    case "format":
      if (target) return { ...text(target.size), cost: add(factor(target.size, STRING_TRAVERSAL), argCost) };
      break;
    case "string": case "bytes":
      // string(string) has no cost function of its own: the checker knows no size of its result.
      if (first && name === "string" && first.type.kind === "string") return sized(add(1, argCost), sizes === "static" ? MAX_UINT64 : first.size, "string");
      if (first) return { ...sized(add(factor(first.size, STRING_TRAVERSAL), argCost), first.type.kind === "string" || first.type.kind === "bytes" ? first.size : 20, name === "string" ? "string" : "bytes") };
      break;
    case "dyn":
      if (first) return { ...first, cost: add(1, argCost) };
      break;
    case "size":
      return scalar(add(1, argCost), "int");
    case "value": case "orValue":
      if (target) return { ...(name === "orValue" && first && first.size > target.size ? first : target), cost: add(1, argCost) };
      break;
    case "slice": case "flatten": case "sort": case "sortBy": case "distinct":
      if (target) return { ...target, cost: add(target.size, argCost) };
      break;
  }
  return scalar(add(1, argCost));
}

/**
 * "static": the checker's estimate from a schema's types; "actual": a bound of
 * evaluating on values of these types, where a result's size is the value's.
 */
export type Sizes = "static" | "actual";

/** The largest cost of evaluating the expression once, with these variables' types. */
export function estimateCost(ast: ASTNode, variables: Map<string, CelType>, sizes: Sizes): number {
  return new Coster(variables, sizes).estimate(ast).cost;
}
