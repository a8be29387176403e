// Macros Kubernetes offers that cel-js lacks, registered as cel-js macros:
// has() over any selection (`has(self[0].matches)`, cel-js only takes a
// chain of fields from a variable), and the two-variable comprehensions
// (all, exists, existsOne, transformList, transformMap, transformMapEntry
// with an index or key and a value). The parser-facing names are rewritten
// by source.ts.
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

/** Registers has() and the two-variable comprehensions (as source.ts names them). */
export function registerMacros(env: Environment): void {
  env.registerFunction("__has(ast): bool", hasMacro as never);
  for (const kind of ["all", "exists", "existsOne"] as const) env.registerFunction(`list.${kind}(ast, ast, ast): bool`, comprehensionMacro(kind) as never);
  for (const kind of ["transformList", "transformMap", "transformMapEntry"] as const) {
    const result = kind === "transformList" ? "list<dyn>" : "map<dyn, dyn>";
    env.registerFunction(`list.${kind}(ast, ast, ast): ${result}`, comprehensionMacro(kind) as never);
    env.registerFunction(`list.${kind}(ast, ast, ast, ast): ${result}`, comprehensionMacro(kind) as never);
  }
}
