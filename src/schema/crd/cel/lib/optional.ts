// Optional values compared as cel-go compares them: the type checker lets
// an optional meet null (opaque types are nullable), and at run time an
// optional, even optional.none(), is never equal to null (types.Equal); two
// optionals are equal when both are none or both hold equal values
// (Optional.Equal). cel-js has neither overload.
import type { Environment } from "@marcbachmann/cel-js";
import { celEquals } from "./equals.js";

export function registerOptionalEquality(env: Environment): void {
  // One registration serves both operand orders and `!=`.
  env.registerOperator("optional<dyn> == null: bool", () => false);
  env.registerOperator("optional<dyn> == optional<dyn>: bool", (a: unknown, b: unknown) => celEquals(a, b));
}
