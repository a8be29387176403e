// The types of cel-go's checker and when one is assignable to another
// (checker/types.go internalIsAssignable, isValidTypeSubstitution,
// mostGeneral), the same in every cel-go release Kubernetes 1.30-1.36 uses.
// Types are written as FormatCELType prints them: `int`, `list(string)`,
// `map(string, list(string))`, `kubernetes.UserInfo`, `null`, `dyn`; a
// single upper-case letter is a type parameter of an overload. `!error!` is
// the type of a node the checker already refused, assignable to anything so
// that the check goes on.

export type CheckedType =
  | { kind: "primitive"; name: string }
  | { kind: "dyn" }
  | { kind: "error" }
  | { kind: "null" }
  | { kind: "list"; elem: CheckedType }
  | { kind: "map"; key: CheckedType; value: CheckedType }
  /** A declared object type: selections on it are checked against its fields. */
  | { kind: "object"; name: string }
  /** An opaque type (optional_type(T), kubernetes.authorization.*): no fields. */
  | { kind: "opaque"; name: string; params: CheckedType[] }
  | { kind: "param"; name: string };

const PRIMITIVES = new Set(["bool", "int", "uint", "double", "string", "bytes", "timestamp", "duration"]);

export const DYN: CheckedType = { kind: "dyn" };
/**
 * A dyn kubeplan is not sure of: what an overload's type parameter stands for
 * when no argument bound it. cel-go keeps such a parameter open and may bind
 * it later in the expression (`optional.none().orValue(true)` is a bool), and
 * makes it dyn only if it is still open at the end; so a result of this type
 * is not refused for being dyn. Told from DYN by identity.
 */
export const UNRESOLVED_DYN: CheckedType = { kind: "dyn" };
export const ERROR: CheckedType = { kind: "error" };
export const BOOL: CheckedType = { kind: "primitive", name: "bool" };

/** The parameters of `name(a, b)`, split at the top-level commas. */
export function splitParameters(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === "(") depth++;
    else if (inner[i] === ")") depth--;
    else if (inner[i] === "," && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out.filter((part) => part.length > 0);
}

/** A type from its FormatCELType text; `objects` tells the declared object types from opaque ones. */
export function parseType(text: string, objects: ReadonlySet<string> = new Set()): CheckedType {
  const open = text.indexOf("(");
  if (open < 0) {
    if (text === "dyn") return DYN;
    if (text === "null" || text === "null_type") return { kind: "null" };
    if (text === "!error!") return ERROR;
    if (PRIMITIVES.has(text)) return { kind: "primitive", name: text };
    if (/^[A-Z]$/.test(text)) return { kind: "param", name: text };
    return objects.has(text) ? { kind: "object", name: text } : { kind: "opaque", name: text, params: [] };
  }
  const name = text.slice(0, open);
  const params = splitParameters(text.slice(open + 1, -1)).map((param) => parseType(param, objects));
  if (name === "list" && params.length === 1) return { kind: "list", elem: params[0]! };
  if (name === "map" && params.length === 2) return { kind: "map", key: params[0]!, value: params[1]! };
  return { kind: "opaque", name, params };
}

/** FormatCELType. */
export function formatType(type: CheckedType): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "dyn":
      return "dyn";
    case "error":
      return "!error!";
    case "null":
      return "null";
    case "list":
      return `list(${formatType(type.elem)})`;
    case "map":
      return `map(${formatType(type.key)}, ${formatType(type.value)})`;
    case "object":
      return type.name;
    case "opaque":
      return type.params.length === 0 ? type.name : `${type.name}(${type.params.map(formatType).join(", ")})`;
    case "param":
      return type.name;
  }
}

/** The substitutions of type parameters found so far. */
export type Mapping = Map<string, CheckedType>;

const isDynOrError = (type: CheckedType) => type.kind === "dyn" || type.kind === "error";

/** Whether a type holds no type parameter: only such types are sure enough to refuse a call with. */
export function isConcrete(type: CheckedType): boolean {
  switch (type.kind) {
    case "param":
      return false;
    case "list":
      return isConcrete(type.elem);
    case "map":
      return isConcrete(type.key) && isConcrete(type.value);
    case "opaque":
      return type.params.every(isConcrete);
    default:
      return true;
  }
}

function isExactType(a: CheckedType, b: CheckedType): boolean {
  return formatType(a) === formatType(b);
}

/** isEqualOrLessSpecific: dyn and type parameters are less specific than anything. */
function isEqualOrLessSpecific(a: CheckedType, b: CheckedType): boolean {
  if (a.kind === "dyn" || a.kind === "param") return true;
  if (b.kind === "dyn" || b.kind === "param") return false;
  if (a.kind !== b.kind) return false;
  if (a.kind === "list" && b.kind === "list") return isEqualOrLessSpecific(a.elem, b.elem);
  if (a.kind === "map" && b.kind === "map") return isEqualOrLessSpecific(a.key, b.key) && isEqualOrLessSpecific(a.value, b.value);
  if (a.kind === "opaque" && b.kind === "opaque") return a.name === b.name && a.params.length === b.params.length && a.params.every((param, i) => isEqualOrLessSpecific(param, b.params[i]!));
  return isExactType(a, b);
}

/** mostGeneral: the more general of two types known to unify. */
export function mostGeneral(a: CheckedType, b: CheckedType): CheckedType {
  return isEqualOrLessSpecific(a, b) ? a : b;
}

/** isLegacyNullable: null is assignable to objects, opaque types, timestamps and durations. */
function isNullable(type: CheckedType): boolean {
  return type.kind === "object" || type.kind === "opaque" || (type.kind === "primitive" && (type.name === "timestamp" || type.name === "duration"));
}

/** isValidTypeSubstitution: whether `param` (or what it stands for) can be `type`; records the substitution. */
function isValidTypeSubstitution(m: Mapping, type: CheckedType, param: CheckedType & { kind: "param" }): [valid: boolean, hasSubstitution: boolean] {
  if (type.kind === "param" && type.name === param.name) return [true, true];
  const substitution = m.get(param.name);
  if (substitution) {
    if (isExactType(type, substitution)) return [true, true];
    if (internalIsAssignable(m, type, substitution)) {
      m.set(param.name, mostGeneral(type, substitution));
      return [true, true];
    }
    return [false, true];
  }
  m.set(param.name, type);
  return [true, false];
}

/** internalIsAssignable: whether `from` can be passed where `to` is expected, recording substitutions in `m`. */
function internalIsAssignable(m: Mapping, from: CheckedType, to: CheckedType): boolean {
  if (to.kind === "param") {
    const [valid, hasSubstitution] = isValidTypeSubstitution(m, from, to);
    if (valid) return true;
    if (hasSubstitution) return false;
  }
  if (from.kind === "param") return isValidTypeSubstitution(m, to, from)[0];
  if (isDynOrError(from) || isDynOrError(to)) return true;
  if (from.kind === "null") return isNullable(to) || to.kind === "null";
  if (to.kind === "null") return isNullable(from);
  switch (from.kind) {
    case "primitive":
    case "object":
      return isExactType(from, to);
    case "list":
      return to.kind === "list" && internalIsAssignable(m, from.elem, to.elem);
    case "map":
      return to.kind === "map" && internalIsAssignable(m, from.key, to.key) && internalIsAssignable(m, from.value, to.value);
    case "opaque":
      return to.kind === "opaque" && from.name === to.name && from.params.length === to.params.length && from.params.every((param, i) => internalIsAssignable(m, param, to.params[i]!));
    default:
      return false;
  }
}

/** isAssignableList: the substitutions that make each `from` assignable to its `to`, or undefined. */
export function isAssignableList(m: Mapping, from: readonly CheckedType[], to: readonly CheckedType[]): Mapping | undefined {
  if (from.length !== to.length) return undefined;
  const copy = new Map(m);
  return from.every((type, i) => internalIsAssignable(copy, type, to[i]!)) ? copy : undefined;
}

/** substitute: a type with its parameters replaced by what they stand for, dyn where nothing is known. */
export function substitute(m: Mapping, type: CheckedType, depth = 0): CheckedType {
  if (depth > 32) return UNRESOLVED_DYN;
  switch (type.kind) {
    case "param": {
      const found = m.get(type.name);
      return found && !(found.kind === "param" && found.name === type.name) ? substitute(m, found, depth + 1) : UNRESOLVED_DYN;
    }
    case "list":
      return { kind: "list", elem: substitute(m, type.elem, depth + 1) };
    case "map":
      return { kind: "map", key: substitute(m, type.key, depth + 1), value: substitute(m, type.value, depth + 1) };
    case "opaque":
      return { ...type, params: type.params.map((param) => substitute(m, param, depth + 1)) };
    default:
      return type;
  }
}

/** Whether a type holds a dyn kubeplan is not sure of (UNRESOLVED_DYN). */
export function holdsUnresolved(type: CheckedType, depth = 0): boolean {
  if (type === UNRESOLVED_DYN) return true;
  if (depth > 32) return false;
  switch (type.kind) {
    case "list":
      return holdsUnresolved(type.elem, depth + 1);
    case "map":
      return holdsUnresolved(type.key, depth + 1) || holdsUnresolved(type.value, depth + 1);
    case "opaque":
      return type.params.some((param) => holdsUnresolved(param, depth + 1));
    default:
      return false;
  }
}

/** Whether a result is certainly dyn, as cel-go's checker types it: dyn, not a type parameter kubeplan left open. */
export function isCertainlyDyn(type: CheckedType): boolean {
  return type.kind === "dyn" && type !== UNRESOLVED_DYN;
}

/** Whether two types are the same type (IsExactType). */
export function sameType(a: CheckedType, b: CheckedType): boolean {
  return isExactType(a, b);
}

/** isAssignable of one type to another, without type parameters: for the logical operators' bool operands. */
export function isAssignable(from: CheckedType, to: CheckedType): boolean {
  return isAssignableList(new Map(), [from], [to]) !== undefined;
}
