// The field selections cel-go's checker refuses when a CRD's rules are
// compiled (checker.go checkSelect): a field an object's schema does not
// declare (`undefined field 'replicass'`) and a selection on a value that
// has no fields (`type 'string' does not support field selection`, a list's
// `type 'list(selfType0.spec.ports.@idx)' ...` with type-names.ts's names).
// Types come from the schema (types.ts); wherever kubeplan does not know a
// type (results of calls, int-or-string, preserved unknown fields), nothing is said.
import type { ASTNode } from "@marcbachmann/cel-js";
import type { CelType } from "./types.js";
import { objectTypeNames } from "./type-names.js";
import { isReceiverMacro, receiverMacroVariables } from "./declarations.js";

/** One refused selection: cel-go's message and where in the parsed text it is reported. */
export interface SelectIssue {
  message: string;
  /** Offset in the text cel-js parsed (source.ts's rewriting of the rule). */
  offset: number;
}

/** cel-go's names of the types that cannot have fields (FormatCELType). */
const FIELDLESS: Partial<Record<CelType["kind"], string>> = {
  string: "string",
  bytes: "bytes",
  int: "int",
  double: "double",
  bool: "bool",
  timestamp: "timestamp",
  duration: "duration",
};

const INT: CelType = { kind: "int", maxElements: 1, minSerializedSize: 1 };
const KEY: CelType = { kind: "string", maxElements: 0, minSerializedSize: 2 };

class SelectChecker {
  readonly issues: SelectIssue[] = [];
  private readonly scopes: Array<Map<string, CelType | undefined>> = [];

  private typeNames: WeakMap<CelType, string> | undefined;

  constructor(
    private readonly variables: ReadonlyMap<string, CelType>,
    private readonly text: string,
    private readonly kubernetesVersion: string,
  ) {}

  /** The names of self's object types, worked out for the first issue only: most rules have none, and self may be a whole large schema. */
  private get names(): WeakMap<CelType, string> {
    const self = this.variables.get("self");
    return (this.typeNames ??= self ? objectTypeNames(self) : new WeakMap());
  }

  /** FormatCELType of a type kubeplan is sure of; undefined for dyn and unnamed objects. */
  private format(type: CelType | undefined): string | undefined {
    if (!type) return undefined;
    if (type.kind === "list") {
      const elem = this.format(type.elem);
      return elem === undefined ? undefined : `list(${elem})`;
    }
    if (type.kind === "map") {
      const elem = this.format(type.elem);
      return elem === undefined ? undefined : `map(string, ${elem})`;
    }
    return FIELDLESS[type.kind] ?? this.names.get(type);
  }

  private lookup(name: string): CelType | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i]!.get(name);
    return this.variables.get(name);
  }

  private scoped<T>(bindings: Map<string, CelType | undefined>, run: () => T): T {
    this.scopes.push(bindings);
    try {
      return run();
    } finally {
      this.scopes.pop();
    }
  }

  /** The offset of the `.` of a selection whose field name starts at `fieldOffset`. */
  private dotBefore(fieldOffset: number): number {
    let i = fieldOffset - 1;
    while (i > 0 && (this.text[i] === "?" || /\s/.test(this.text[i]!))) i--;
    return this.text[i] === "." ? i : fieldOffset;
  }

  /** The type of the selected field; undefined when unknown (or refused). */
  private select(operand: CelType | undefined, field: string, offset: number): CelType | undefined {
    if (!operand) return undefined;
    if (operand.kind === "object" && operand.fields) {
      const type = operand.fields.get(field);
      if (!type) this.issues.push({ message: `undefined field '${field}'`, offset });
      return type;
    }
    if (operand.kind === "map") return operand.elem;
    const name = FIELDLESS[operand.kind] ?? (operand.kind === "list" ? this.format(operand) : undefined);
    if (name) this.issues.push({ message: `type '${name}' does not support field selection`, offset });
    return undefined;
  }

  /** The static type of a node, checking the selections inside it. */
  check(node: ASTNode): CelType | undefined {
    switch (node.op) {
      case "id":
        return this.lookup(node.args as string);
      case ".":
      case ".?": {
        const [operand, field] = node.args as [ASTNode, string];
        return this.select(this.check(operand), field, this.dotBefore(node.pos));
      }
      case "[]":
      case "[?]": {
        const [operand, index] = node.args as [ASTNode, ASTNode];
        const type = this.check(operand);
        this.check(index);
        return type && (type.kind === "list" || type.kind === "map") ? type.elem : undefined;
      }
      case "call":
        return this.call(node, node.args[0] as string, undefined, node.args[1] as ASTNode[]);
      case "rcall":
        return this.call(node, node.args[0] as string, node.args[1] as ASTNode, node.args[2] as ASTNode[]);
      default:
        this.children(node);
        return undefined;
    }
  }

  private children(node: ASTNode): void {
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string") this.check(value as ASTNode);
    };
    visit(node.args);
  }

  private call(node: ASTNode, name: string, target: ASTNode | undefined, args: ASTNode[]): CelType | undefined {
    // has(x.f) is reported at the macro's opening parenthesis, as cel-go locates the presence test.
    if (name === "__has" && !target && args[0]?.op === ".") {
      const [operand, field] = args[0].args as [ASTNode, string];
      this.select(this.check(operand), field, this.text.indexOf("(", node.pos));
      return undefined;
    }
    // A macro the release does not offer is a call: its variables are undeclared, so selections on them are not judged.
    const variables = target ? receiverMacroVariables(name, args.length, this.kubernetesVersion) : undefined;
    if (target && variables !== undefined && name !== "sortBy" && !name.startsWith("opt") && args.slice(0, variables).every((arg) => arg.op === "id")) {
      this.comprehension(name, this.check(target), args.slice(0, variables), args.slice(variables));
      return undefined;
    }
    if (target && variables === undefined && isReceiverMacro(name, args.length)) {
      this.check(target);
      return undefined;
    }
    if (name === "bind" && target?.op === "id" && target.args === "cel" && args.length === 3 && args[0]!.op === "id") {
      const value = this.check(args[1]!);
      this.scoped(new Map([[args[0]!.args as string, value]]), () => this.check(args[2]!));
      return undefined;
    }
    if (target) this.check(target);
    for (const arg of args) this.check(arg);
    return undefined;
  }

  /** The bodies of a comprehension, with its variables typed by the range. */
  private comprehension(name: string, range: CelType | undefined, variableArgs: ASTNode[], bodies: ASTNode[]): void {
    const variables = variableArgs.map((arg) => arg.args as string);
    const isList = range?.kind === "list";
    const isMap = range?.kind === "map" || range?.kind === "object";
    const twoVariables = variables.length === 2;
    const bindings = new Map<string, CelType | undefined>();
    if (twoVariables) {
      bindings.set(variables[0]!, isList ? INT : isMap ? KEY : undefined);
      bindings.set(variables[1]!, isList || range?.kind === "map" ? range?.elem : undefined);
    } else {
      bindings.set(variables[0]!, isList ? range?.elem : isMap ? KEY : undefined);
    }
    this.scoped(bindings, () => bodies.forEach((body) => this.check(body)));
  }
}

/** The selections of an expression cel-go's checker would refuse, given its variables' types. */
export function selectIssues(ast: ASTNode, variables: ReadonlyMap<string, CelType>, parsedText: string, kubernetesVersion: string): SelectIssue[] {
  const checker = new SelectChecker(variables, parsedText, kubernetesVersion);
  checker.check(ast);
  return checker.issues;
}
