// cel-go's stringFormatValidator (ext/formatting.go), which the strings
// extension adds to the environment from cel-go 0.20 (Kubernetes 1.31): a
// `format` call whose format string is a string literal and whose argument
// is a list literal is checked when the expression compiles, as the call
// would run, with the items' checked types for values:
// - the format string's clauses: `%` at its end (`unexpected end of string`),
//   a clause with no item for it (`index 1 out of range`), a verb other than
//   s d f e b x X o (`could not parse formatting clause: unrecognized
//   formatting clause "q"`), a precision with no digits or no verb after it;
// - each item's type against its clause (`error during formatting: decimal
//   clause can only be used on integers, was given string`), for %s down
//   through the items of list and map literals;
// - more items than clauses (`too many arguments supplied to string.format
//   (expected 1, got 2)`).
// The first error of a call is reported, at the item it is about (for %s the
// nested item of the wrong type), else at the call's `(`. An item whose type
// kubeplan does not know, or dyn, passes, as dyn passes in cel-go. Format
// strings are read byte by byte in UTF-8, as Go reads them.
import type { ASTNode } from "@marcbachmann/cel-js";
import type { CheckedType } from "./checker-types.js";
import type { CheckResult } from "./checker.js";
import type { CheckIssue } from "./issues.js";
import { atLeast } from "../../../util/release.js";

const MAX_DEPTH = 64;
const MAX_CALLS = 256;

const isNode = (value: unknown): value is ASTNode => value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string";

/** The kinds cel-go's checker gives the types kubeplan works out (Type.Kind), with their TypeName. */
type Kind = "bool" | "int" | "uint" | "double" | "string" | "bytes" | "timestamp" | "duration" | "null" | "list" | "map" | "other";

interface KnownType {
  kind: Kind;
  /** Type.TypeName(), which the errors print. */
  typeName: string;
}

const PRIMITIVE_TYPE_NAMES: Readonly<Record<string, string>> = { timestamp: "google.protobuf.Timestamp", duration: "google.protobuf.Duration" };

/** The kind and name of a checked type; undefined where the check passes whatever it is (dyn, unknown). */
function knownType(type: CheckedType | undefined): KnownType | undefined {
  if (type === undefined || type.kind === "dyn" || type.kind === "param" || type.kind === "error") return undefined;
  switch (type.kind) {
    case "primitive":
      return { kind: type.name as Kind, typeName: PRIMITIVE_TYPE_NAMES[type.name] ?? type.name };
    case "null":
      return { kind: "null", typeName: "null_type" };
    case "list":
      return { kind: "list", typeName: "list" };
    case "map":
      return { kind: "map", typeName: "map" };
    case "object":
    case "opaque":
      return { kind: "other", typeName: type.name };
  }
}

/** An error the checker reports at an item (formatError), or at the call. */
class FormatError extends Error {
  constructor(
    message: string,
    readonly at?: ASTNode,
  ) {
    super(message);
  }
}

/** What each clause takes, and its words when an item is of another type. */
const CLAUSES: Readonly<Record<string, { kinds: readonly Kind[]; error: string }>> = {
  d: { kinds: ["int", "uint"], error: "decimal clause can only be used on integers" },
  f: { kinds: ["double", "string"], error: "fixed-point clause can only be used on doubles" },
  e: { kinds: ["double", "string"], error: "scientific clause can only be used on doubles" },
  b: { kinds: ["int", "uint", "bool"], error: "only integers and bools can be formatted as binary" },
  x: { kinds: ["int", "uint", "string", "bytes"], error: "only integers, byte buffers, and strings can be formatted as hex" },
  X: { kinds: ["int", "uint", "string", "bytes"], error: "only integers, byte buffers, and strings can be formatted as hex" },
  o: { kinds: ["int", "uint"], error: "octal clause can only be used on integers" },
};
/** %s takes every type but objects and opaque ones (optionals, IPs...); a type value is known to kubeplan by no type. */
const STRING_KINDS: readonly Kind[] = ["list", "map", "int", "uint", "double", "bool", "string", "timestamp", "bytes", "duration", "null"];
const STRING_ERROR = "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps";

const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

class FormatChecker {
  /** How many items the clauses asked for. */
  requested = 0;

  constructor(
    private readonly items: readonly ASTNode[],
    private readonly types: ReadonlyMap<ASTNode, CheckedType>,
  ) {}

  private verify(item: ASTNode, kinds: readonly Kind[], error: string): void {
    const type = knownType(this.types.get(item));
    if (type !== undefined && !kinds.includes(type.kind)) throw new FormatError(`${error}, was given ${type.typeName}`, item);
  }

  /** %s: the item, and the items and entries of list and map literals within it. */
  private verifyString(item: ASTNode, depth = 0): void {
    this.verify(item, STRING_KINDS, STRING_ERROR);
    if (depth > MAX_DEPTH) return;
    if (item.op === "list") for (const nested of item.args as ASTNode[]) this.verifyString(nested, depth + 1);
    if (item.op === "map") for (const entry of item.args as ASTNode[][]) for (const nested of entry) if (isNode(nested)) this.verifyString(nested, depth + 1);
  }

  /** The clause at `bytes[at]` (just past the `%`): how many bytes it takes. */
  private clause(bytes: Buffer, at: number, item: ASTNode): number {
    let i = at;
    if (bytes[i] === 0x2e) {
      // A precision: digits, then the verb.
      i++;
      const digitsFrom = i;
      for (;;) {
        if (i >= bytes.length) throw new FormatError("could not parse formatting clause: error while parsing precision: could not find end of precision specifier");
        if (!isDigit(bytes[i]!)) break;
        i++;
      }
      const digits = bytes.subarray(digitsFrom, i).toString("latin1");
      // strconv.Atoi: no digits, or more than an int64 holds.
      if (digits === "") throw new FormatError('could not parse formatting clause: error while parsing precision: error while converting precision to integer: strconv.Atoi: parsing "": invalid syntax');
      if (BigInt(digits) > 9223372036854775807n) throw new FormatError(`could not parse formatting clause: error while parsing precision: error while converting precision to integer: strconv.Atoi: parsing "${digits}": value out of range`);
    }
    // Go reads one byte and prints it as the rune of that value.
    const verb = String.fromCharCode(bytes[i]!);
    if (verb === "s") this.wrap(() => this.verifyString(item));
    else if (Object.hasOwn(CLAUSES, verb)) this.wrap(() => this.verify(item, CLAUSES[verb]!.kinds, CLAUSES[verb]!.error));
    else throw new FormatError(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
    return i + 1 - at;
  }

  private wrap(check: () => void): void {
    try {
      check();
    } catch (error) {
      if (error instanceof FormatError) throw new FormatError(`error during formatting: ${error.message}`, error.at);
      throw error;
    }
  }

  /** parseFormatString with this checker as the clauses and the items. */
  run(format: string): void {
    const bytes = Buffer.from(format, "utf8");
    let i = 0;
    let index = 0;
    while (i < bytes.length) {
      if (bytes[i] !== 0x25) {
        i++;
        continue;
      }
      if (bytes[i + 1] === 0x25) {
        i += 2;
        continue;
      }
      this.requested++;
      if (i + 1 >= bytes.length) throw new FormatError("unexpected end of string");
      if (index >= this.items.length) throw new FormatError(`index ${index} out of range`);
      i += 1 + this.clause(bytes, i + 1, this.items[index]!);
      index++;
    }
  }
}

/** The `format` calls of an AST whose format string is a string literal and whose argument is a list literal. */
function formatCalls(node: unknown, found: ASTNode[] = [], depth = 0): ASTNode[] {
  if (found.length >= MAX_CALLS || depth > MAX_DEPTH || !isNode(node)) return found;
  if (node.op === "rcall") {
    const [name, target, args] = node.args as [string, ASTNode, ASTNode[]];
    if (name === "format" && target?.op === "value" && typeof target.args === "string" && args.length === 1 && args[0]?.op === "list") found.push(node);
  }
  const args: unknown = node.args;
  for (const child of Array.isArray(args) ? args.flat() : [args]) formatCalls(child, found, depth + 1);
  return found;
}

/**
 * The error as the issue shows it: before cel-go 0.23 (Kubernetes 1.33) the
 * validator passed it to ReportErrorAtID as a format of its own, so Go reads
 * the `%"` of a `%` verb (`'%.1%'`) as a verb with no argument.
 */
function reportedMessage(message: string, kubernetesVersion: string): string {
  return atLeast(kubernetesVersion, "1.33") ? message : message.replace('clause "%"', 'clause "%!"(MISSING)');
}

/** The string format validator's issues, once the expression checked (from 1.31): offsets in the parsed text. */
export function stringFormatIssues(ast: ASTNode, checked: Pick<CheckResult, "types" | "location">, kubernetesVersion: string): CheckIssue[] {
  if (!atLeast(kubernetesVersion, "1.31")) return [];
  const issues: CheckIssue[] = [];
  for (const call of formatCalls(ast)) {
    const [, target, args] = call.args as [string, ASTNode, ASTNode[]];
    const items = args[0]!.args as ASTNode[];
    const checker = new FormatChecker(items, checked.types);
    try {
      checker.run(target.args as string);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      issues.push({ message: reportedMessage(error.message, kubernetesVersion), offset: checked.location(error.at ?? call) });
      continue;
    }
    if (items.length > checker.requested) issues.push({ message: `too many arguments supplied to string.format (expected ${checker.requested}, got ${items.length})`, offset: checked.location(call) });
  }
  return issues;
}
