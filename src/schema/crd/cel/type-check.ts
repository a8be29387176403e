// The type errors cel-go's checker finds when a CRD's rules are compiled,
// beyond field selection (select-check.ts): an operator applied to operands
// of types it has no overload for (`self.replicas > 'a'`), a standard
// function called on the wrong type (`self.name.startsWith(1)`), conditional
// branches of different types, and names that are not declared. self and
// oldSelf are typed from the schema (types.ts) and checked by cel-js's
// checker in an environment with Kubernetes' libraries; only errors between
// concrete scalar types are reported, worded as cel-go words them, so that
// where kubeplan's knowledge of a type or a library function is partial
// nothing is said.
import type { ASTNode, Environment } from "@marcbachmann/cel-js";
import type { SelectIssue } from "./select-check.js";
import type { CelType } from "./types.js";

/** cel-go's names of the types whose errors are reported (FormatCELType). */
const SCALARS: Readonly<Record<string, string>> = {
  int: "int",
  uint: "uint",
  double: "double",
  string: "string",
  bool: "bool",
  bytes: "bytes",
  null: "null_type",
  "google.protobuf.Timestamp": "google.protobuf.Timestamp",
  "google.protobuf.Duration": "google.protobuf.Duration",
};

/** cel-go's operator function names. */
const OPERATORS: Readonly<Record<string, string>> = {
  "==": "_==_", "!=": "_!=_", "<": "_<_", "<=": "_<=_", ">": "_>_", ">=": "_>=_",
  "+": "_+_", "-": "_-_", "*": "_*_", "/": "_/_", "%": "_%_", in: "@in",
};

/** Methods of CEL's standard library on scalars: a call with the wrong receiver or argument types is cel-go's error too. */
const STANDARD_METHODS = new Set(["size", "startsWith", "endsWith", "contains", "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear", "getHours", "getMinutes", "getSeconds", "getMilliseconds"]);

/** A fresh environment of the libraries, in which the variables' types can be declared (null without cel-js). */
export type EnvironmentFactory = () => Environment | null;

class TypeDeclarations {
  private count = 0;
  constructor(private readonly env: Environment) {}

  /** The cel-js type of a schema's CEL type, objects registered as types of their own. */
  declare(type: CelType): string {
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
        return type.elem ? `list<${this.declare(type.elem)}>` : "list<dyn>";
      case "map":
        return type.elem ? `map<string, ${this.declare(type.elem)}>` : "map<string, dyn>";
      case "object":
        return this.declareObject(type);
      default:
        return "dyn";
    }
  }

  private declareObject(type: CelType): string {
    // An object without declared fields (preserved unknown fields) is open to any selection.
    if (!type.fields || type.fields.size === 0) return "dyn";
    const schema: Record<string, string> = {};
    for (const [name, field] of type.fields) schema[name] = this.declare(field);
    const name = `kubeplan.object${this.count++}`;
    this.env.registerType({ name, schema });
    return name;
  }
}

const environments = new WeakMap<CelType, Environment>();

/** An environment with self and oldSelf of the given type, one per schema node. */
function environmentFor(create: EnvironmentFactory, self: CelType): Environment | undefined {
  let env = environments.get(self);
  if (!env) {
    env = create() ?? undefined;
    if (!env) return undefined;
    const declared = new TypeDeclarations(env).declare(self);
    env.registerVariable("self", declared);
    env.registerVariable("oldSelf", declared);
    environments.set(self, env);
  }
  return env;
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
function issueOf(text: string, error: CheckerError): SelectIssue | undefined {
  // cel-js adds the source and a caret on the lines after the message.
  const message = error.message.split("\n")[0]!.trim();
  const unknown = /^Unknown variable: ([A-Za-z_][A-Za-z0-9_]*)$/.exec(message);
  if (unknown) return { message: `undeclared reference to '${unknown[1]}' (in container '')`, offset: error.node?.pos ?? 0 };
  const operator = /^no such overload: (\S+) (==|!=|<=|>=|<|>|\+|-|\*|\/|%|in) (\S+)$/.exec(message);
  if (operator) {
    const [, left, op, right] = operator as unknown as [string, string, string, string];
    if (SCALARS[left] === undefined || SCALARS[right] === undefined) return undefined;
    const offset = operatorOffset(text, error.node, op);
    return { message: `found no matching overload for '${OPERATORS[op]}' applied to '(${SCALARS[left]}, ${SCALARS[right]})'`, offset: offset ?? 0 };
  }
  const method = /^found no matching overload for '([A-Za-z_.]+)\.([A-Za-z_]+)\(([^)]*)\)'$/.exec(message);
  if (method) {
    const [, receiver, name, args] = method as unknown as [string, string, string, string];
    const argTypes = args === "" ? [] : args.split(", ");
    if (!STANDARD_METHODS.has(name) || SCALARS[receiver] === undefined || argTypes.some((arg) => SCALARS[arg] === undefined)) return undefined;
    // cel-go places a member call at its opening parenthesis.
    const call = text.indexOf(`.${name}`, error.node?.pos ?? 0);
    const open = call >= 0 ? text.indexOf("(", call) : -1;
    return { message: `found no matching overload for '${name}' applied to '${SCALARS[receiver]}.(${argTypes.map((arg) => SCALARS[arg]).join(", ")})'`, offset: Math.max(open, 0) };
  }
  const ternary = /^Ternary branches must have the same type, got '([^']+)' and '([^']+)'$/.exec(message);
  if (ternary && SCALARS[ternary[1]!] !== undefined && SCALARS[ternary[2]!] !== undefined) {
    const at = text.indexOf("?", error.node?.pos ?? 0);
    return { message: `found no matching overload for '_?_:_' applied to '(bool, ${SCALARS[ternary[1]!]}, ${SCALARS[ternary[2]!]})'`, offset: at >= 0 ? at : 0 };
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
    result = environmentFor(create, self)?.check(text);
  } catch {
    return {};
  }
  if (!result) return {};
  if (result.valid) return { type: result.type };
  const issue = result.error ? issueOf(text, result.error as CheckerError) : undefined;
  return issue ? { issue } : {};
}
