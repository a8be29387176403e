// CEL functions called through a namespace (`sets.contains(a, b)`,
// `math.greatest(1, 2)`): cel-js reads `sets` as a value, so each namespace
// is a constant of a type of its own whose methods are the functions.
import type { Environment } from "@marcbachmann/cel-js";

/** Declares the namespace; functions are then registered as `<returned type>.name(...)`. */
export function namespace(env: Environment, name: string): string {
  const typeName = `${name[0]!.toUpperCase()}${name.slice(1)}Namespace`;
  const Namespace = { [typeName]: class {} }[typeName]!;
  env.registerType(typeName, Namespace);
  env.registerConstant(name, typeName, new Namespace());
  return typeName;
}
