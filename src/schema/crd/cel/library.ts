// The CEL environment x-kubernetes-validations rules are evaluated in:
// @marcbachmann/cel-js (standard macros, strings, timestamps, optional
// values, cel.bind) plus the libraries Kubernetes adds (lib/): type
// conversions as cel-go converts, timestamps and durations to the
// nanosecond, strings and lists extensions, sets, math, RE2 regular
// expressions, url, quantity, ip and cidr, semver, format, has() over any
// selection, the two-variable comprehensions, optionals compared with
// null and optional entries of list and map literals. Loaded on first use
// only: most runs have no CEL rules.
import type { Environment, Optional as CelOptional, ParseResult } from "@marcbachmann/cel-js";
import { registerConversions, type ConversionClasses } from "./lib/conversions.js";
import { registerFormat } from "./lib/format.js";
import { registerIP } from "./lib/ip.js";
import { useFirstErrorLogic } from "./lib/logic.js";
import { forEachOperatorNode } from "./lib/operator-nodes.js";
import { registerLists } from "./lib/lists.js";
import { registerMacros } from "./lib/macros.js";
import { registerMath } from "./lib/math.js";
import { registerOptionalEquality } from "./lib/optional.js";
import { registerQuantity } from "./lib/quantity.js";
import { registerRegex } from "./lib/regex.js";
import { registerSemver } from "./lib/semver.js";
import { registerStrings } from "./lib/strings.js";
import { registerUrl } from "./lib/url.js";
import { useGoTimeOperators } from "./lib/time-operators.js";
import { useOptionalEntries } from "./lib/optional-entries.js";
import { rewriteRuleSourceMarkingEntries } from "./source.js";
import { requirePackage } from "../../../util/require-package.js";

type CelModule = typeof import("@marcbachmann/cel-js");


export interface CelRuntime {
  /** The rule parsed (as source.ts rewrites it); throws cel-js's ParseError. */
  parse(expression: string): ParseResult;
  /** A part of a rule parsed on its own: the variables of the macros around it are read from the activation. */
  parseSubexpression(expression: string): ParseResult;
  /** The value of an absent optional oldSelf. */
  none: CelOptional<never>;
  /** An optional oldSelf that holds a value. */
  some(value: unknown): CelOptional<unknown>;
}

/** Whether the expression refers to oldSelf (outside string literals). */
export function refersToOldSelf(expression: string): boolean {
  const code = expression.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''");
  return /\boldSelf\b/.test(code);
}

/** An environment of Kubernetes' CEL libraries with its own variables; parse applies source.ts's renamings. */
export interface KubernetesCelEnvironment {
  parse(expression: string): ParseResult;
}

/**
 * A CEL environment with Kubernetes' libraries and `variables` (name → cel-js
 * type), or null when the library cannot be loaded. x-kubernetes-validations
 * rules have self and oldSelf; admission expressions have object, request...
 */
export function kubernetesCelEnvironment(variables: Readonly<Record<string, string>>, unlistedVariablesAreDyn = false): KubernetesCelEnvironment | null {
  try {
    const env = libraryEnvironment(unlistedVariablesAreDyn);
    for (const [name, type] of Object.entries(variables)) env.registerVariable(name, type);
    const { Optional } = requirePackage<CelModule>("@marcbachmann/cel-js");
    const isOptional = (value: unknown): value is CelOptional<unknown> => value instanceof Optional;
    return {
      parse: (expression) => {
        const { text, optionalEntries } = rewriteRuleSourceMarkingEntries(expression);
        const parsed = env.parse(text);
        useOptionalEntries(parsed.ast, optionalEntries, isOptional);
        forEachOperatorNode(parsed.ast, (node) => {
          useFirstErrorLogic(node);
          useGoTimeOperators(node);
        });
        return parsed;
      },
    };
  } catch {
    return null;
  }
}

/** A new environment with Kubernetes' libraries and no variables; throws when cel-js cannot be loaded. */
function libraryEnvironment(unlistedVariablesAreDyn = false): Environment {
  const cel = requirePackage<CelModule>("@marcbachmann/cel-js");
  const env = new cel.Environment({ unlistedVariablesAreDyn, homogeneousAggregateLiterals: false, enableOptionalTypes: true });
  registerMacros(env, cel.Optional);
  for (const register of [registerRegex, registerStrings, registerLists, registerMath, registerUrl, registerQuantity, registerIP, registerSemver, registerOptionalEquality]) register(env);
  registerFormat(env, cel.Optional);
  registerConversions(env, requirePackage<ConversionClasses>("@marcbachmann/cel-js/evaluator"));
  return env;
}

const runtimes = new Map<boolean, CelRuntime | null>();

/**
 * The shared CEL runtime, or null when the library cannot be loaded (rules are then not evaluated).
 * oldSelf is an optional (optionalOldSelf rules) unless `oldSelfIsValue`: transition rules run on
 * a CRD's default, which is its own old object.
 */
export function celRuntime(oldSelfIsValue = false): CelRuntime | null {
  const known = runtimes.get(oldSelfIsValue);
  if (known !== undefined) return known;
  const variables = { self: "dyn", oldSelf: oldSelfIsValue ? "dyn" : "optional<dyn>" };
  const env = kubernetesCelEnvironment(variables);
  const { Optional } = requirePackage<CelModule>("@marcbachmann/cel-js");
  let subexpressions: KubernetesCelEnvironment | null | undefined;
  const parseSubexpression = (expression: string): ParseResult => {
    subexpressions ??= kubernetesCelEnvironment(variables, true);
    if (!subexpressions) throw new Error("the CEL library could not be loaded");
    return subexpressions.parse(expression);
  };
  const runtime: CelRuntime | null = env ? { parse: env.parse, parseSubexpression, none: Optional.none(), some: (value) => Optional.of(value) } : null;
  runtimes.set(oldSelfIsValue, runtime);
  return runtime;
}
