// Optional values compared with null as cel-go compares them: the type
// checker lets an optional meet null (opaque types are nullable), and at run
// time an optional, even optional.none(), is never equal to null (types.Equal).
// cel-js has no such overload.
import type { Environment } from "@marcbachmann/cel-js";

export function registerOptionalEquality(env: Environment): void {
  // One registration serves both operand orders and `!=`.
  env.registerOperator("optional<dyn> == null: bool", () => false);
}
