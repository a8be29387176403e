// The cost of a CEL rule as cel-go's checker estimates it (checker/cost.go,
// with Kubernetes' library estimates from k8s.io/apiserver pkg/cel/library/cost.go),
// over the AST @marcbachmann/cel-js parses. Only the maximum is kept: the
// API server compares it with its limits. Given the types of the schema it
// is the static estimate the API server refuses CRDs by; given the types of
// an actual value it bounds what evaluating the rule on that value costs.
import type { ASTNode } from "@marcbachmann/cel-js";
import { DYN, evaluatedValueType, type CelType } from "./types.js";

const MAX_UINT64 = 18446744073709551615;
const STRING_TRAVERSAL = 0.1;
const REGEX_STRING_LENGTH = 0.25;
const LIST_CREATE = 10;
const MAP_CREATE = 30;

interface Estimate {
  cost: number;
  /** Largest size of the result (characters, items, entries); 1 for scalars. */
  size: number;
  /** Smallest size, where it is known (a literal's); 0 otherwise. */
  minSize?: number;
  type: CelType;
  /**
   * Whether the checker has a path to the value (a variable, and fields and
   * items selected from it): only then does Kubernetes' size estimator know
   * its items' sizes; a list literal's or a call's items are of unknown size.
   */
  path?: boolean;
}

const clamp = (value: number): number => (value > MAX_UINT64 || !Number.isFinite(value) ? MAX_UINT64 : value);
const add = (...values: number[]): number => clamp(values.reduce((a, b) => a + b, 0));
const factor = (size: number, f: number): number => clamp(Math.ceil(size * f));
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : clamp(a * b));

const scalar = (cost: number, kind: CelType["kind"] = "dyn"): Estimate => ({ cost, size: 1, type: { kind, maxElements: 1, minSerializedSize: 1 } });
const sized = (cost: number, size: number, kind: CelType["kind"]): Estimate => ({ cost, size, type: { kind, maxElements: size, minSerializedSize: 1 } });

function literal(node: ASTNode): Estimate {
  const value = node.args as unknown;
  if (typeof value === "string") return { ...sized(0, [...value].length, "string"), minSize: [...value].length };
  if (value instanceof Uint8Array) return sized(0, value.length, "bytes");
  return scalar(0, typeof value === "bigint" ? "int" : typeof value === "number" ? "double" : typeof value === "boolean" ? "bool" : "dyn");
}

/** A map's keys: Kubernetes declares them as a string type of no size, so the estimate counts them as empty. */
const KEY: CelType = { kind: "string", maxElements: 0, minSerializedSize: 2 };

const fromType = (type: CelType, cost: number): Estimate => ({ cost, size: type.maxElements, type });

/** A list's index, bound by two-variable macros. */
const INDEX: CelType = { kind: "int", maxElements: 1, minSerializedSize: 1 };

/**
 * The comprehensions cel-go's macros expand to, per item: the loop condition
 * and step beyond the body (`all`: @not_strictly_false(accu), accu && p;
 * `exists`: @not_strictly_false(!accu), accu || p; `exists_one`:
 * p ? accu + 1 : accu; `map`: accu + [f]; `filter`: p ? accu + [x] : accu;
 * transformMap: @mapInsert(accu, k, f); transformMapEntry: @mapInsert(accu, f));
 * the accumulator's initial value (`[]`, `{}`, or a constant) and the result
 * (accu, or accu == 1).
 */
const MACROS: Record<string, { init: number; condition: number; perElement: number; result: number }> = {
  all: { init: 0, condition: 2, perElement: 3, result: 1 },
  exists: { init: 0, condition: 3, perElement: 4, result: 1 },
  exists_one: { init: 0, condition: 0, perElement: 2, result: 2 },
  existsOne: { init: 0, condition: 0, perElement: 2, result: 2 },
  map: { init: LIST_CREATE, condition: 0, perElement: 12, result: 1 },
  filter: { init: LIST_CREATE, condition: 0, perElement: 13, result: 1 },
  transformList: { init: LIST_CREATE, condition: 0, perElement: 12, result: 1 },
  transformMap: { init: MAP_CREATE, condition: 0, perElement: 3, result: 1 },
  transformMapEntry: { init: MAP_CREATE, condition: 0, perElement: 2, result: 1 },
};
const QUANTIFIERS = new Set(["all", "exists", "exists_one", "existsOne"]);
const TRANSFORMS = new Set(["transformList", "transformMap", "transformMapEntry"]);

/** The items a macro iterates over an evaluated range: a list's indexes and items, a map's keys and values. */
function iterated(range: unknown): Array<[unknown, unknown]> | undefined {
  if (Array.isArray(range)) return range.map((item, index) => [BigInt(index), item]);
  if (range instanceof Map) return [...range.entries()];
  if (range !== null && typeof range === "object" && Object.getPrototypeOf(range) === Object.prototype) return Object.entries(range);
  return undefined;
}

/**
 * Whether cel-go's planner folds the expression into a constant (the
 * API server runs rules with OptOptimize): literals, and lists and maps of
 * them. A constant costs nothing when the program runs.
 */
function isConstant(node: ASTNode): boolean {
  switch (node.op) {
    case "value":
      return true;
    case "-_":
      return (node.args as ASTNode).op === "value" && typeof (node.args as ASTNode).args !== "string";
    case "list":
      return (node.args as ASTNode[]).every(isConstant);
    case "map":
      return (node.args as Array<[ASTNode, ASTNode]>).every(([k, v]) => isConstant(k) && isConstant(v));
    default:
      return false;
  }
}

/** Whether the expression is a variable, or fields and items selected from one. */
function selectsFromVariable(node: ASTNode): boolean {
  if (node.op === "id") return true;
  if (node.op === "." || node.op === ".?" || node.op === "[]" || node.op === "[?]") return selectsFromVariable((node.args as [ASTNode, unknown])[0]);
  return false;
}

/** A constant list of strings, numbers and booleans: `x in` it is a set lookup when the program runs, which costs nothing but x. */
function isConstantSet(node: ASTNode): boolean {
  return node.op === "list" && (node.args as ASTNode[]).every((item) => item.op === "-_" ? isConstant(item) : item.op === "value" && ["string", "bigint", "number", "boolean"].includes(typeof item.args) || isUnsigned(item));
}

const isUnsigned = (node: ASTNode): boolean => node.op === "value" && (node.args as { constructor?: { name?: string } } | null)?.constructor?.name === "UnsignedInt";

/**
 * A field an actual value does not have: selecting it stops the evaluation
 * (no such key), so nothing done with it costs anything.
 */
const ABSENT: CelType = { kind: "dyn", maxElements: 0, minSerializedSize: 1 };

/** The type of a field of an object or of a map's values; with an actual value's sizes, a field it lacks is absent. */
function member(type: CelType, name: string | undefined, sizes: Sizes): CelType {
  if (name !== undefined && type.fields?.has(name)) return type.fields.get(name)!;
  if (sizes === "actual" && name !== undefined && type.fields !== undefined) return ABSENT;
  return type.elem ?? DYN;
}

/**
 * The value of a subexpression of the rule on the object being validated,
 * with the variables of the macros around it bound (`bindings`), or
 * undefined where it cannot be known. Given, the cost is what cel-go's
 * interpreter charges (runtimecost.go counts the evaluation, not the
 * expression): of `&&` the right operand only when the left one is not
 * false, of `||` only when it is not true, one branch of `?:`, and macros
 * item by item, `all` and `exists` stopping where their result is decided.
 */
export type Evaluate = (node: ASTNode, bindings: ReadonlyMap<string, unknown>) => unknown;

/** The variables a macro binds: their types, and their values where the evaluation is followed item by item. */
interface Scope {
  types: Map<string, CelType>;
  values?: Map<string, unknown>;
}

class Coster {
  private readonly scopes: Scope[] = [];

  constructor(
    private readonly variables: Map<string, CelType>,
    private readonly sizes: Sizes,
    private readonly evaluate?: Evaluate,
    private readonly limit = Infinity,
  ) {}

  /** The value of an operand that decides what else is evaluated: known where every variable in scope has a value. */
  private decided(node: ASTNode): unknown {
    if (!this.evaluate || this.scopes.some((scope) => !scope.values)) return undefined;
    const bindings = new Map<string, unknown>();
    for (const scope of this.scopes) for (const [name, value] of scope.values!) bindings.set(name, value);
    return this.evaluate(node, bindings);
  }

  private lookup(name: string): CelType | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.types.has(name)) return this.scopes[i]!.types.get(name);
    return this.variables.get(name);
  }

  private withScope<T>(types: Map<string, CelType>, run: () => T, values?: Map<string, unknown>): T {
    this.scopes.push(values ? { types, values } : { types });
    try {
      return run();
    } finally {
      this.scopes.pop();
    }
  }

  /** The size the checker gives a value it finds no schema path to: a scalar's is 1, a string's, list's or map's unknown. */
  private unpathed(type: CelType): CelType {
    const scalarKinds: ReadonlyArray<CelType["kind"]> = ["int", "double", "bool", "timestamp", "duration"];
    return { ...type, maxElements: scalarKinds.includes(type.kind) ? 1 : unknownSize(this.sizes, type.maxElements) };
  }

  estimate(node: ASTNode): Estimate {
    switch (node.op) {
      case "value":
        return literal(node);
      case "id":
        return { ...fromType(this.lookup(node.args as string) ?? DYN, 1), path: true };
      case ".":
      case ".?": {
        const [operand, field] = node.args as [ASTNode, string];
        const inner = this.estimate(operand);
        // A map's value selected by name has no path in the schema to the checker: a scalar's size is 1, others unknown.
        if (inner.type.kind === "map") return { ...fromType(this.unpathed(member(inner.type, field, this.sizes)), add(inner.cost, 1)), path: inner.path };
        return { ...fromType(member(inner.type, field, this.sizes), add(inner.cost, 1)), path: inner.path };
      }
      case "[]":
      case "[?]": {
        const [operand, index] = node.args as [ASTNode, ASTNode];
        const inner = this.estimate(operand);
        // When the program runs, a variable that indexes a selection is read by the qualifier: one for both.
        const key = this.sizes === "actual" && index.op === "id" && selectsFromVariable(operand) ? scalar(0) : this.estimate(index);
        const name = index.op === "value" && typeof index.args === "string" ? (index.args as string) : undefined;
        return { ...fromType(member(inner.type, name, this.sizes), add(inner.cost, key.cost, 1)), path: inner.path };
      }
      case "list": {
        const items = (node.args as ASTNode[]).map((item) => this.estimate(item));
        const elem = items.reduce<CelType | undefined>((a, b) => (a && a.maxElements >= b.size ? a : { ...b.type, maxElements: b.size }), undefined);
        const create = this.sizes === "actual" && isConstant(node) ? 0 : LIST_CREATE;
        return { cost: add(create, ...items.map((i) => i.cost)), size: items.length, type: { kind: "list", maxElements: items.length, minSerializedSize: 2, ...(elem ? { elem } : {}) } };
      }
      case "map": {
        const entries = (node.args as Array<[ASTNode, ASTNode]>).flatMap(([k, v]) => [this.estimate(k), this.estimate(v)]);
        const create = this.sizes === "actual" && isConstant(node) ? 0 : MAP_CREATE;
        return { cost: add(create, ...entries.map((e) => e.cost)), size: entries.length / 2, type: { kind: "map", maxElements: entries.length / 2, minSerializedSize: 2 } };
      }
      case "&&":
      case "||": {
        const [left, right] = node.args as [ASTNode, ASTNode];
        const a = this.estimate(left);
        if (this.decided(left) === (node.op === "||")) return scalar(a.cost, "bool");
        return scalar(add(a.cost, this.estimate(right).cost), "bool");
      }
      case "?:": {
        const [condition, ifTrue, ifFalse] = node.args as [ASTNode, ASTNode, ASTNode];
        const c = this.estimate(condition);
        const taken = this.decided(condition);
        if (typeof taken === "boolean") {
          const branch = this.branch(taken ? ifTrue : ifFalse);
          return { ...branch, cost: add(c.cost, branch.cost) };
        }
        const [t, f] = [this.branch(ifTrue), this.branch(ifFalse)];
        const larger = t.size >= f.size ? t : f;
        return { cost: add(c.cost, Math.max(t.cost, f.cost)), size: Math.max(t.size, f.size), type: larger.type };
      }
      case "-_":
      case "!_": {
        const operand = node.args as ASTNode;
        // cel-go's parser reads a negative number as one literal.
        if (node.op === "-_" && operand.op === "value" && typeof operand.args !== "string") return literal(operand);
        const inner = this.estimate(operand);
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

  /**
   * A branch of `?:`. When the program runs, a branch that is a variable or
   * a selection from one is resolved by the conditional itself (cel-go's
   * planner makes it part of a conditional attribute): the variable costs
   * nothing, its selections one each.
   */
  private branch(node: ASTNode): Estimate {
    const estimate = this.estimate(node);
    return this.sizes === "actual" && selectsFromVariable(node) ? { ...estimate, cost: Math.max(0, estimate.cost - 1) } : estimate;
  }

  private binary(op: string, args: [ASTNode, ASTNode]): Estimate {
    // With OptOptimize, `in` a constant set is looked up: x alone is evaluated, and not even x when the set is empty.
    if (op === "in" && this.sizes === "actual" && isConstantSet(args[1])) {
      return scalar((args[1].args as ASTNode[]).length === 0 ? 0 : this.estimate(args[0]).cost, "bool");
    }
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
    // One variable: the element (a map's key); two: the index (key) and the element (value).
    // After them, the body: a predicate, a transform, or a filter and a transform.
    const twoVariables = TRANSFORMS.has(name) || (QUANTIFIERS.has(name) && args.length === 3);
    const vars = args.slice(0, twoVariables ? 2 : 1);
    if (!vars.every((v) => v.op === "id")) return undefined;
    const names = vars.map((v) => v.args as string);
    const bodyArgs = args.slice(names.length);
    const rangeValue = this.sizes === "actual" ? this.decided(target) : undefined;
    const items = iterated(rangeValue);
    if (items) return this.evaluatedComprehension(name, target, names, bodyArgs, items, Array.isArray(rangeValue));
    const range = this.estimate(target);
    const elem = range.type.elem ?? DYN;
    const key: CelType = range.type.kind === "list" ? INDEX : KEY;
    const bindings = new Map<string, CelType>();
    if (names.length === 2) {
      bindings.set(names[0]!, key);
      bindings.set(names[1]!, elem);
    } else if (names.length === 1) {
      bindings.set(names[0]!, range.type.kind === "list" ? elem : key);
    }
    const bodies = this.withScope(bindings, () => bodyArgs.map((arg) => this.estimate(arg)));
    const body = add(...bodies.map((b) => b.cost));
    const macro = MACROS[name]!;
    const cost = add(range.cost, this.sizes === "static" ? macro.init : 0, macro.result, times(range.size, add(body, macro.perElement)));
    if (QUANTIFIERS.has(name)) return scalar(cost, "bool");
    const last = bodies[bodies.length - 1]!;
    return { cost, size: range.size, type: { kind: range.type.kind === "list" || name === "map" || name === "filter" ? "list" : "map", maxElements: range.size, minSerializedSize: 2, elem: name === "filter" ? elem : last.type } };
  }

  /**
   * A macro charged as cel-go's interpreter charges it, item by item over the
   * actual range: each item's loop condition and step (the body with the
   * item's own sizes, a filter's step only when the item passes), `all`
   * stopping after an item that is false and `exists` after one that is
   * true, where the loop condition is evaluated once more if items remain.
   * The accumulator's initial value is a constant, which costs nothing.
   */
  private evaluatedComprehension(name: string, target: ASTNode, names: string[], bodyArgs: ASTNode[], items: Array<[unknown, unknown]>, isList: boolean): Estimate {
    const range = this.estimate(target);
    const macro = MACROS[name]!;
    let cost = add(range.cost, macro.result);
    // all's and exists' result so far: true, false, or undefined (an error, or a value not known).
    let result: boolean | undefined = name === "all";
    let kept = 0;
    let transformed: Estimate | undefined;
    for (const [key, value] of items) {
      if (name === "all" || name === "exists") {
        cost = add(cost, macro.condition);
        if (result === (name === "exists")) break;
      }
      const bound = names.length === 2 ? [key, value] : [isList ? value : key];
      const types = new Map(names.map((n, i) => [n, i === 0 && names.length === 2 && isList ? INDEX : evaluatedValueType(bound[i])] as [string, CelType]));
      const values = new Map(names.map((n, i) => [n, bound[i]] as [string, unknown]));
      const step = this.withScope(types, () => this.step(name, bodyArgs), values);
      cost = add(cost, step.cost);
      if (name === "all") result = step.outcome === false ? false : result === true && step.outcome === true ? true : undefined;
      if (name === "exists") result = step.outcome === true ? true : result === false && step.outcome === false ? false : undefined;
      if (step.kept) kept++;
      transformed = step.transformed ?? transformed;
      // Past the limit the rule is stopped: the rest need not be counted.
      if (cost > this.limit) return scalar(MAX_UINT64, "bool");
    }
    if (QUANTIFIERS.has(name)) return scalar(cost, "bool");
    const elem = name === "filter" ? (range.type.elem ?? DYN) : (transformed?.type ?? DYN);
    return { cost, size: kept, type: { kind: isList || name === "map" || name === "filter" ? "list" : "map", maxElements: kept, minSerializedSize: 2, elem } };
  }

  /**
   * One item's step: its cost (the body's, and what the step adds to the
   * accumulator), the value of its predicate, whether it adds an item to
   * the result, and the transform's estimate.
   */
  private step(name: string, bodyArgs: ASTNode[]): { cost: number; outcome: unknown; kept: boolean; transformed?: Estimate } {
    const macro = MACROS[name]!;
    const [first, second] = bodyArgs;
    const predicate = this.estimate(first!);
    // map(x, f), transformList(i, v, f) and the like have no filter: the first body is the transform.
    if (second === undefined && name !== "filter" && !QUANTIFIERS.has(name)) {
      return { cost: add(predicate.cost, this.appendCost(name, first!)), outcome: undefined, kept: true, transformed: predicate };
    }
    const outcome = this.decided(first!);
    if (name === "all" || name === "exists") return { cost: add(predicate.cost, macro.perElement - macro.condition), outcome, kept: false };
    // The accumulator alone, as a branch of the step's `?:`, costs nothing.
    if (name === "exists_one" || name === "existsOne") return { cost: add(predicate.cost, outcome === false ? 0 : 2), outcome, kept: false };
    // A filter's step: the append only for an item that passes, else the accumulator alone.
    if (outcome === false) return { cost: predicate.cost, outcome, kept: false };
    if (name === "filter") return { cost: add(predicate.cost, macro.perElement), outcome, kept: true };
    const transform = this.estimate(second!);
    return { cost: add(predicate.cost, transform.cost, this.appendCost(name, second!)), outcome, kept: true, transformed: transform };
  }

  /** What adding one transformed item to the accumulator costs: `accu + [f]` (a list of a constant is one), or @mapInsert. */
  private appendCost(name: string, transform: ASTNode): number {
    if (name === "map" || name === "transformList") return isConstant(transform) ? 2 : 2 + LIST_CREATE;
    return MACROS[name]!.perElement;
  }

  private call(parsedName: string, target: ASTNode | undefined, args: ASTNode[]): Estimate {
    // has( and matches( reach cel-js renamed (source.ts).
    const name = parsedName.replace(/^__/, "");
    if (target && Object.hasOwn(MACROS, name) && args.length >= 2) {
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
      // A comprehension over an empty list: its creation (a constant when the program runs), the value, the body.
      const value = this.estimate(args[1]!);
      const known = this.decided(args[1]!);
      const variable = args[0]!.args as string;
      const body = this.withScope(new Map([[variable, value.type]]), () => this.estimate(args[2]!), known === undefined ? undefined : new Map([[variable, known]]));
      return { ...body, cost: add(this.sizes === "static" ? LIST_CREATE : 0, value.cost, body.cost) };
    }
    // A namespace (`sets.contains`) is part of the function's name, not a value to select from.
    const namespace = target?.op === "id" && NAMESPACES.has(target.args as string) && this.lookup(target.args as string) === undefined ? (target.args as string) : undefined;
    const self = target && namespace === undefined ? this.estimate(target) : undefined;
    const params = args.map((arg) => this.estimate(arg));
    const argCost = add(self?.cost ?? 0, ...params.map((p) => p.cost));
    return libraryCall({ name: namespace === undefined ? name : `${namespace}.${name}`, target: self, args: params, literals: args.map(literalInt), argCost, sizes: this.sizes });
  }
}

/** The namespaces of Kubernetes' CEL libraries (lib/namespace.ts). */
const NAMESPACES = new Set(["format", "ip", "lists", "math", "sets", "strings"]);

/** The value of an int literal (`-1` included), as cel-go's estimators read constant arguments. */
function literalInt(node: ASTNode): bigint | undefined {
  if (node.op === "value" && typeof node.args === "bigint") return node.args;
  if (node.op === "-_" && (node.args as ASTNode).op === "value" && typeof (node.args as ASTNode).args === "bigint") return -((node.args as ASTNode).args as bigint);
  return undefined;
}

interface Call {
  name: string;
  target: Estimate | undefined;
  args: Estimate[];
  /** The arguments that are int literals (a slice's bounds, a split's limit). */
  literals: Array<bigint | undefined>;
  argCost: number;
  sizes: Sizes;
}

/**
 * The size of a result the checker has no estimate of (it has no path in the
 * schema and its function gives no result size): unknown, so the largest, to
 * the static estimate; at run time, `actual` bounds it.
 */
const unknownSize = (sizes: Sizes, actual: number): number => (sizes === "static" ? MAX_UINT64 : actual);
const STRING = (size: number): CelType => ({ kind: "string", maxElements: size, minSerializedSize: 2 });
const LIST = (size: number, elem: CelType): CelType => ({ kind: "list", maxElements: size, minSerializedSize: 2, elem });
/** A literal's int value as a uint64 (cel-go reads a negative one as a huge size); undefined when not a literal. */
const literalSize = (value: bigint | undefined): number | undefined => (value === undefined ? undefined : value < 0n ? MAX_UINT64 : Number(value));

/** An ext lists function that allocates its result (estimateAllocatingListCall): size × factor, the call and a new list. */
function allocatingListCall(factorOfSize: number, size: number, elem: CelType | undefined, argCost: number): Estimate {
  return { cost: add(factor(size, factorOfSize), 1, LIST_CREATE, argCost), size, type: { kind: "list", maxElements: size, minSerializedSize: 2, ...(elem ? { elem } : {}) } };
}

/** replace()'s largest result (Kubernetes' estimate): the shortest match replaced by the longest replacement as often as it fits. */
function replacedSize(size: number, replaced: Estimate | undefined, replacement: Estimate | undefined): number {
  if (!replaced || !replacement) return size;
  const shortest = replaced.minSize ?? 0;
  // An empty match surrounds every character.
  if (shortest === 0) return add(times(size < MAX_UINT64 ? size + 1 : size, replacement.size), size);
  if (replacement.size <= shortest) return size;
  return times(Math.ceil(size / shortest), replacement.size);
}

/** What a function call costs beyond its arguments, and the size of its result. */
function libraryCall({ name, target, args, literals, argCost, sizes }: Call): Estimate {
  const first = args[0];
  const subject = target ?? first;
  const text = (size: number) => sized(argCost, size, "string");
  switch (name) {
    case "isSorted": case "sum": case "max": case "min": case "indexOf": case "lastIndexOf":
      if (target && target.type.kind === "list") {
        const elem = target.type.elem;
        // listElementNode: the items' size is known only through the list's path.
        const elemSize = elem === undefined ? 0 : target.path ? elem.maxElements : unknownSize(sizes, elem.maxElements);
        const elemCost = elem && (elem.kind === "string" || elem.kind === "bytes") ? add(1, factor(elemSize, STRING_TRAVERSAL)) : 1;
        const cost = add(times(target.size, elemCost), argCost);
        // sum, min and max return an element: a string's size is not known to the checker.
        if ((name === "sum" || name === "min" || name === "max") && elem && elem.kind !== "int" && elem.kind !== "double" && elem.kind !== "bool" && elem.kind !== "timestamp" && elem.kind !== "duration") {
          const size = unknownSize(sizes, elem.maxElements);
          return { cost, size, type: { ...elem, maxElements: size } };
        }
        return scalar(cost, name === "isSorted" ? "bool" : name === "indexOf" || name === "lastIndexOf" ? "int" : (elem?.kind ?? "dyn"));
      }
      if (target) return scalar(add(factor(target.size, STRING_TRAVERSAL), argCost), "int");
      break;
    case "url":
      if (first) return { ...sized(add(factor(first.size, STRING_TRAVERSAL), argCost), first.size, "dyn") };
      break;
    case "lowerAscii": case "upperAscii": case "substring": case "trim":
      if (target) return { ...text(target.size), cost: add(factor(target.size, STRING_TRAVERSAL), argCost) };
      break;
    case "strings.quote":
      // ExtQuoteString: every character escaped, and two quotes.
      if (first) return { ...text(add(times(first.size, 2), 2)), cost: add(factor(first.size, STRING_TRAVERSAL), argCost) };
      break;
    case "reverse":
      if (target && target.type.kind === "list") return allocatingListCall(1, target.size, target.type.elem, argCost);
      // The strings extension's reverse has no estimate: a call, and a string of unknown size.
      if (target) return { ...text(unknownSize(sizes, target.size)), cost: add(1, argCost) };
      break;
    case "charAt":
      if (target) return { ...text(unknownSize(sizes, 1)), cost: add(1, argCost) };
      break;
    case "format":
      // ExtFormatString: the format string traversed; the result's size is not bounded.
      if (target) return { ...text(unknownSize(sizes, add(target.size, ...args.map((arg) => arg.size)))), cost: add(factor(target.size, STRING_TRAVERSAL), argCost) };
      break;
    case "replace":
      if (target) return { ...text(replacedSize(target.size, args[0], args[1])), cost: add(factor(target.size, 2 * STRING_TRAVERSAL), argCost) };
      break;
    case "split":
      if (target) {
        // As many items as characters, or the limit given as a literal; items of a size the checker does not know.
        const count = literalSize(literals[1]) ?? target.size;
        return { cost: add(factor(target.size, 2 * STRING_TRAVERSAL), argCost), size: count, type: LIST(count, STRING(unknownSize(sizes, target.size))) };
      }
      break;
    case "join":
      if (target) {
        const elemSize = target.type.elem?.maxElements ?? unknownSize(sizes, 1);
        const size = add(times(target.size, elemSize), times(first?.size ?? 0, Math.max(0, target.size - 1)));
        return { ...text(size), cost: add(factor(size, STRING_TRAVERSAL), argCost) };
      }
      break;
    case "matches": case "find": case "findAll":
      if (target && first) {
        const cost = times(factor(add(target.size, 1), STRING_TRAVERSAL), factor(first.size, REGEX_STRING_LENGTH));
        if (name === "matches") return scalar(add(cost, argCost), "bool");
        if (name === "find") return { cost: add(cost, argCost), size: target.size, type: STRING(target.size) };
        return { cost: add(cost, argCost), size: target.size, type: LIST(target.size, STRING(unknownSize(sizes, target.size))) };
      }
      if (!target && first && args[1]) return scalar(add(times(factor(add(first.size, 1), STRING_TRAVERSAL), factor(args[1].size, REGEX_STRING_LENGTH)), argCost), "bool");
      break;
    case "startsWith": case "endsWith":
      if (first) return scalar(add(factor(first.size, STRING_TRAVERSAL), argCost), "bool");
      break;
    case "contains":
      if (target && first && target.type.kind !== "list") return scalar(add(times(factor(target.size, STRING_TRAVERSAL), factor(first.size, STRING_TRAVERSAL)), argCost), "bool");
      break;
    case "sets.contains": case "sets.intersects": case "sets.equivalent":
      if (args.length === 2) return scalar(add(factor(times(args[0]!.size, args[1]!.size), name === "sets.equivalent" ? 2 : 1), 1, argCost), "bool");
      break;
    case "cidr": case "isIP": case "isCIDR": case "ip": case "quantity": case "isQuantity": case "semver": case "isSemver":
      if (first) return scalar(add(factor(first.size, STRING_TRAVERSAL), argCost));
      break;
    case "ip.isCanonical":
      if (first) return scalar(add(factor(first.size, 2 * STRING_TRAVERSAL), argCost), "bool");
      break;
    case "validate":
      if (first) return scalar(add(factor(factor(first.size, STRING_TRAVERSAL), 128 * REGEX_STRING_LENGTH), argCost));
      break;
    case "getScheme": case "getHostname": case "getHost": case "getPort": case "getEscapedPath":
      if (target) return { ...text(unknownSize(sizes, target.size)), cost: add(1, argCost) };
      break;
    case "getQuery":
      if (target) return { cost: add(1, argCost), size: unknownSize(sizes, target.size), type: { kind: "map", maxElements: unknownSize(sizes, target.size), minSerializedSize: 2, elem: LIST(target.size, STRING(target.size)) } };
      break;
    case "string":
      // string(bytes) traverses the bytes; of a value of unknown type, every overload counts and bytes' size is the result's.
      if (first && (first.type.kind === "bytes" || first.type.kind === "dyn")) return { ...text(first.size), cost: add(Math.max(1, factor(first.size, STRING_TRAVERSAL)), argCost) };
      // Of a string (no cost function of its own), a number, bool, duration or timestamp (at most 40 characters): a call, and a string of unknown size.
      if (first) return { ...text(unknownSize(sizes, first.type.kind === "string" ? first.size : 40)), cost: add(1, argCost) };
      break;
    case "bytes":
      // Each character takes at most four bytes; bytes(bytes) is a call with a result of unknown size.
      if (first && (first.type.kind === "string" || first.type.kind === "dyn")) return sized(add(Math.max(1, factor(first.size, STRING_TRAVERSAL)), argCost), times(first.size, 4), "bytes");
      if (first) return sized(add(1, argCost), unknownSize(sizes, first.size), "bytes");
      break;
    case "dyn":
      if (first) return { ...first, cost: add(1, argCost) };
      break;
    case "size":
      return scalar(add(1, argCost), "int");
    case "value": case "orValue":
      if (target) return { ...(name === "orValue" && first && first.size > target.size ? first : target), cost: add(1, argCost) };
      break;
    case "slice":
      if (target) {
        const start = literalSize(literals[0]) ?? 0;
        const end = literalSize(literals[1]) ?? target.size;
        return allocatingListCall(1, Math.max(0, end - start), target.type.elem, argCost);
      }
      break;
    case "flatten":
      if (target) return allocatingListCall(args.length === 0 ? 1 : (literalSize(literals[0]) ?? MAX_UINT64), target.size, target.type.elem?.elem ?? target.type.elem, argCost);
      break;
    case "distinct":
      if (target) return allocatingListCall(2, times(target.size, target.size), target.type.elem, argCost);
      break;
    case "sort": case "sortBy":
      if (target) {
        // Sorting compares keys (the elements, or sortBy's expression) with each other; strings and bytes cost their traversal too.
        const key = name === "sort" ? target.type.elem?.kind : args[1]?.type.kind;
        return allocatingListCall(key === "string" || key === "bytes" ? 2 + STRING_TRAVERSAL : 2, times(target.size, target.size), target.type.elem, argCost);
      }
      break;
    case "lists.range":
      if (first) {
        const size = literalSize(literals[0]) ?? MAX_UINT64;
        return allocatingListCall(1, size, { kind: "int", maxElements: 1, minSerializedSize: 1 }, argCost);
      }
      break;
  }
  return scalar(add(1, argCost));
}

/**
 * "static": the checker's estimate from a schema's types; "actual": a bound of
 * evaluating on values of these types, where a result's size is the value's.
 */
export type Sizes = "static" | "actual";

/**
 * The largest cost of evaluating the expression once, with these variables'
 * types; `evaluate` (with actual sizes) tells which operands of `&&`, `||`
 * and `?:` the evaluation takes, and which items of macros; past `limit`,
 * the count of a macro's items stops (the result is then over it).
 */
export function estimateCost(ast: ASTNode, variables: Map<string, CelType>, sizes: Sizes, evaluate?: Evaluate, limit?: number): number {
  return new Coster(variables, sizes, evaluate, limit).estimate(ast).cost;
}
