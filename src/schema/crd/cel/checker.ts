// cel-go's checker (checker/checker.go) over an expression whose variables
// have declared types: each node's type where kubeplan can work it out, and
// the errors cel-go reports on the way: a field its object type does not
// declare (`undefined field 'foo'`), a selection on a value that has no
// fields, a call or operator whose arguments no overload takes
// (`found no matching overload for '_+_' applied to '(string, int)'`), an
// operand of `&&` or `||` that is not a bool, and a comprehension over a
// value that is neither list, map nor dyn; null is assignable only to
// objects, optionals and other opaque types, timestamps and durations
// (`cond ? 'a' : null` is `'_?_:_' applied to '(bool, string, null)'`).
// When it finds none, the validator Kubernetes adds runs (cel/validator.go
// homogeneousAggregateLiteralValidator): the items of a list or map literal
// must all be of one type, dyn included (`[1, 'a']`, `[request.name,
// object.x]`: `expected type 'string' but found 'dyn'`), except in the
// arguments of `format` (in 1.30 only through lists and maps). Every place
// is where cel-go's parser locates the node (the `.` of a selection, the
// `(` of a call, an operator's token). Where a type is not known nothing is
// said: a node of unknown type makes the calls around it unknown too.
// Undeclared names and calls with an argument count no overload has are
// reference-check.ts's; here such a node is cel-go's error type, which any
// overload accepts, so that the check goes on as cel-go's does.
import type { ASTNode } from "@marcbachmann/cel-js";
import { BOOL, DYN, ERROR, formatType, holdsUnresolved, isAssignable, isAssignableList, isCertainlyDyn, isConcrete, mostGeneral, parseType, sameType, substitute, type CheckedType } from "./checker-types.js";
import { offeredShapes, receiverMacroVariables, TYPE_IDENTIFIERS, type OptionalLibrary } from "./declarations.js";
import { overloadsOf, uniformResultType } from "./overloads.js";
import { qualifiedName } from "./reference-check.js";
import { optionalEntries } from "./lib/optional-entries.js";
import { atLeast } from "../../../util/release.js";
import type { CheckIssue } from "./issues.js";

/** The declarations an expression is checked against. */
export interface CheckerDeclarations {
  /** A declared variable's type (qualified names such as `authorizer.requestResource` too); `null` when it is declared with a type kubeplan does not know, undefined when it is not declared. */
  variable(name: string): CheckedType | null | undefined;
  /** The fields of a declared object type (a field of unknown type is null); undefined when kubeplan does not know them. */
  fields(typeName: string): ReadonlyMap<string, CheckedType | null> | undefined;
  kubernetesVersion: string;
  libraries?: ReadonlySet<OptionalLibrary>;
  /** Map literals stand for message constructions (message-construction.ts): their entries are checked, their types not joined. */
  mapLiteralsAreConstructions?: boolean;
}

export interface CheckResult {
  issues: CheckIssue[];
  /** The homogeneous aggregate literal validator's issues, which the API server reports only when the check finds nothing. */
  literalIssues: CheckIssue[];
  /** The type of each node kubeplan worked out. */
  types: ReadonlyMap<ASTNode, CheckedType>;
  /** Where cel-go's parser places a node (an offset in the parsed text): where an issue about it is reported. */
  location(node: ASTNode): number;
}

const MAX_DEPTH = 128;

/** cel-go's names of the operators of cel-js's AST. */
const OPERATORS: Readonly<Record<string, string>> = {
  "==": "_==_",
  "!=": "_!=_",
  "<": "_<_",
  "<=": "_<=_",
  ">": "_>_",
  ">=": "_>=_",
  "+": "_+_",
  "-": "_-_",
  "*": "_*_",
  "/": "_/_",
  "%": "_%_",
  in: "@in",
};

const OPTIONAL = "optional_type";
const optionalOf = (type: CheckedType): CheckedType => ({ kind: "opaque", name: OPTIONAL, params: [type] });

const isNode = (value: unknown): value is ASTNode => value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string";
const span = (node: ASTNode) => node as ASTNode & { start?: number; end?: number };
/** The function's name as written: source.ts renames some calls with a `__` prefix. */
const written = (name: string) => name.replace(/^__/, "");

/** The type of a literal (cel-js's parsed value). */
function literalType(value: unknown): CheckedType | undefined {
  if (value === null) return { kind: "null" };
  switch (typeof value) {
    case "bigint":
      return parseType("int");
    case "number":
      return parseType("double");
    case "string":
      return parseType("string");
    case "boolean":
      return BOOL;
    default:
      if (value instanceof Uint8Array) return parseType("bytes");
      return /^Unsigned/.test(value?.constructor?.name ?? "") ? parseType("uint") : undefined;
  }
}

class Checker {
  readonly issues: CheckIssue[] = [];
  readonly types = new Map<ASTNode, CheckedType>();
  /** The list and map literals met, each entry its item (a list's) or its key and value (a map's). */
  private readonly literals: Array<{ entries: ASTNode[][]; inFormat: boolean }> = [];
  /** The type an optional entry holds, which the homogeneous literal validator compares (a dyn entry is not compared). */
  private readonly entryTypes = new Map<ASTNode, CheckedType>();
  /** The optional entries the checker met, whatever their type. */
  private readonly optionalItems = new Set<ASTNode>();
  /** Whether the node being checked is exempt from the homogeneous literal validator, being within the arguments of `format`. */
  private inFormat = false;
  /**
   * cel-go 0.17 (Kubernetes 1.30) exempts a literal only when the nodes between it
   * and the `format` call are lists and maps (inExemptFunction looked at the parent
   * and recursed through aggregates only); from cel-go 0.18 any `format` call
   * among its ancestors exempts it.
   */
  private readonly exemptThroughAggregatesOnly: boolean;
  /** The macro variables in scope, innermost last; a variable of unknown type is null. */
  private readonly scopes: Array<Map<string, CheckedType | null>> = [];

  constructor(
    /** The parsed text with string literals and comments blanked (reference-check.ts's codeOnly). */
    private readonly code: string,
    private readonly declarations: CheckerDeclarations,
  ) {
    this.exemptThroughAggregatesOnly = !atLeast(declarations.kubernetesVersion, "1.31");
  }

  private report(message: string, offset: number): void {
    this.issues.push({ message, offset });
  }

  /** The offset of the first `token` at or after `from`. */
  private tokenAt(token: string, from: number | undefined, fallback: number): number {
    const at = this.code.indexOf(token, from ?? fallback);
    return at < 0 ? fallback : at;
  }

  /** Where cel-go's parser places a node. */
  location(node: ASTNode): number {
    const args = node.args as unknown;
    switch (node.op) {
      case ".":
      case ".?": {
        let i = node.pos - 1;
        while (i > 0 && (this.code[i] === "?" || /\s/.test(this.code[i]!))) i--;
        return this.code[i] === "." ? i : node.pos;
      }
      case "call":
        return this.tokenAt("(", span(node).start, node.pos);
      case "rcall":
        return this.tokenAt("(", span((args as [string, ASTNode])[1]).end, node.pos);
      case "[]":
      case "[?]":
        return this.tokenAt("[", span((args as ASTNode[])[0]!).end, node.pos);
      case "?:":
        return this.tokenAt("?", span((args as ASTNode[])[0]!).end, node.pos);
      default:
        if (Object.hasOwn(OPERATORS, node.op) || node.op === "&&" || node.op === "||") return this.tokenAt(node.op, span((args as ASTNode[])[0]!).end, node.pos);
        return span(node).start ?? node.pos;
    }
  }

  private lookup(name: string): CheckedType | null | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i]!.get(name);
    return this.declarations.variable(name);
  }

  private inScope(name: string): boolean {
    return this.scopes.some((scope) => scope.has(name));
  }

  check(node: unknown, depth = 0): CheckedType | undefined {
    if (!isNode(node) || depth > MAX_DEPTH) return undefined;
    const leavesFormat = this.inFormat && this.exemptThroughAggregatesOnly && node.op !== "list" && node.op !== "map";
    if (leavesFormat) this.inFormat = false;
    let type: CheckedType | undefined;
    try {
      type = this.checkNode(node, depth + 1);
    } finally {
      if (leavesFormat) this.inFormat = true;
    }
    if (type !== undefined) this.types.set(node, type);
    return type;
  }

  private checkAll(nodes: unknown, depth: number): void {
    if (Array.isArray(nodes)) for (const node of nodes) this.checkAll(node, depth + 1);
    else this.check(nodes, depth);
  }

  private checkNode(node: ASTNode, depth: number): CheckedType | undefined {
    const args = node.args as unknown;
    switch (node.op) {
      case "value":
        return literalType(args);
      case "id": {
        const name = args as string;
        if (TYPE_IDENTIFIERS.has(name) && !this.inScope(name) && this.declarations.variable(name) === undefined) return undefined;
        const type = this.lookup(name);
        // Undeclared: reference-check.ts reports it, and the node is cel-go's error type.
        if (type === undefined) return ERROR;
        return type ?? undefined;
      }
      case ".":
      case ".?": {
        const [operand, field] = args as [ASTNode, string];
        const qualified = node.op === "." ? qualifiedName(node) : undefined;
        const root = qualified?.split(".")[0];
        if (qualified !== undefined && root !== undefined && !this.inScope(root)) {
          const declared = this.declarations.variable(qualified);
          if (declared !== undefined) return declared ?? undefined;
        }
        return this.selectField(node, this.check(operand, depth), field, node.op === ".?", false);
      }
      case "[]":
      case "[?]": {
        const [operand, index] = args as [ASTNode, ASTNode];
        return this.resolve(node, node.op === "[]" ? "_[_]" : "_[?_]", false, [this.check(operand, depth), this.check(index, depth)]);
      }
      case "list": {
        const items = args as ASTNode[];
        this.literals.push({ entries: items.map((item) => [item]), inFormat: this.inFormat });
        const elem = this.joinAll(items, depth, optionalEntries(node));
        return elem && items.length > 0 ? { kind: "list", elem } : undefined;
      }
      case "map": {
        const all = args as ASTNode[][];
        const entries = all.filter((entry) => Array.isArray(entry) && entry.length === 2);
        if (this.declarations.mapLiteralsAreConstructions === true) {
          this.checkAll(entries, depth);
          return undefined;
        }
        this.literals.push({ entries, inFormat: this.inFormat });
        const optional = optionalEntries(node);
        const key = this.joinAll(entries.map((entry) => entry[0]!), depth);
        const value = this.joinAll(
          entries.map((entry) => entry[1]!),
          depth,
          new Set(entries.flatMap((entry, i) => (optional.has(all.indexOf(entry)) ? [i] : []))),
        );
        return key && value && entries.length > 0 ? { kind: "map", key, value } : undefined;
      }
      case "?:": {
        const operands = args as ASTNode[];
        return this.resolve(node, "_?_:_", false, operands.map((operand) => this.check(operand, depth)));
      }
      case "&&":
      case "||":
        return this.logical(args as ASTNode[], depth);
      case "!_":
      case "-_":
        return this.resolve(node, node.op, false, [this.check(args, depth)]);
      case "call": {
        const [name, callArgs] = args as [string, ASTNode[]];
        return this.globalCall(node, written(name), callArgs, depth);
      }
      case "rcall": {
        const [name, target, callArgs] = args as [string, ASTNode, ASTNode[]];
        return this.memberCall(node, written(name), target, callArgs, depth);
      }
      default:
        if (Object.hasOwn(OPERATORS, node.op)) {
          const operands = args as ASTNode[];
          return this.resolve(node, OPERATORS[node.op]!, false, operands.map((operand) => this.check(operand, depth)));
        }
        this.checkAll(args, depth);
        return undefined;
    }
  }

  /**
   * checkSelectField: a map's value, an object's declared field, dyn on dyn;
   * `testOnly` for has(). A selection on an optional selects on its value and,
   * as an optional selection (`.?`), gives an optional.
   */
  private selectField(node: ASTNode, operandType: CheckedType | undefined, field: string, optional: boolean, testOnly: boolean, at = this.location(node)): CheckedType | undefined {
    if (operandType === undefined) return testOnly ? BOOL : undefined;
    const wrapped = operandType.kind === "opaque" && operandType.name === OPTIONAL && operandType.params.length === 1;
    const operand = wrapped ? operandType.params[0]! : operandType;
    let result: CheckedType | undefined;
    switch (operand.kind) {
      case "map":
        result = operand.value;
        break;
      case "object": {
        const fields = this.declarations.fields(operand.name);
        if (!fields) return testOnly ? BOOL : undefined;
        if (fields.has(field)) result = fields.get(field) ?? undefined;
        else {
          this.report(`undefined field '${field}'`, at);
          result = ERROR;
        }
        break;
      }
      case "dyn":
      case "error":
      case "param":
        result = DYN;
        break;
      case "opaque":
        // A library's opaque type, or an optional of an optional: not followed.
        return testOnly ? BOOL : undefined;
      default:
        this.report(`type '${formatType(operand)}' does not support field selection`, at);
        result = DYN;
    }
    if (testOnly) return BOOL;
    if (result === undefined) return undefined;
    return optional || wrapped ? optionalOf(result) : result;
  }

  /**
   * An optional entry's type (`[?x]`, `{?k: x}`): what its optional holds;
   * a value of another type than an optional or dyn is cel-go's
   * `expected type 'optional_type(int)' but found 'int'`.
   */
  private optionalEntryType(item: ASTNode, type: CheckedType | undefined): CheckedType | undefined {
    this.optionalItems.add(item);
    if (type === undefined) return undefined;
    if (type.kind === "opaque" && type.name === OPTIONAL && type.params.length === 1) {
      this.entryTypes.set(item, type.params[0]!);
      return type.params[0];
    }
    if (type.kind !== "dyn") this.report(`expected type '${formatType(optionalOf(type))}' but found '${formatType(type)}'`, this.location(item));
    return type;
  }

  /** joinTypes over a literal's items (dyn aggregate literals): the most general type of them, dyn where two do not agree. */
  private joinAll(items: ASTNode[], depth: number, optional: ReadonlySet<number> = new Set()): CheckedType | undefined {
    let joined: CheckedType | undefined;
    let known = true;
    for (const [i, item] of items.entries()) {
      const checked = this.check(item, depth);
      const type = optional.has(i) ? this.optionalEntryType(item, checked) : checked;
      if (type === undefined) known = false;
      if (!known || type === undefined) continue;
      joined = joined === undefined ? type : isAssignable(joined, type) ? mostGeneral(joined, type) : DYN;
    }
    return known ? joined : undefined;
  }

  /**
   * The homogeneous aggregate literal validator, once the check found nothing:
   * a list's first item of another type than the first item's, each map key
   * and value of another type than the first entry's; where every type
   * compared is known, and not within the arguments of `format`.
   */
  literalIssues(): CheckIssue[] {
    const issues: CheckIssue[] = [];
    // A type parameter kubeplan left open may be bound later in cel-go (`[?self.?a, ?optional.none()]`): not compared.
    const typeOf = (item: ASTNode) => {
      const type = this.optionalItems.has(item) ? this.entryTypes.get(item) : this.types.get(item);
      return type === undefined || holdsUnresolved(type) ? undefined : type;
    };
    const mismatch = (expected: CheckedType, item: ASTNode) => {
      const actual = typeOf(item);
      if (actual === undefined || sameType(expected, actual)) return false;
      issues.push({ message: `expected type '${formatType(expected)}' but found '${formatType(actual)}'`, offset: this.location(item) });
      return true;
    };
    for (const { entries, inFormat } of this.literals) {
      if (inFormat || entries.length < 2) continue;
      if (entries[0]!.length === 1) {
        const first = typeOf(entries[0]![0]!);
        if (!first) continue;
        for (const [item] of entries.slice(1)) if (typeOf(item!) === undefined || mismatch(first, item!)) break;
        continue;
      }
      const [firstKey, firstValue] = entries[0]!.map((node) => typeOf(node));
      for (const [key, value] of entries.slice(1)) {
        if (firstKey) mismatch(firstKey, key!);
        if (firstValue) mismatch(firstValue, value!);
      }
    }
    return issues;
  }

  /** `&&` and `||`: each operand must be assignable to bool. */
  private logical(operands: ASTNode[], depth: number): CheckedType | undefined {
    let failed = false;
    for (const operand of operands) {
      const type = this.check(operand, depth);
      if (type !== undefined && !isAssignable(type, BOOL)) {
        this.report(`expected type 'bool' but found '${formatType(type)}'`, this.location(operand));
        failed = true;
      }
    }
    return failed ? ERROR : BOOL;
  }

  private globalCall(node: ASTNode, name: string, args: ASTNode[], depth: number): CheckedType | undefined {
    // has(x.f): a presence test of the selection, placed at the macro's parenthesis.
    if (name === "has" && args.length === 1 && isNode(args[0]) && (args[0].op === "." || args[0].op === ".?")) {
      const [operand, field] = args[0].args as [ASTNode, string];
      return this.selectField(args[0], this.check(operand, depth), field, false, true, this.location(node));
    }
    const types = args.map((arg) => this.check(arg, depth));
    return this.resolve(node, name, false, types);
  }

  private memberCall(node: ASTNode, name: string, target: ASTNode, args: ASTNode[], depth: number): CheckedType | undefined {
    const variables = receiverMacroVariables(name, args.length, this.declarations.kubernetesVersion);
    if (variables !== undefined && args.slice(0, variables).every((arg) => arg.op === "id")) return this.comprehension(name, target, args.slice(0, variables), args.slice(variables), depth);
    // A namespaced function (`sets.contains`) is looked up before the receiver is checked.
    const namespace = qualifiedName(target);
    if (namespace !== undefined && offeredShapes(`${namespace}.${name}`, this.declarations.kubernetesVersion, this.declarations.libraries).length > 0) {
      return this.resolve(node, `${namespace}.${name}`, false, args.map((arg) => this.check(arg, depth)));
    }
    const receiver = this.check(target, depth);
    // The literals in format's arguments are exempt from the homogeneous literal validator (its Configure, or string.format's from cel-go 0.18).
    const outer = this.inFormat;
    if (name === "format") this.inFormat = true;
    try {
      return this.resolve(node, name, true, [receiver, ...args.map((arg) => this.check(arg, depth))]);
    } finally {
      this.inFormat = outer;
    }
  }

  /** checkComprehension for the macros: the variables typed by the range, the bodies checked in their scope. */
  private comprehension(name: string, range: ASTNode, variableArgs: ASTNode[], bodies: ASTNode[], depth: number): CheckedType | undefined {
    if (name === "optMap" || name === "optFlatMap") return this.optionalMacro(name, range, variableArgs[0]!, bodies[0]!, depth);
    const rangeType = this.check(range, depth);
    const names = variableArgs.map((arg) => arg.args as string);
    let types: Array<CheckedType | null>;
    if (rangeType === undefined) types = names.map(() => null);
    else if (rangeType.kind === "list") types = names.length === 2 ? [parseType("int"), rangeType.elem] : [rangeType.elem];
    else if (rangeType.kind === "map") types = names.length === 2 ? [rangeType.key, rangeType.value] : [rangeType.key];
    else if (rangeType.kind === "dyn" || rangeType.kind === "error" || rangeType.kind === "param") types = names.map(() => DYN);
    else {
      this.report(`expression of type '${formatType(rangeType)}' cannot be range of a comprehension (must be list, map, or dynamic)`, this.location(range));
      types = names.map(() => ERROR);
    }
    this.scopes.push(new Map(names.map((variable, i) => [variable, types[i] ?? null])));
    let bodyTypes: Array<CheckedType | undefined>;
    try {
      bodyTypes = bodies.map((body) => this.check(body, depth));
    } finally {
      this.scopes.pop();
    }
    switch (name) {
      case "all":
      case "exists":
      case "exists_one":
      case "existsOne":
        return BOOL;
      case "filter":
        if (rangeType === undefined) return undefined;
        return { kind: "list", elem: rangeType.kind === "list" ? rangeType.elem : rangeType.kind === "map" ? rangeType.key : DYN };
      case "map": {
        const transformed = bodyTypes[bodyTypes.length - 1];
        return transformed === undefined ? undefined : { kind: "list", elem: transformed };
      }
      default:
        return undefined;
    }
  }

  /**
   * optMap and optFlatMap: a conditional on the optional's value bound to the
   * variable (`o.hasValue() ? optional.of(<body>) : optional.none()`, the
   * body as is for optFlatMap); on anything but an optional or dyn the
   * expansion's calls fail in ways kubeplan does not work out, so nothing is known.
   */
  private optionalMacro(name: string, target: ASTNode, variable: ASTNode, body: ASTNode, depth: number): CheckedType | undefined {
    const targetType = this.check(target, depth);
    const isOptional = targetType?.kind === "opaque" && targetType.name === OPTIONAL && targetType.params.length === 1;
    const known = isOptional || targetType?.kind === "dyn";
    const valueType = isOptional ? (targetType as CheckedType & { kind: "opaque" }).params[0]! : known ? DYN : null;
    this.scopes.push(new Map([[variable.args as string, valueType]]));
    let bodyType: CheckedType | undefined;
    try {
      bodyType = this.check(body, depth);
    } finally {
      this.scopes.pop();
    }
    if (!known || bodyType === undefined) return undefined;
    return name === "optMap" ? optionalOf(bodyType) : bodyType;
  }

  /** resolveOverload: the result type, or cel-go's error when no overload takes the arguments. */
  private resolve(node: ASTNode, name: string, member: boolean, argTypes: Array<CheckedType | undefined>): CheckedType | undefined {
    const operator = name.startsWith("_") || name === "@in" || name === "!_" || name === "-_";
    if (!operator) {
      const shapes = offeredShapes(name, this.declarations.kubernetesVersion, this.declarations.libraries);
      const shape = `${member ? "m" : "g"}${argTypes.length - (member ? 1 : 0)}`;
      // Not declared, or no overload of this argument count: reference-check.ts's error.
      if (shapes.length === 0 || (!shapes.includes("*") && !shapes.includes(shape))) return ERROR;
    }
    const overloads = overloadsOf(name);
    if (!overloads) return uniformResultType(name);
    const candidates = overloads.filter((overload) => overload.member === member && overload.params.length === argTypes.length);
    if (candidates.length === 0) return undefined;
    if (argTypes.some((type) => type === undefined)) {
      // Unknown arguments: the result is known only when every candidate has the same one.
      const results = candidates.map((overload) => overload.result);
      return results.length > 0 && results.every((result) => isConcrete(result) && sameType(result, results[0]!)) ? results[0] : undefined;
    }
    const known = argTypes as CheckedType[];
    let result: CheckedType | undefined;
    for (const overload of candidates) {
      const mapping = isAssignableList(new Map(), known, overload.params);
      if (!mapping) continue;
      const type = substitute(mapping, overload.result);
      // The first overload that takes the arguments gives the result; two that give different types, dyn.
      // An open type parameter is a fresh type variable in cel-go, the same as no other type.
      if (result === undefined) result = type;
      else if (!isCertainlyDyn(result) && (holdsUnresolved(result) || holdsUnresolved(type) || !sameType(type, result))) result = DYN;
    }
    if (result !== undefined) return result;
    const signature = member ? `${formatType(known[0]!)}.(${known.slice(1).map(formatType).join(", ")})` : `(${known.map(formatType).join(", ")})`;
    this.report(`found no matching overload for '${name}' applied to '${signature}'`, this.location(node));
    return ERROR;
  }
}

/**
 * Checks a parsed expression (`code`: the parsed text with string literals
 * blanked, for the places of its nodes) against the declarations: cel-go's
 * type errors kubeplan is sure of, with offsets in the parsed text, and the
 * types of the nodes.
 */
export function checkExpression(ast: ASTNode, code: string, declarations: CheckerDeclarations): CheckResult {
  const checker = new Checker(code, declarations);
  checker.check(ast);
  return { issues: checker.issues, literalIssues: checker.literalIssues(), types: checker.types, location: (node) => checker.location(node) };
}
