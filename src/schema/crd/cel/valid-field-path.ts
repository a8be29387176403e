// ValidFieldPath (apiextensions-apiserver pkg/apiserver/schema/cel/validation.go):
// the fieldPath of an x-kubernetes-validations rule, `.spec.replicas` or
// `.labels['a.b']`, read as the API server reads it (split at `.`, `[` and `]`,
// single-quoted keys unescaped) and walked through the schema: a name must be
// one of the object's properties, any key of a map will do, lists take no index.
import { isRecord, type JsonRecord } from "../../../util/object-access.js";

/** The longest fieldPath read: a rule's fieldPath is a short path, never a document. */
const MAX_FIELD_PATH = 4096;

const ESCAPES: Record<string, string> = { "'": "'", '"': '"', "\\": "\\", a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** The scanner's tokens: each of `.`, `[`, `]` alone, a quoted string whole, else the text between delimiters. */
function tokens(path: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i]!;
    if (c === "'") {
      let end = i + 1;
      while (end < path.length && !(path[end] === "'" && path[end - 1] !== "\\")) end++;
      found.push(path.slice(i, end + 1));
      i = end + 1;
    } else if (c === "." || c === "[" || c === "]") {
      found.push(c);
      i++;
    } else {
      let end = i;
      while (end < path.length && !".[]".includes(path[end]!)) end++;
      found.push(path.slice(i, end));
      i = end;
    }
  }
  return found;
}

/** unescapeSingleQuote. */
function unescapeSingleQuote(text: string): string | { error: string } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "\\" || i === text.length - 1) {
      out += text[i];
      continue;
    }
    const escaped = ESCAPES[text[i + 1]!];
    if (escaped === undefined) return { error: `invalid escape char \\${text[i + 1]}` };
    out += escaped;
    i++;
  }
  return out;
}

/** The names a fieldPath steps through, or why it cannot be read. */
export function readFieldPath(path: string): string[] | { error: string } {
  if (path.length > MAX_FIELD_PATH) return { error: "is too long" };
  const list = tokens(path);
  const steps: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (token === ".") {
      if (i + 1 >= list.length) return { error: "unexpected end of JSON path" };
      steps.push(list[++i]!);
    } else if (token === "[") {
      if (i + 1 >= list.length) return { error: "unexpected end of JSON path" };
      const quoted = list[++i]!;
      if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) return { error: `expected single quoted string but got ${quoted}` };
      const key = unescapeSingleQuote(quoted.slice(1, -1));
      if (typeof key !== "string") return { error: `invalid string literal: ${key.error}` };
      if (i + 1 >= list.length) return { error: "unexpected end of JSON path" };
      if (list[++i] !== "]") return { error: `expected ] but got ${list[i]}` };
      steps.push(key);
    } else {
      return { error: `expected [ or . but got: ${token}` };
    }
  }
  return steps;
}

const hasEntries = (value: unknown): value is JsonRecord => isRecord(value) && Object.keys(value).length > 0;

/** The field a path leads to: the path as field.Path prints it (`spec.labels[a]`) and the field's schema, if it has one. */
export interface FoundField {
  path: string;
  /** Undefined under a bare `additionalProperties: true|false`, whose values have no schema. */
  schema: JsonRecord | undefined;
}

/**
 * ValidFieldPath: the field a path names in the schema, or why it names none,
 * found as upstream scans it (each step looked up as soon as it is read, so
 * the first problem along the path is the one reported). A map's keys are
 * `[key]` in the path returned, whichever way the path wrote them.
 */
export function findFieldPath(path: string, schema: JsonRecord, allowArrayNotation = true): FoundField | { error: string } {
  if (path.length > MAX_FIELD_PATH) return { error: "is too long" };
  const list = tokens(path);
  let node: JsonRecord | undefined = schema;
  let printed = "";
  const step = (name: string): string | undefined => {
    // A map value without a schema has nothing to step into (upstream dereferences nil there).
    if (node === undefined) return "does not refer to a valid field";
    if (hasEntries(node.properties)) {
      const child = Object.hasOwn(node.properties, name) ? node.properties[name] : undefined;
      if (!isRecord(child)) return "does not refer to a valid field";
      node = child;
      printed += printed === "" ? name : `.${name}`;
    } else if (node.additionalProperties !== undefined && node.additionalProperties !== null) {
      node = isRecord(node.additionalProperties) ? node.additionalProperties : undefined;
      printed += `[${name}]`;
    } else {
      return "does not refer to a valid field";
    }
    return undefined;
  };
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    let name: string;
    if (token === ".") {
      if (i + 1 >= list.length) return { error: "unexpected end of JSON path" };
      name = list[++i]!;
    } else if (token === "[") {
      if (!allowArrayNotation) return { error: "array notation is not allowed" };
      if (i + 1 >= list.length) return { error: "unexpected end of JSON path" };
      const quoted = list[++i]!;
      if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) return { error: `expected single quoted string but got ${quoted}` };
      const key = unescapeSingleQuote(quoted.slice(1, -1));
      if (typeof key !== "string") return { error: `invalid string literal: ${key.error}` };
      const problem = step(key);
      if (problem) return { error: problem };
      if (i + 1 >= list.length) return { error: "unexpected end of JSON path" };
      if (list[++i] !== "]") return { error: `expected ] but got ${list[i]}` };
      continue;
    } else {
      return { error: `expected [ or . but got: ${token}` };
    }
    const problem = step(name);
    if (problem) return { error: problem };
  }
  return { path: printed, schema: node };
}

/** Why a rule's fieldPath names no field of the schema, or undefined when it does. */
export function validFieldPath(path: string, schema: JsonRecord): string | undefined {
  const found = findFieldPath(path, schema);
  return "error" in found ? found.error : undefined;
}
