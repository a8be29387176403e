// A device selector's CEL expression compiled as the API server compiles it on
// create (k8s.io/dynamic-resource-allocation/cel CompileCELExpression): in the
// environment of one `device` (driver, attributes, capacity), to a bool or the
// unknown type. The cost estimate (CELSelectorExpressionMaxCost) is not made.
import { invalid, tooLong, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { kubernetesCelEnvironment, type KubernetesCelEnvironment } from "../../../schema/crd/cel/library.js";
import { compileInEnvironment } from "../cel-compile.js";

/** CELSelectorExpressionMaxLength. */
const CEL_SELECTOR_EXPRESSION_MAX_LENGTH = 10 * 1024;

let environment: KubernetesCelEnvironment | null | undefined;

/** The selector environment, built on first use. */
function deviceEnvironment(): KubernetesCelEnvironment | null {
  if (environment === undefined) environment = kubernetesCelEnvironment({ device: "map" });
  return environment;
}

/** validateCELExpression of a selector: at most 10 KiB, compiled to a bool (a result of unknown type may be one). */
export function validateCELExpression(expression: string, fldPath: FieldPath): ErrorList {
  if (Buffer.byteLength(expression) > CEL_SELECTOR_EXPRESSION_MAX_LENGTH) return [tooLong(fldPath, "", CEL_SELECTOR_EXPRESSION_MAX_LENGTH)];
  const env = deviceEnvironment();
  if (!env) return [];
  const outcome = compileInEnvironment(env, expression, fldPath, expression);
  if ("error" in outcome) return [outcome.error];
  if (outcome.type === undefined || outcome.type === "bool") return [];
  return [invalid(fldPath, expression, `must evaluate to bool or the unknown type, not ${outcome.type}`)];
}
