// Macros Kubernetes offers that cel-js lacks, registered as cel-js macros:
// has() over any selection (`has(self[0].matches)`, cel-js only takes a
// chain of fields from a variable), and the two-variable comprehensions
// (all, exists, existsOne or exists_one, transformList, transformMap,
// transformMapEntry with an index or key and a value), the lists extension's
// sortBy and the optional library's optMap and optFlatMap. Which of them a
// release offers is checked before evaluation (reference-check.ts). The
// parser-facing names are rewritten by source.ts.
import type { Environment } from "@marcbachmann/cel-js";

/* The cel-js macro contract: `handler({args})` returns {evaluate, typeCheck}. */
type Node = { op: string; args: unknown };
type Ctx = { forkWithVariable(name: string, type: unknown): Ctx; reuse(parent: Ctx): Ctx; setIterValue(value: unknown, ev: Evaluator): Ctx };
type Evaluator = { run(node: Node, ctx: Ctx): unknown; createError?(code: string, message: string, node?: Node): Error };
type Checker = { check(node: Node, ctx: Ctx): unknown; getType(name: string): unknown; createError(code: string, message: string, node: Node): Error };
interface Macro {
  args: Node[];
  evaluate(ev: Evaluator, macro: Macro, ctx: Ctx): unknown;
  typeCheck(checker: Checker, macro: Macro, ctx: Ctx): unknown;
  async: false;
  contexts?: { first: Ctx; second: Ctx };
}

export class CelEvaluationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isMap(value: unknown): value is Record<string, unknown> | Map<unknown, unknown> {
  return value instanceof Map || (value !== null && typeof value === "object" && !Array.isArray(value) && (value.constructor === Object || value.constructor === undefined));
}

/** has(x.f): whether the map or object x has the field f, x being any expression. */
function hasMacro({ args }: { args: Node[] }): Macro {
  return {
    args,
    async: false,
    typeCheck(checker, macro, ctx) {
      const [node] = macro.args;
      if (!node || node.op !== ".") throw checker.createError("invalid_macro_argument", "has() invalid argument", node ?? ({} as Node));
      checker.check((node.args as [Node, string])[0], ctx);
      return checker.getType("bool");
    },
    evaluate(ev, macro, ctx) {
      const [operand, field] = macro.args[0]!.args as [Node, string];
      const value = ev.run(operand, ctx);
      if (value instanceof Map) return value.has(field);
      if (value !== null && typeof value === "object" && !Array.isArray(value)) return Object.hasOwn(value, field);
      throw new CelEvaluationError("no_such_overload", "no such overload");
    },
  };
}

type Kind = "all" | "exists" | "existsOne" | "transformList" | "transformMap" | "transformMapEntry";

/** The (key, value) pairs a comprehension walks: list indexes as ints, map keys. */
function entries(range: unknown): Array<[unknown, unknown]> {
  if (Array.isArray(range)) return range.map((item, i) => [BigInt(i), item]);
  if (range instanceof Map) return [...range.entries()];
  if (isMap(range)) return Object.entries(range);
  throw new CelEvaluationError("no_such_overload", "no such overload");
}

interface Comprehension extends Macro {
  receiver: Node;
}

/** Runs a body for each (key, value) pair; `visit` returns false to stop early. */
function forEachEntry(ev: Evaluator, macro: Comprehension, ctx: Ctx, visit: (run: (body: Node) => unknown, key: unknown, value: unknown) => boolean | void): void {
  const { first, second } = macro.contexts!;
  for (const [key, value] of entries(ev.run(macro.receiver, ctx))) {
    const inner = second.reuse(first.reuse(ctx).setIterValue(key, ev)).setIterValue(value, ev);
    if (visit((body) => ev.run(body, inner), key, value) === false) return;
  }
}

/** all and exists: a false (true) result wins over errors of other elements, as CEL's logic does. */
function quantifier(ev: Evaluator, macro: Comprehension, ctx: Ctx, wanted: boolean): boolean {
  let error: unknown;
  let found = false;
  forEachEntry(ev, macro, ctx, (run) => {
    try {
      const result = run(macro.args[2]!);
      if (typeof result !== "boolean") throw new CelEvaluationError("no_such_overload", "no such overload");
      if (result === wanted) {
        found = true;
        return false;
      }
    } catch (caught) {
      error ??= caught;
    }
    return true;
  });
  if (found) return wanted;
  if (error !== undefined) throw error;
  return !wanted;
}

function evaluateComprehension(kind: Kind, ev: Evaluator, macro: Comprehension, ctx: Ctx): unknown {
  const bodies = macro.args.slice(2);
  const filter = bodies.length === 2 ? bodies[0]! : undefined;
  const transform = bodies[bodies.length - 1]!;
  switch (kind) {
    case "all":
      return quantifier(ev, macro, ctx, false);
    case "exists":
      return quantifier(ev, macro, ctx, true);
    case "existsOne": {
      let count = 0;
      forEachEntry(ev, macro, ctx, (run) => {
        if (run(transform) === true) count++;
      });
      return count === 1;
    }
    case "transformList": {
      const out: unknown[] = [];
      forEachEntry(ev, macro, ctx, (run) => {
        if (!filter || run(filter) === true) out.push(run(transform));
      });
      return out;
    }
    case "transformMap": {
      const out = new Map<unknown, unknown>();
      forEachEntry(ev, macro, ctx, (run, key) => {
        if (!filter || run(filter) === true) out.set(key, run(transform));
      });
      return out;
    }
    case "transformMapEntry": {
      const out = new Map<unknown, unknown>();
      forEachEntry(ev, macro, ctx, (run) => {
        if (filter && run(filter) !== true) return;
        const entry = run(transform);
        for (const [key, value] of entries(entry)) {
          if (out.has(key)) throw new CelEvaluationError("duplicate_key", `insert failed: key ${String(key)} already exists`);
          out.set(key, value);
        }
      });
      return out;
    }
  }
}

function comprehensionMacro(kind: Kind) {
  return ({ args, receiver }: { args: Node[]; receiver: Node }): Comprehension => ({
    args,
    receiver,
    async: false,
    typeCheck(checker, macro, ctx) {
      const [first, second] = macro.args as [Node, Node];
      if (first.op !== "id" || second.op !== "id") throw checker.createError("invalid_macro_argument", `${kind}() invalid iteration variable`, first);
      checker.check((macro as Comprehension).receiver, ctx);
      const dyn = checker.getType("dyn");
      const firstCtx = ctx.forkWithVariable(first.args as string, dyn);
      const secondCtx = firstCtx.forkWithVariable(second.args as string, dyn);
      macro.contexts = { first: firstCtx, second: secondCtx };
      for (const body of macro.args.slice(2)) checker.check(body, secondCtx);
      if (kind === "transformList") return checker.getType("list");
      if (kind === "transformMap" || kind === "transformMapEntry") return checker.getType("map");
      return checker.getType("bool");
    },
    evaluate(ev, macro, ctx) {
      return evaluateComprehension(kind, ev, macro as Comprehension, ctx);
    },
  });
}

/** A macro binding one variable (its first argument, an identifier) in its second: the variable's context and the body. */
interface Binding extends Macro {
  receiver: Node;
  bound?: Ctx;
}

function bindingMacro(name: string, resultType: string, evaluate: (ev: Evaluator, receiver: unknown, body: (value: unknown) => unknown) => unknown) {
  return ({ args, receiver }: { args: Node[]; receiver: Node }): Binding => ({
    args,
    receiver,
    async: false,
    typeCheck(checker, macro, ctx) {
      const [variable, body] = macro.args as [Node, Node];
      if (variable.op !== "id") throw checker.createError("invalid_macro_argument", `${name}() variable name must be a simple identifier`, variable);
      checker.check((macro as Binding).receiver, ctx);
      const bound = ctx.forkWithVariable(variable.args as string, checker.getType("dyn"));
      (macro as Binding).bound = bound;
      checker.check(body, bound);
      return checker.getType(resultType);
    },
    evaluate(ev, macro, ctx) {
      const binding = macro as Binding;
      const body = (value: unknown) => ev.run(binding.args[1]!, binding.bound!.reuse(ctx).setIterValue(value, ev));
      return evaluate(ev, ev.run(binding.receiver, ctx), body);
    },
  });
}

/** The keys sortBy orders by: all of one comparable type, as @sortByAssociatedKeys requires. */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if ((typeof a === "bigint" && typeof b === "bigint") || (typeof a === "number" && typeof b === "number")) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  throw new CelEvaluationError("invalid_argument", "list elements must have the same type");
}

function sortBy(_ev: Evaluator, list: unknown, key: (value: unknown) => unknown): unknown[] {
  if (!Array.isArray(list)) throw new CelEvaluationError("no_such_overload", "no such overload");
  const keyed = list.map((item) => ({ item, key: key(item) }));
  // A stable sort, as Go's sort.SliceStable.
  return keyed.sort((a, b) => compareKeys(a.key, b.key)).map(({ item }) => item);
}

interface OptionalValue {
  hasValue(): boolean;
  value(): unknown;
}
const isOptional = (value: unknown): value is OptionalValue => value !== null && typeof value === "object" && typeof (value as OptionalValue).hasValue === "function";

/** Registers has(), the two-variable comprehensions, sortBy, optMap and optFlatMap (as source.ts names them). */
export function registerMacros(env: Environment, optional: { of(value: unknown): unknown; none(): unknown }): void {
  env.registerFunction("__has(ast): bool", hasMacro as never);
  for (const kind of ["all", "exists", "existsOne"] as const) env.registerFunction(`list.${kind}(ast, ast, ast): bool`, comprehensionMacro(kind) as never);
  env.registerFunction("list.exists_one(ast, ast, ast): bool", comprehensionMacro("existsOne") as never);
  env.registerFunction("list.sortBy(ast, ast): list<dyn>", bindingMacro("sortBy", "list<dyn>", sortBy) as never);
  const optionalMap = (flat: boolean) => (_ev: Evaluator, receiver: unknown, body: (value: unknown) => unknown) => {
    if (!isOptional(receiver)) throw new CelEvaluationError("no_such_overload", "no such overload");
    if (!receiver.hasValue()) return optional.none();
    const result = body(receiver.value());
    if (!flat) return optional.of(result);
    if (!isOptional(result)) throw new CelEvaluationError("no_such_overload", "no such overload");
    return result;
  };
  env.registerFunction("optional.optMap(ast, ast): optional<dyn>", bindingMacro("optMap", "optional<dyn>", optionalMap(false)) as never);
  env.registerFunction("optional.optFlatMap(ast, ast): optional<dyn>", bindingMacro("optFlatMap", "optional<dyn>", optionalMap(true)) as never);
  for (const kind of ["transformList", "transformMap", "transformMapEntry"] as const) {
    const result = kind === "transformList" ? "list<dyn>" : "map<dyn, dyn>";
    env.registerFunction(`list.${kind}(ast, ast, ast): ${result}`, comprehensionMacro(kind) as never);
    env.registerFunction(`list.${kind}(ast, ast, ast, ast): ${result}`, comprehensionMacro(kind) as never);
  }
}
