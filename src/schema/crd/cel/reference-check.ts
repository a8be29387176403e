// The references cel-go's checker resolves (checker/checker.go checkIdent and
// checkCall), against the declarations of the release's environment for new
// expressions (declarations.ts): an identifier that is neither a variable,
// a macro's variable in scope, nor a type is `undeclared reference to 'x'
// (in container '')` at the identifier; a call of a function that is not
// declared is the same error at the call's '(' (a namespaced function such as
// `lists.range()` or `format.uri()` that is not declared there reads its
// namespace as an identifier first); a call of a declared function with an
// argument count or call style none of its overloads has is `found no
// matching overload for 'f' applied to '(int, string)'` (a member call shows
// its receiver's type before the parentheses), said only where kubeplan
// knows every argument's type. A macro the release does not offer (a
// two-variable comprehension before 1.33, sortBy before 1.35, `cel.bind`
// in any release) is such a call, its variables undeclared identifiers.
import type { ASTNode } from "@marcbachmann/cel-js";
import { offeredShapes, receiverMacroVariables, TYPE_IDENTIFIERS, type OptionalLibrary } from "./declarations.js";
import { skipString } from "./source.js";
import type { CheckIssue } from "./issues.js";

/** The macro variables in scope at a node: each name's cel-go type, undefined where kubeplan does not know it. */
export type MacroScope = ReadonlyMap<string, string | undefined>;

/** cel-go's type name (FormatCELType) of a node, when kubeplan is sure of it; `scope` holds the macro variables around it. */
export type TypeOracle = (node: ASTNode, scope: MacroScope) => string | undefined;

export interface ReferenceOptions {
  /** The variables the environment declares (`self`, `oldSelf`; `object`, `request`...). */
  variables: ReadonlySet<string>;
  kubernetesVersion: string;
  /** Types of arguments, for calls that match no overload; without it such calls are not judged. */
  typeOf?: TypeOracle;
  /** The optional libraries the environment adds (jsonpatch for a mutating admission policy's mutations). */
  libraries?: ReadonlySet<OptionalLibrary>;
}

const MAX_DEPTH = 128;

const undeclared = (name: string) => `undeclared reference to '${name}' (in container '')`;

/** The text with string literals and comments blanked, offsets kept: a call's '(' is searched for in code only. */
export function codeOnly(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      const raw = i > 0 && (text[i - 1] === "r" || text[i - 1] === "R");
      const end = skipString(text, i, raw);
      out += " ".repeat(end - i);
      i = end;
    } else if (char === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      out += " ".repeat(stop - i);
      i = stop;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

const isNode = (value: unknown): value is ASTNode => value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string";
const span = (node: ASTNode) => node as ASTNode & { start?: number; end?: number };

/** The function's name as written: source.ts renames some calls with a `__` prefix. */
const written = (name: string) => name.replace(/^__/, "");

/** `a.b.c` as a qualified name, when the node is a chain of plain selections on an identifier. */
export function qualifiedName(node: ASTNode): string | undefined {
  if (node.op === "id") return node.args as string;
  if (node.op !== ".") return undefined;
  const [operand, field] = node.args as [ASTNode, string];
  const prefix = qualifiedName(operand);
  return prefix === undefined ? undefined : `${prefix}.${field}`;
}

/** The key and value types of `map(K, V)`, split at the top-level comma. */
function splitMapType(type: string): [string, string] | undefined {
  if (!type.startsWith("map(") || !type.endsWith(")")) return undefined;
  const inner = type.slice(4, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "(") depth++;
    else if (inner[i] === ")") depth--;
    else if (inner[i] === "," && depth === 0) return [inner.slice(0, i), inner.slice(i + 2)];
  }
  return undefined;
}

/** A macro's variables, and the range they iterate over. */
interface Scope {
  range: ASTNode;
  names: string[];
  types?: MacroScope;
}

class ReferenceChecker {
  readonly issues: CheckIssue[] = [];
  private readonly scopes: Scope[] = [];

  constructor(
    private readonly code: string,
    private readonly options: ReferenceOptions,
  ) {}

  private declaredIdent(name: string): boolean {
    return this.options.variables.has(name) || TYPE_IDENTIFIERS.has(name) || this.scopes.some((scope) => scope.names.includes(name));
  }

  /** The '(' of a call: after the function's name, itself after the receiver when there is one. */
  private paren(node: ASTNode, target: ASTNode | undefined): number {
    const from = target ? (span(target).end ?? node.pos) : (span(node).start ?? node.pos);
    const at = this.code.indexOf("(", from);
    return at < 0 ? node.pos : at;
  }

  /** The macro variables in scope (the first `count` scopes), the innermost binding of each name winning; their types worked out when first asked for. */
  private innermostScope(count = this.scopes.length): MacroScope {
    const merged = new Map<string, string | undefined>();
    for (let i = 0; i < count; i++) {
      const scope = this.scopes[i]!;
      scope.types ??= this.macroVariableTypes(scope, i);
      for (const [name, type] of scope.types) merged.set(name, type);
    }
    return merged;
  }

  /**
   * The types cel-go's checker gives a comprehension's variables
   * (checkComprehension): over a list(T) the element T (and the index, int,
   * before it with two variables), over a map(K, V) the key K (then the value
   * V), over dyn dyn; unknown otherwise.
   */
  private macroVariableTypes({ range, names }: Scope, index: number): MacroScope {
    const rangeType = this.options.typeOf?.(range, this.innermostScope(index));
    const list = rangeType === undefined ? undefined : /^list\((.*)\)$/.exec(rangeType)?.[1];
    const map = rangeType === undefined || list !== undefined ? undefined : splitMapType(rangeType);
    const types: Array<string | undefined> =
      rangeType === "dyn" ? ["dyn", "dyn"] : list !== undefined ? (names.length === 2 ? ["int", list] : [list]) : map ? [map[0], map[1]] : [];
    return new Map(names.map((name, i) => [name, types[i]]));
  }

  visit(node: unknown, depth = 0): void {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (const item of node) this.visit(item, depth + 1);
      return;
    }
    if (!isNode(node)) return;
    switch (node.op) {
      case "id": {
        const name = node.args as string;
        if (!this.declaredIdent(name)) this.issues.push({ message: undeclared(name), offset: node.pos });
        return;
      }
      case "call": {
        const [name, args] = node.args as [string, ASTNode[]];
        this.globalCall(node, written(name), args, depth);
        return;
      }
      case "rcall": {
        const [name, target, args] = node.args as [string, ASTNode, ASTNode[]];
        this.memberCall(node, written(name), target, args, depth);
        return;
      }
      default:
        this.visit(node.args, depth + 1);
    }
  }

  private globalCall(node: ASTNode, name: string, args: ASTNode[], depth: number): void {
    this.visit(args, depth + 1);
    // has() is the one global macro; its argument is a selection, checked as one.
    if (name === "has" && args.length === 1) return;
    this.resolve(node, name, undefined, args);
  }

  private memberCall(node: ASTNode, name: string, target: ASTNode, args: ASTNode[], depth: number): void {
    const variables = receiverMacroVariables(name, args.length, this.options.kubernetesVersion);
    if (variables !== undefined && args.slice(0, variables).every((arg) => arg.op === "id")) {
      this.visit(target, depth + 1);
      this.scopes.push({ range: target, names: args.slice(0, variables).map((arg) => arg.args as string) });
      try {
        this.visit(args.slice(variables), depth + 1);
      } finally {
        this.scopes.pop();
      }
      return;
    }
    this.visit(args, depth + 1);
    // A namespaced function (`sets.contains`) is looked up before the receiver is checked.
    const namespace = qualifiedName(target);
    if (namespace !== undefined && offeredShapes(`${namespace}.${name}`, this.options.kubernetesVersion, this.options.libraries).length > 0) {
      this.resolve(node, `${namespace}.${name}`, undefined, args, target);
      return;
    }
    this.visit(target, depth + 1);
    this.resolve(node, name, target, args);
  }

  /** LookupFunction and overload resolution of a call; `namespaceOf` when the call is a namespaced function's. */
  private resolve(node: ASTNode, name: string, target: ASTNode | undefined, args: ASTNode[], namespaceOf?: ASTNode): void {
    const paren = this.paren(node, target ?? namespaceOf);
    const shapes = offeredShapes(name, this.options.kubernetesVersion, this.options.libraries);
    if (shapes.length === 0) {
      this.issues.push({ message: undeclared(name), offset: paren });
      return;
    }
    const shape = `${target ? "m" : "g"}${args.length}`;
    if (shapes.includes("*") || shapes.includes(shape)) return;
    const typeOf = this.options.typeOf;
    if (!typeOf) return;
    const scope = this.innermostScope();
    const types = [...(target ? [target] : []), ...args].map((arg) => typeOf(arg, scope));
    if (types.some((type) => type === undefined)) return;
    const signature = target ? `${types[0]}.(${types.slice(1).join(", ")})` : `(${types.join(", ")})`;
    this.issues.push({ message: `found no matching overload for '${name}' applied to '${signature}'`, offset: paren });
  }
}

/**
 * cel-go's reference errors of an expression (parsed from `parsedText`, as
 * source.ts rewrote it) in the release's environment for new expressions,
 * with offsets in `parsedText`.
 */
export function referenceIssues(ast: ASTNode, parsedText: string, options: ReferenceOptions): CheckIssue[] {
  const checker = new ReferenceChecker(codeOnly(parsedText), options);
  checker.visit(ast);
  return checker.issues;
}
