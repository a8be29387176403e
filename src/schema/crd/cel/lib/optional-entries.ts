// Optional entries of list and map literals, as cel-go reads and runs them:
// `[a, ?b]` holds b's value when the optional b has one and leaves it out
// when not; `{?k: v}` holds the entry k: v's value likewise
// (interpreter evalList and evalMap). source.ts marks each entry's `?` as a
// `!`, which cel-js parses as a unary node; here that node gives way to its
// operand, the literal remembers which of its entries are optional, and it
// is checked and evaluated by the functions below in place of cel-js's.
// An entry whose value is no optional fails as in cel-go
// (`cannot initialize optional list element from non-optional value 1`).
import type { ASTNode } from "@marcbachmann/cel-js";
import { CelEvaluationError } from "./macros.js";

const MAX_DEPTH = 128;

/** The optional entries of each list and map literal that has some: indices into its items or entries. */
const OPTIONAL_ENTRIES = new WeakMap<ASTNode, ReadonlySet<number>>();

/** The indices of a list or map literal's optional entries; empty when it has none. */
export function optionalEntries(node: ASTNode): ReadonlySet<number> {
  return OPTIONAL_ENTRIES.get(node) ?? new Set();
}

interface OptionalValue {
  hasValue(): boolean;
  value(): unknown;
}

interface Evaluator {
  run(ast: ASTNode, context: unknown): unknown;
}

interface TypeChecker {
  check(ast: ASTNode, context: unknown): unknown;
  getType(name: string): unknown;
}

/** cel-js's node, whose check and evaluation a library may replace. */
interface WithMeta {
  setMeta(key: string, value: unknown): WithMeta;
}

/** How Go's %v prints the scalars an entry can hold; other values by their kind. */
function printed(value: unknown): string {
  if (typeof value === "string" || typeof value === "bigint" || typeof value === "boolean" || typeof value === "number") return String(value);
  if (value === null) return "NULL_VALUE";
  return Array.isArray(value) ? "[...]" : "{...}";
}

/** Whether `node` is the mark of an optional entry: a `!` node at a marked offset. */
function isMark(node: unknown, marks: ReadonlySet<number>): node is ASTNode {
  return node !== null && typeof node === "object" && (node as ASTNode).op === "!_" && marks.has((node as ASTNode).pos);
}

/**
 * Turns the marked entries of the parsed AST's literals into optional
 * entries; `isOptional` tells cel-js's optionals from other values.
 */
export function useOptionalEntries(ast: ASTNode, marks: ReadonlySet<number>, isOptional: (value: unknown) => value is OptionalValue): void {
  if (marks.size === 0) return;
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const current = node as ASTNode;
    if (typeof current.op !== "string") return;
    if (current.op === "list") {
      const items = current.args as ASTNode[];
      const optional = new Set<number>();
      items.forEach((item, i) => {
        if (!isMark(item, marks)) return;
        items[i] = item.args as ASTNode;
        optional.add(i);
      });
      if (optional.size > 0) {
        OPTIONAL_ENTRIES.set(current, optional);
        (current as unknown as WithMeta).setMeta("check", checkList).setMeta("evaluate", evaluateList(optional, isOptional));
      }
    } else if (current.op === "map") {
      const entries = current.args as ASTNode[][];
      const optional = new Set<number>();
      entries.forEach((entry, i) => {
        if (!Array.isArray(entry) || !isMark(entry[0], marks)) return;
        entry[0] = entry[0].args as ASTNode;
        optional.add(i);
      });
      if (optional.size > 0) {
        OPTIONAL_ENTRIES.set(current, optional);
        (current as unknown as WithMeta).setMeta("check", checkMap).setMeta("evaluate", evaluateMap(optional, isOptional));
      }
    }
    visit(current.args, depth + 1);
  };
  visit(ast, 0);
}

/** cel-js's check of a literal with optional entries: each item checked, the literal a list or map of dyn (the checker that refuses is checker.ts). */
function checkList(chk: TypeChecker, ast: ASTNode, context: unknown): unknown {
  for (const item of ast.args as ASTNode[]) chk.check(item, context);
  return chk.getType("list<dyn>");
}

function checkMap(chk: TypeChecker, ast: ASTNode, context: unknown): unknown {
  for (const [key, value] of ast.args as ASTNode[][]) {
    chk.check(key!, context);
    chk.check(value!, context);
  }
  return chk.getType("map<dyn, dyn>");
}

function evaluateList(optional: ReadonlySet<number>, isOptional: (value: unknown) => value is OptionalValue) {
  return (ev: Evaluator, ast: ASTNode, context: unknown): unknown[] => {
    const out: unknown[] = [];
    (ast.args as ASTNode[]).forEach((item, i) => {
      const value = ev.run(item, context);
      if (!optional.has(i)) out.push(value);
      else if (!isOptional(value)) throw new CelEvaluationError("invalid_optional_entry", `cannot initialize optional list element from non-optional value ${printed(value)}`);
      else if (value.hasValue()) out.push(value.value());
    });
    return out;
  };
}

/** Keys cel-js's own map literal leaves out (safeFromEntries). */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function evaluateMap(optional: ReadonlySet<number>, isOptional: (value: unknown) => value is OptionalValue) {
  return (ev: Evaluator, ast: ASTNode, context: unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    (ast.args as ASTNode[][]).forEach(([keyNode, valueNode], i) => {
      const key = ev.run(keyNode!, context);
      let value = ev.run(valueNode!, context);
      if (optional.has(i)) {
        if (!isOptional(value)) throw new CelEvaluationError("invalid_optional_entry", `cannot initialize optional entry '${printed(key)}' from non-optional value ${printed(value)}`);
        if (!value.hasValue()) return;
        value = value.value();
      }
      const name = String(key);
      if (!UNSAFE_KEYS.has(name)) out[name] = value;
    });
    return out;
  };
}
