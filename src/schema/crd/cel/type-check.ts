// The type errors cel-go's checker finds when a CRD's rules are compiled,
// beyond field selection (select-check.ts): an operator applied to operands
// of types it has no overload for (`self.replicas > 'a'`, `1 in self.tags`),
// a standard or library function called on the wrong types
// (`self.name.startsWith(1)`, `quantity(self.replicas)`), conditional
// branches of different types, and names that are not declared. self and
// oldSelf are typed from the schema (types.ts) and checked by cel-js's
// checker in an environment with Kubernetes' libraries; only errors between
// scalar types, the schema's objects (named as the API server names them,
// type-names.ts) and lists and maps of them are reported, worded as cel-go
// words them (an object compared with one of its own type or with null is
// no error in cel-go), and of library functions only those whose every overload is
// listed here, so that where kubeplan's knowledge of a type or a library
// function is partial nothing is said. The lists library and the sets
// extension take lists of any element in kubeplan's library: their element
// types are checked here, each receiver and argument on its own.
import type { ASTNode, Environment } from "@marcbachmann/cel-js";
import type { SelectIssue } from "./select-check.js";
import type { CelType } from "./types.js";
import { SELF_TYPE_NAME } from "./type-names.js";

/** cel-go's names of the scalar types whose errors are reported (FormatCELType). */
const SCALARS: Readonly<Record<string, string>> = {
  int: "int",
  uint: "uint",
  double: "double",
  string: "string",
  bool: "bool",
  bytes: "bytes",
  null: "null",
  "google.protobuf.Timestamp": "timestamp",
  "google.protobuf.Duration": "duration",
};

/** cel-go's operator function names. */
const OPERATORS: Readonly<Record<string, string>> = {
  "==": "_==_", "!=": "_!=_", "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_",
  "+": "_+_", "-": "_-_", "*": "_*_", "/": "_/_", "%": "_%_", in: "@in",
};

/** Methods of CEL's standard library on scalars: a call with the wrong receiver or argument types is cel-go's error too. */
const STANDARD_METHODS = new Set(["size", "startsWith", "endsWith", "contains", "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "getHours", "getMinutes", "getSeconds", "getMilliseconds"]);

/**
 * Every overload (argument types, after the receiver) of the library
 * functions whose misuse is reported, in all releases kubeplan targets:
 * the strings extension and regex on strings, url and quantity. A call whose
 * argument types match none of them is an error in cel-go whatever cel-js
 * declares; functions not listed here are left alone.
 */
const LIBRARY_OVERLOADS: Readonly<Record<string, { receiver?: string; overloads: string[][] }>> = {
  charAt: { receiver: "string", overloads: [["int"]] },
  indexOf: { receiver: "string", overloads: [["string"], ["string", "int"]] },
  lastIndexOf: { receiver: "string", overloads: [["string"], ["string", "int"]] },
  lowerAscii: { receiver: "string", overloads: [[]] },
  upperAscii: { receiver: "string", overloads: [[]] },
  replace: { receiver: "string", overloads: [["string", "string"], ["string", "string", "int"]] },
  split: { receiver: "string", overloads: [["string"], ["string", "int"]] },
  substring: { receiver: "string", overloads: [["int"], ["int", "int"]] },
  trim: { receiver: "string", overloads: [[]] },
  find: { receiver: "string", overloads: [["string"]] },
  findAll: { receiver: "string", overloads: [["string"], ["string", "int"]] },
  matches: { receiver: "string", overloads: [["string"]] },
  url: { overloads: [["string"]] },
  isURL: { overloads: [["string"]] },
  quantity: { overloads: [["string"]] },
  isQuantity: { overloads: [["string"]] },
  ip: { overloads: [["string"]] },
  isIP: { overloads: [["string"]] },
  "ip.isCanonical": { overloads: [["string"]] },
  cidr: { overloads: [["string"]] },
  isCIDR: { overloads: [["string"]] },
  // The normalizing flag came with a later release: a call with it is left alone on every release.
  semver: { overloads: [["string"], ["string", "bool"]] },
  isSemver: { overloads: [["string"], ["string", "bool"]] },
};

/** The element types of the lists library's templated overloads (lists.go): comparableTypes and summableTypes. */
const COMPARABLE = ["int", "uint", "double", "bool", "duration", "timestamp", "string", "bytes"];
const LIST_METHODS: Readonly<Record<string, { elements?: string[]; sameAsElement?: boolean }>> = {
  isSorted: { elements: COMPARABLE },
  min: { elements: COMPARABLE },
  max: { elements: COMPARABLE },
  sum: { elements: ["int", "uint", "double", "duration"] },
  indexOf: { sameAsElement: true },
  lastIndexOf: { sameAsElement: true },
};
/** The sets extension: two lists of one element type. */
const SET_FUNCTIONS = new Set(["contains", "equivalent", "intersects"]);
/** The most calls of the lists and sets libraries a rule has checked. */
const MAX_LIBRARY_CALLS = 32;
const MAX_AST_DEPTH = 64;

/** The end of the cel-js type name that starts at `start` (generic parameters in angle brackets). */
function typeNameEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (char === "<") depth++;
    else if (char === ">") depth--;
    else if (depth === 0 && (char === " " || char === "," || char === ")")) return i;
  }
  return text.length;
}

/** A cel-js type list (`string, list<int>`) split at its top-level commas. */
function splitTypes(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    while (text[start] === " ") start++;
    const end = typeNameEnd(text, start);
    out.push(text.slice(start, end));
    start = end + 1;
  }
  return out;
}

/** cel-go's names (type-names.ts) of the object types kubeplan declared to cel-js, by their cel-js names. */
type ObjectNames = ReadonlyMap<string, string>;

/**
 * cel-go's name (FormatCELType) of a cel-js type kubeplan is sure of: a
 * scalar, an object of the schema (`selfType0.spec`), or a list or map of
 * such (`list(string)`, `map(string, int)`); undefined for dyn and types
 * whose parameters cel-js does not keep.
 */
function celGoType(type: string, objects: ObjectNames): string | undefined {
  if (Object.hasOwn(SCALARS, type)) return SCALARS[type];
  if (objects.has(type)) return objects.get(type);
  const generic = /^(list|map)<(.*)>$/.exec(type);
  if (!generic) return undefined;
  const params = splitTypes(generic[2]!).map((param) => celGoType(param, objects));
  if (params.length !== (generic[1] === "list" ? 1 : 2) || params.some((param) => param === undefined)) return undefined;
  return `${generic[1]}(${params.join(", ")})`;
}

/** A fresh environment of the libraries, in which the variables' types can be declared (null without cel-js). */
export type EnvironmentFactory = () => Environment | null;

/**
 * The names a rule may select: its identifiers. A field's type matters to the
 * checker only where the field is selected, so fields no rule names are
 * declared dyn and the schema under them is not declared at all. Undefined
 * (every field declared) for a rule with a quoted identifier.
 */
function namesSelectable(text: string): ReadonlySet<string> | undefined {
  if (text.includes("`")) return undefined;
  return new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/**
 * The declarations of self's type, named as type-names.ts names them along
 * the way (`name`): only what the rule selects is declared, and the rest of a
 * large schema is neither declared nor named.
 */
class TypeDeclarations {
  private count = 0;
  /** cel-js's name of each object type declared → the API server's. */
  readonly objects = new Map<string, string>();
  constructor(
    private readonly env: Environment,
    private readonly selectable: ReadonlySet<string> | undefined,
  ) {}

  /** The cel-js type of a schema's CEL type, objects registered as types of their own; `name` is the API server's name of it. */
  declare(type: CelType, name: string): string {
    switch (type.kind) {
      case "string":
      case "bytes":
      case "int":
      case "double":
      case "bool":
        return type.kind;
      case "timestamp":
        return "google.protobuf.Timestamp";
      case "duration":
        return "google.protobuf.Duration";
      case "list":
        return type.elem ? `list<${this.declare(type.elem, `${name}.@idx`)}>` : "list<dyn>";
      case "map":
        return type.elem ? `map<string, ${this.declare(type.elem, `${name}.@elem`)}>` : "map<string, dyn>";
      case "object":
        return this.declareObject(type, name);
      default:
        return "dyn";
    }
  }

  private declareObject(type: CelType, celGoName: string): string {
    // An object without declared fields (preserved unknown fields) is open to any selection.
    if (!type.fields || type.fields.size === 0) return "dyn";
    // A field reachable by two names (a reserved word and its escape) is named after the first.
    const fieldNames = new Map<CelType, string>();
    for (const [name, field] of type.fields) if (!fieldNames.has(field)) fieldNames.set(field, `${celGoName}.${name}`);
    const schema: Record<string, string> = {};
    for (const [name, field] of type.fields) schema[name] = !this.selectable || this.selectable.has(name) ? this.declare(field, fieldNames.get(field)!) : "dyn";
    const name = `kubeplan.object${this.count++}`;
    this.env.registerType({ name, schema });
    this.objects.set(name, celGoName);
    return name;
  }
}

interface TypedEnvironment {
  env: Environment;
  objects: ObjectNames;
}

const environments = new WeakMap<CelType, Map<string, TypedEnvironment>>();

/** An environment with self and oldSelf of the given type, declared as far as the rule selects; one per schema node and names. */
function environmentFor(create: EnvironmentFactory, self: CelType, text: string): TypedEnvironment | undefined {
  const selectable = namesSelectable(text);
  const key = selectable ? [...selectable].sort().join(",") : "`";
  let byNames = environments.get(self);
  if (!byNames) environments.set(self, (byNames = new Map()));
  let typed = byNames.get(key);
  if (!typed) {
    const env = create() ?? undefined;
    if (!env) return undefined;
    const declarations = new TypeDeclarations(env, selectable);
    const declared = declarations.declare(self, SELF_TYPE_NAME);
    env.registerVariable("self", declared);
    env.registerVariable("oldSelf", declared);
    typed = { env, objects: declarations.objects };
    byNames.set(key, typed);
  }
  return typed;
}

interface CheckerError {
  message: string;
  node?: { pos?: number; args?: unknown };
}

const isNode = (value: unknown): value is ASTNode => value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string";

/** Where cel-go reports a binary operator: at the operator, between its operands. */
function operatorOffset(text: string, node: CheckerError["node"], operator: string): number | undefined {
  const args = node?.args;
  if (!Array.isArray(args) || !isNode(args[1])) return node?.pos;
  const at = text.lastIndexOf(operator, (args[1] as { pos: number }).pos);
  return at >= 0 ? at : node?.pos;
}

/** The issue cel-go reports for cel-js's error, when it is one kubeplan is sure of. */
function issueOf(text: string, error: CheckerError, objects: ObjectNames): SelectIssue | undefined {
  // cel-js adds the source and a caret on the lines after the message.
  const message = error.message.split("\n")[0]!.trim();
  const unknown = /^Unknown variable: ([A-Za-z_][A-Za-z0-9_]*)$/.exec(message);
  if (unknown) return { message: `undeclared reference to '${unknown[1]}' (in container '')`, offset: error.node?.pos ?? 0 };
  if (message.startsWith("no such overload: ")) return operatorIssue(text, error, message.slice("no such overload: ".length), objects);
  const call = /^found no matching overload for '(?:(.+)\.)?([A-Za-z_]+)\((.*)\)'$/.exec(message);
  if (call) return callIssue(text, error, call[1], call[2]!, call[3] === "" ? [] : splitTypes(call[3]!), objects);
  const ternary = /^Ternary branches must have the same type, got '([^']+)' and '([^']+)'$/.exec(message);
  const branches = ternary ? [celGoType(ternary[1]!, objects), celGoType(ternary[2]!, objects)] : [];
  if (ternary && branches.every((branch) => branch !== undefined)) {
    const at = text.indexOf("?", error.node?.pos ?? 0);
    return { message: `found no matching overload for '_?_:_' applied to '(bool, ${branches.join(", ")})'`, offset: at >= 0 ? at : 0 };
  }
  return undefined;
}

/** `list<string> + int`: an operator on operands of types cel-go has no overload for. */
function operatorIssue(text: string, error: CheckerError, operands: string, objects: ObjectNames): SelectIssue | undefined {
  const leftEnd = typeNameEnd(operands, 0);
  const match = /^ (==|!=|<=|>=|<|>|\+|-|\*|\/|%|in) (.+)$/.exec(operands.slice(leftEnd));
  if (!match) return undefined;
  const [left, right] = [celGoType(operands.slice(0, leftEnd), objects), celGoType(match[2]!, objects)];
  if (left === undefined || right === undefined) return undefined;
  const op = match[1]!;
  // cel-go compares an object with one of its own type, and with null (objects are nullable): cel-js refuses both.
  const anObject = objects.has(operands.slice(0, leftEnd)) || objects.has(match[2]!);
  if ((op === "==" || op === "!=") && anObject && (left === right || left === "null" || right === "null")) return undefined;
  return { message: `found no matching overload for '${OPERATORS[op]}' applied to '(${left}, ${right})'`, offset: operatorOffset(text, error.node, op) ?? 0 };
}

/** Whether the argument types match none of a library function's overloads. */
function matchesNoOverload(name: string, receiver: string | undefined, args: string[]): boolean {
  const known = Object.hasOwn(LIBRARY_OVERLOADS, name) ? LIBRARY_OVERLOADS[name]! : undefined;
  if (!known || known.receiver !== receiver) return false;
  return !known.overloads.some((overload) => overload.length === args.length && overload.every((type, i) => type === args[i]));
}

/** A function or method called with arguments (or on a receiver) of types it has no overload for. `called`: as source.ts renamed it. */
function callIssue(text: string, error: CheckerError, receiverType: string | undefined, called: string, argTypes: string[], objects: ObjectNames): SelectIssue | undefined {
  // A function of a namespace (`ip.isCanonical`) is called on the namespace's constant.
  const namespace = receiverType === undefined ? undefined : /^([A-Z][a-z]*)Namespace$/.exec(receiverType)?.[1]?.toLowerCase();
  if (namespace !== undefined) return callIssue(text, error, undefined, `${namespace}.${called}`, argTypes, objects);
  const name = called.replace(/^__/, "");
  const receiver = receiverType === undefined ? undefined : celGoType(receiverType, objects);
  const args = argTypes.map((arg) => celGoType(arg, objects));
  if ((receiverType !== undefined && receiver === undefined) || args.some((arg) => arg === undefined)) return undefined;
  const known = args as string[];
  const standard = receiver !== undefined && STANDARD_METHODS.has(name) && (Object.hasOwn(SCALARS, receiverType!) || objects.has(receiverType!));
  if (!standard && !matchesNoOverload(name, receiver, known)) return undefined;
  return noMatchingOverload(text, error.node?.pos ?? 0, name, receiver, known, called);
}

/** cel-go's error for a call that matches no overload, placed at its opening parenthesis (`called`: the name in the rewritten rule). */
function noMatchingOverload(text: string, from: number, name: string, receiver: string | undefined, args: string[], called = name): SelectIssue {
  const at = text.indexOf(receiver === undefined ? called : `.${called}`, from);
  const open = at >= 0 ? text.indexOf("(", at) : -1;
  const signature = `${receiver === undefined ? "" : `${receiver}.`}(${args.join(", ")})`;
  return { message: `found no matching overload for '${name}' applied to '${signature}'`, offset: Math.max(open, 0) };
}

/** The calls (`rcall` nodes) of an AST, outermost first, at most `limit`. */
function methodCalls(node: unknown, found: ASTNode[], limit: number, depth = 0): ASTNode[] {
  if (found.length >= limit || depth > MAX_AST_DEPTH || !isNode(node)) return found;
  if (node.op === "rcall") found.push(node);
  const args: unknown = node.args;
  for (const child of Array.isArray(args) ? args.flat() : [args]) methodCalls(child, found, limit, depth + 1);
  return found;
}

/**
 * The lists library's and the sets extension's calls on elements of types
 * they have no overload for (`self.names.sum()`, `sets.contains(self.ports, ['a'])`):
 * kubeplan's library takes lists of any element, so each receiver and
 * argument is checked on its own, and a call is judged only when all their types are known.
 */
function listLibraryIssue({ env, objects }: TypedEnvironment, text: string, ast: ASTNode): SelectIssue | undefined {
  const typeOfNode = (node: unknown): string | undefined => {
    if (!isNode(node)) return undefined;
    const { start, end } = node as { start?: number; end?: number };
    if (start === undefined || end === undefined) return undefined;
    try {
      const checked = env.check(text.slice(start, end));
      return checked.valid && checked.type !== undefined ? celGoType(checked.type, objects) : undefined;
    } catch {
      return undefined;
    }
  };
  const elementOf = (type: string | undefined) => (type !== undefined ? /^list\((.*)\)$/.exec(type)?.[1] : undefined);
  for (const call of methodCalls(ast, [], MAX_LIBRARY_CALLS)) {
    const [parsedName, receiver, args] = call.args as [string, ASTNode, ASTNode[]];
    // indexOf( and lastIndexOf( reach cel-js renamed (source.ts).
    const name = parsedName.replace(/^__/, "");
    const at = (call as { start?: number }).start ?? 0;
    if (receiver?.op === "id" && receiver.args === "sets" && SET_FUNCTIONS.has(name) && args.length === 2) {
      const types = args.map(typeOfNode);
      if (types.some((type) => type === undefined)) continue;
      if (types.every((type) => elementOf(type) !== undefined) && elementOf(types[0]) !== elementOf(types[1])) return noMatchingOverload(text, at, `sets.${name}`, undefined, types as string[]);
      continue;
    }
    const method = Object.hasOwn(LIST_METHODS, name) ? LIST_METHODS[name]! : undefined;
    if (!method) continue;
    const receiverType = typeOfNode(receiver);
    const element = elementOf(receiverType);
    if (element === undefined) continue;
    const argTypes = args.map(typeOfNode);
    if (argTypes.some((type) => type === undefined)) continue;
    const fits = method.sameAsElement ? argTypes.length === 1 && argTypes[0] === element : argTypes.length === 0 && method.elements!.includes(element);
    if (!fits) return noMatchingOverload(text, at, name, receiverType, argTypes as string[], parsedName);
  }
  return undefined;
}

export interface TypedCheck {
  issue?: SelectIssue;
  /** The result type, when the checker is sure of it. */
  type?: string;
}

/** The rule (as source.ts rewrote it) checked with self typed from its schema. */
export function typedCheck(create: EnvironmentFactory, text: string, self: CelType): TypedCheck {
  let result;
  try {
    result = environmentFor(create, self, text)?.env.check(text);
  } catch {
    return {};
  }
  if (!result) return {};
  if (result.valid) {
    const typed = environmentFor(create, self, text)!;
    let issue: SelectIssue | undefined;
    try {
      issue = listLibraryIssue(typed, text, typed.env.parse(text).ast);
    } catch {
      issue = undefined;
    }
    return issue ? { issue } : { type: result.type };
  }
  const issue = result.error ? issueOf(text, result.error as CheckerError, environmentFor(create, self, text)!.objects) : undefined;
  return issue ? { issue } : {};
}

/**
 * The cel-go type of a part of the rule (as source.ts rewrote it), with self
 * typed from its schema, when the checker is sure of it; undefined for parts
 * that refer to a macro's variables or that do not check.
 */
export function typeOracle(create: EnvironmentFactory, text: string, self: CelType): (node: ASTNode) => string | undefined {
  return (node) => {
    const { start, end } = node as { start?: number; end?: number };
    const typed = environmentFor(create, self, text);
    if (!typed || start === undefined || end === undefined) return undefined;
    try {
      const checked = typed.env.check(text.slice(start, end));
      if (!checked.valid || checked.type === undefined) return undefined;
      return checked.type === "dyn" ? "dyn" : celGoType(checked.type, typed.objects);
    } catch {
      return undefined;
    }
  };
}
