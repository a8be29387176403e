// What Go's encoding/json says when it unmarshals bytes into a
// map[string]interface{}: the syntax error of its scanner (scanner.go), or the
// type error when the JSON is not an object (or null). Bounded by the input:
// one pass, an explicit stack, no recursion.
import { goQuote } from "./values.js";

/** Go's quoteChar: the byte (read as a rune) as a quoted character literal. */
function quoteChar(byte: number): string {
  if (byte === 0x27) return "'\\''";
  if (byte === 0x22) return "'\"'";
  return `'${goQuote(String.fromCharCode(byte)).slice(1, -1)}'`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** The scanner's error for `bytes`, or undefined when they are one JSON value. */
export function goJsonSyntaxError(bytes: Uint8Array): string | undefined {
  const stack: Array<"object-key" | "object-value" | "array"> = [];
  type State = "value" | "value-or-close-array" | "key-or-close-object" | "key" | "end-value" | "end-top" | "string" | "escape" | "neg" | "zero" | "int" | "dot" | "frac" | "exp" | "exp-sign" | "exp-digits" | "literal";
  let state: State = "value";
  let escapeHex = 0;
  let literal = "";
  let literalPos = 0;
  const invalid = (c: number, context: string) => `invalid character ${quoteChar(c)} ${context}`;
  for (let i = 0; i <= bytes.length; i++) {
    // The end of input is read as a space, which completes a top-level number.
    const atEnd = i === bytes.length;
    const c = atEnd ? 0x20 : bytes[i]!;
    let again = true;
    while (again) {
      again = false;
      switch (state) {
        case "value-or-close-array":
          if (isSpace(c)) break;
          if (c === 0x5d) {
            state = "end-value";
            again = true;
            break;
          }
          state = "value";
          again = true;
          break;
        case "value":
          if (isSpace(c)) break;
          if (c === 0x7b) {
            stack.push("object-key");
            state = "key-or-close-object";
          } else if (c === 0x5b) {
            stack.push("array");
            state = "value-or-close-array";
          } else if (c === 0x22) state = "string";
          else if (c === 0x2d) state = "neg";
          else if (c === 0x30) state = "zero";
          else if (c >= 0x31 && c <= 0x39) state = "int";
          else if (c === 0x74 || c === 0x66 || c === 0x6e) {
            literal = c === 0x74 ? "true" : c === 0x66 ? "false" : "null";
            literalPos = 1;
            state = "literal";
          } else return atEnd ? "unexpected end of JSON input" : invalid(c, "looking for beginning of value");
          break;
        case "key-or-close-object":
          if (isSpace(c)) break;
          if (c === 0x7d) {
            stack.pop();
            state = "end-value";
            break;
          }
          state = "key";
          again = true;
          break;
        case "key":
          if (isSpace(c)) break;
          if (c === 0x22) state = "string";
          else return atEnd ? "unexpected end of JSON input" : invalid(c, "looking for beginning of object key string");
          break;
        case "string":
          if (atEnd) return "unexpected end of JSON input";
          if (c === 0x22) state = "end-value";
          else if (c === 0x5c) state = "escape";
          else if (c < 0x20) return invalid(c, "in string literal");
          break;
        case "escape":
          if (atEnd) return "unexpected end of JSON input";
          if (escapeHex > 0) {
            if (!isHex(c)) return invalid(c, "in \\u hexadecimal character escape");
            escapeHex--;
            if (escapeHex === 0) state = "string";
          } else if ("bfnrt\\/\"".includes(String.fromCharCode(c))) state = "string";
          else if (c === 0x75) escapeHex = 4;
          else return invalid(c, "in string escape code");
          break;
        case "neg":
          if (c === 0x30) state = "zero";
          else if (c >= 0x31 && c <= 0x39) state = "int";
          else return atEnd ? "unexpected end of JSON input" : invalid(c, "in numeric literal");
          break;
        case "int":
          if (isDigit(c)) break;
          state = "zero";
          again = true;
          break;
        case "zero":
          if (c === 0x2e) state = "dot";
          else if (c === 0x65 || c === 0x45) state = "exp";
          else {
            state = "end-value";
            again = true;
          }
          break;
        case "dot":
          if (isDigit(c)) state = "frac";
          else return atEnd ? "unexpected end of JSON input" : invalid(c, "after decimal point in numeric literal");
          break;
        case "frac":
          if (isDigit(c)) break;
          if (c === 0x65 || c === 0x45) state = "exp";
          else {
            state = "end-value";
            again = true;
          }
          break;
        case "exp":
          state = "exp-sign";
          if (c === 0x2b || c === 0x2d) break;
          again = true;
          break;
        case "exp-sign":
          if (isDigit(c)) state = "exp-digits";
          else return atEnd ? "unexpected end of JSON input" : invalid(c, "in exponent of numeric literal");
          break;
        case "exp-digits":
          if (isDigit(c)) break;
          state = "end-value";
          again = true;
          break;
        case "literal":
          if (atEnd) return "unexpected end of JSON input";
          if (c !== literal.charCodeAt(literalPos)) return invalid(c, `in literal ${literal} (expecting ${quoteChar(literal.charCodeAt(literalPos))})`);
          literalPos++;
          if (literalPos === literal.length) state = "end-value";
          break;
        case "end-value": {
          const top = stack[stack.length - 1];
          if (top === undefined) {
            state = "end-top";
            again = true;
            break;
          }
          if (isSpace(c)) break;
          if (atEnd) return "unexpected end of JSON input";
          if (top === "object-key") {
            if (c !== 0x3a) return invalid(c, "after object key");
            stack[stack.length - 1] = "object-value";
            state = "value";
          } else if (top === "object-value") {
            if (c === 0x2c) {
              stack[stack.length - 1] = "object-key";
              state = "key";
            } else if (c === 0x7d) stack.pop();
            else return invalid(c, "after object key:value pair");
          } else if (c === 0x2c) state = "value";
          else if (c === 0x5d) stack.pop();
          else return invalid(c, "after array element");
          break;
        }
        case "end-top":
          if (!isSpace(c)) return invalid(c, "after top-level value");
          break;
      }
    }
  }
  // Input that ends inside a value (an open object, say) is incomplete.
  return state === "end-top" ? undefined : "unexpected end of JSON input";
}

/** json.Unmarshal into a map[string]interface{}: its error message, or undefined when it succeeds. */
export function goUnmarshalMapError(bytes: Uint8Array): string | undefined {
  const syntax = goJsonSyntaxError(bytes);
  if (syntax) return syntax;
  let first = 0;
  while (first < bytes.length && isSpace(bytes[first]!)) first++;
  const c = bytes[first]!;
  if (c === 0x7b || c === 0x6e) return undefined;
  const kind = c === 0x5b ? "array" : c === 0x22 ? "string" : c === 0x74 || c === 0x66 ? "bool" : "number";
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

/** The name encoding/json gives a JSON value's kind in its type errors. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value !== null && typeof value === "object") return "object";
  return typeof value === "string" ? "string" : typeof value === "boolean" ? "bool" : "number";
}

/**
 * json.Unmarshal of `text` into a slice of structs (`[]core.Taint`, say): its
 * error when the text is not JSON, not a list, or holds an item that is not an
 * object; undefined otherwise (the items' fields are not type-checked).
 */
export function goUnmarshalStructListError(text: string, elementType: string): string | undefined {
  const syntax = goJsonSyntaxError(new TextEncoder().encode(text));
  if (syntax) return syntax;
  const value: unknown = JSON.parse(text);
  if (value === null) return undefined;
  if (!Array.isArray(value)) return `json: cannot unmarshal ${jsonKind(value)} into Go value of type []${elementType}`;
  const item: unknown = value.find((element) => element !== null && (typeof element !== "object" || Array.isArray(element)));
  return item === undefined ? undefined : `json: cannot unmarshal ${jsonKind(item)} into Go value of type ${elementType}`;
}
